package org.port853.change;

import java.time.Instant;

/** A change that ran to its end (kept, applied or rolled back), as the journal's history remembers it. */
public record Completed(String id, String description, Instant started, Instant finished, String outcome) {
}
