package org.port853.change;

import java.time.Instant;
import java.util.List;

/** One change: the items before it and after it, and whether its health check must see encryption. */
public record ChangeRecord(String id, Instant started, String description, boolean requireEncrypted,
                           List<ItemSnapshot> before, List<ItemSnapshot> after) {
    public ChangeRecord {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
