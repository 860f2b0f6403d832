package org.port853.platform;

import java.time.Duration;
import java.util.List;

/**
 * What happened to a change. {@code reason} is one sentence (why it was refused, rolled back or failed);
 * {@code encryptedVerified} says the health check saw an answer that came over an encrypted transport;
 * {@code item} is the main configuration item the change writes, when the platform shows one (may be null).
 */
public record ApplyResult(Outcome outcome, String reason, Item item, List<String> actions,
                          boolean encryptedVerified, Duration elapsed) {
    public enum Outcome {
        APPLIED, UNCHANGED, ROLLED_BACK, REFUSED, FAILED, REVERTED, KEPT,
        /** A dry run: this change would be made; nothing was changed. */
        PLANNED,
        /** Applied and healthy, but programs that bypass the resolver (Linux: a static /etc/resolv.conf) are not covered. */
        NOT_COVERED
    }

    /**
     * The main item as documents show it: {@code documentKey} is the JSON field ({@code "dropIn"} on Linux),
     * {@code path} where it lives, {@code content} its text (null when the change removes it).
     */
    public record Item(String documentKey, String path, String content) {
    }

    public ApplyResult {
        actions = List.copyOf(actions);
    }

    public static ApplyResult of(Outcome outcome, String reason) {
        return new ApplyResult(outcome, reason, null, List.of(), false, Duration.ZERO);
    }

    public ApplyResult withItem(Item i) {
        return new ApplyResult(outcome, reason, i, actions, encryptedVerified, elapsed);
    }

    public ApplyResult with(Outcome o, String r) {
        return new ApplyResult(o, r, item, actions, encryptedVerified, elapsed);
    }

    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED || outcome == Outcome.REVERTED
                || outcome == Outcome.KEPT || outcome == Outcome.PLANNED;
    }
}
