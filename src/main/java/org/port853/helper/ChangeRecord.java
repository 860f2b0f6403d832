package org.port853.helper;

import java.time.Instant;
import java.util.List;

/** One change: the files before it and after it, and whether its health check must see encryption. */
public record ChangeRecord(String id, Instant started, String description, boolean requireEncrypted,
                           List<FileSnapshot> before, List<FileSnapshot> after) {
    public ChangeRecord {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
