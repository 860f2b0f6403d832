package org.port853.change;

import java.time.Instant;
import java.util.List;

/** One change: the items before it and after it, and whether its health check must see encryption. */
public record ChangeRecord(String id, Instant started, String description, boolean requireEncrypted,
                           List<ItemSnapshot> before, List<ItemSnapshot> after) {
    /** How a journalled revert describes itself (the window translates it, PendingTexts). */
    public static final String REVERT = "revert to the settings from before Port853";

    public ChangeRecord {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** A journalled revert: its items to restore are both its before and its after. */
    public static ChangeRecord revert(List<ItemSnapshot> restore) {
        return new ChangeRecord(java.util.UUID.randomUUID().toString(), Instant.now(), REVERT, false, restore, restore);
    }

    /** Said so, not only before == after, which an apply of what was already in place can give too (not a bean getter:
     *  the journal is written from the record's components). */
    public boolean marksARevert() {
        return REVERT.equals(description) && before.equals(after);
    }
}
