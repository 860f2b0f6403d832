package org.port853.core;

import java.time.Instant;

/** A change that the privileged side wrote but never verified (it was interrupted). */
public record PendingChange(String id, Instant started, String description) {
}
