package org.port853.core;

/** How much a reason lowers the verdict. */
public enum Severity {
    /** Worth knowing, does not change the verdict. */
    INFO(Verdict.PROTECTED),
    /** Some queries may leave unencrypted or unauthenticated: at most PARTIAL. */
    WARNING(Verdict.PARTIAL),
    /** Nothing is encrypted: NOT_ENCRYPTED. */
    UNENCRYPTED(Verdict.NOT_ENCRYPTED),
    /** Name resolution is broken or the state cannot be trusted: BROKEN. */
    BROKEN(Verdict.BROKEN),
    /** No resolver to talk to: UNAVAILABLE. */
    UNAVAILABLE(Verdict.UNAVAILABLE);

    private final Verdict verdict;

    Severity(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict when this is the worst reason's severity. */
    public Verdict verdict() {
        return verdict;
    }

    /** The verdict is below PROTECTED: "At risk" or worse. */
    public boolean lowersVerdict() {
        return verdict != Verdict.PROTECTED;
    }

    /** The verdict is worse than "At risk": not encrypted, not working or no resolver. */
    public boolean failsProtection() {
        return verdict.compareTo(Verdict.PARTIAL) > 0;
    }
}
