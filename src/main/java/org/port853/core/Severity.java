package org.port853.core;

/** How much a reason lowers the verdict. */
public enum Severity {
    /** Worth knowing, does not change the verdict. */
    INFO,
    /** Some queries may leave unencrypted or unauthenticated: at most PARTIAL. */
    WARNING,
    /** Nothing is encrypted: NOT_ENCRYPTED. */
    UNENCRYPTED,
    /** Name resolution is broken or the state cannot be trusted: BROKEN. */
    BROKEN,
    /** No resolver to talk to: UNAVAILABLE. */
    UNAVAILABLE
}
