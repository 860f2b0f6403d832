package org.port853.ui.status;

import org.port853.core.Assessment;
import org.port853.core.Severity;
import org.port853.core.Verdict;

/**
 * The one state the window shows everywhere (Status card, header chip, tray): from the assessment of the
 * configuration and from what was measured on the wire. A measured leak outranks any configuration verdict but one
 * that says names cannot resolve at all.
 */
public enum ProtectionState {
    READING(Tone.NEUTRAL),
    PROTECTED(Tone.GOOD),
    AT_RISK(Tone.WARNING),
    /**
     * Names cannot resolve (no server anywhere, no /etc/resolv.conf, or Verify got no answer through the running
     * resolver): nothing leaks because nothing works.
     */
    NOT_WORKING(Tone.BAD),
    LEAKING(Tone.BAD),
    NOT_ENCRYPTED(Tone.BAD),
    RESOLVER_MISSING(Tone.NEUTRAL),
    /** No resolver to manage, and plaintext DNS is seen on the wire: as bad as it gets. */
    RESOLVER_MISSING_LEAKING(Tone.BAD),
    /**
     * The resolver is there but does not run (stopped by hand, or failed): starting it is the fix, not installing. Red,
     * not a grey unknown: no protection is in force, and programs that ask its stub get no answer at all.
     */
    RESOLVER_STOPPED(Tone.BAD),
    RESOLVER_STOPPED_LEAKING(Tone.BAD),
    /**
     * The resolver is installed and runs, but its settings could not be read (it answers neither D-Bus nor resolvectl,
     * as a hung resolver, or the bus is down): not "missing", and what protects DNS is unknown.
     */
    RESOLVER_UNREADABLE(Tone.NEUTRAL),
    RESOLVER_UNREADABLE_LEAKING(Tone.BAD);

    /** How the state is coloured; the view maps tones to its styles. */
    public enum Tone { GOOD, WARNING, BAD, NEUTRAL }

    private final Tone tone;

    ProtectionState(Tone tone) {
        this.tone = tone;
    }

    public Tone tone() {
        return tone;
    }

    /** Plaintext DNS traffic seen leaving lately is part of this state. */
    public boolean leaking() {
        return name().endsWith("LEAKING");
    }

    /** Bundle key stem: {@code state.<key>} is the word, {@code state.<key>.detail} the sentence. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code leaking}: plaintext DNS was seen leaving lately; {@code unanswered}: the newest Verify (or a change's own
     * check) got no answer through the running resolver. Both are measurements and outrank what the configuration
     * promises; names that do not resolve at all outrank a leak (the reasons list both).
     */
    public static ProtectionState of(Assessment a, boolean leaking, boolean unanswered) {
        if (a == null) {
            return READING;
        }
        if (a.verdict() != Verdict.UNAVAILABLE && unanswered) {
            return NOT_WORKING;
        }
        return switch (a.verdict()) {
            case UNAVAILABLE -> firstReasonIs(a, "RESOLVER_STOPPED")
                    ? (leaking ? RESOLVER_STOPPED_LEAKING : RESOLVER_STOPPED)
                    : firstReasonIs(a, "STATE_UNREADABLE")
                    ? (leaking ? RESOLVER_UNREADABLE_LEAKING : RESOLVER_UNREADABLE)
                    : (leaking ? RESOLVER_MISSING_LEAKING : RESOLVER_MISSING);
            case NOT_ENCRYPTED -> NOT_ENCRYPTED;
            case BROKEN -> NOT_WORKING;
            case PARTIAL -> leaking ? LEAKING : AT_RISK;
            case PROTECTED -> leaking ? LEAKING : PROTECTED;
        };
    }

    private static boolean firstReasonIs(Assessment a, String code) {
        return !a.reasons().isEmpty() && code.equals(a.reasons().get(0).code());
    }
}
