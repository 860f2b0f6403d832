package org.port853.core;

import java.time.Instant;

/**
 * A change that the privileged side wrote but has not verified: interrupted, or, while {@code inProgress}, still
 * being made by a process that runs (a status read during an apply).
 */
public record PendingChange(String id, Instant started, String description, boolean inProgress) {
    /** An interrupted change: no process is making it any more. */
    public PendingChange(String id, Instant started, String description) {
        this(id, started, description, false);
    }
}
