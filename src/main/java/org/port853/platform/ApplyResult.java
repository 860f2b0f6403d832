package org.port853.platform;

import java.time.Duration;
import java.util.List;

/**
 * What happened to a change. {@code reason} is one sentence (why it was refused, rolled back or failed);
 * {@code encryptedVerified} says the health check saw an answer that came over an encrypted transport.
 */
public record ApplyResult(Outcome outcome, String reason, String dropInPath, String dropInContent,
                          List<String> actions, boolean encryptedVerified, Duration elapsed) {
    public enum Outcome {
        APPLIED, UNCHANGED, ROLLED_BACK, REFUSED, FAILED, REVERTED, KEPT
    }

    public ApplyResult {
        actions = List.copyOf(actions);
    }

    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED || outcome == Outcome.REVERTED
                || outcome == Outcome.KEPT;
    }
}
