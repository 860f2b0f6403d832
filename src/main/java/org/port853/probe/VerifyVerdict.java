package org.port853.probe;

/**
 * The verdict of a verification ({@link Verifier}). Only {@link #ALL_ENCRYPTED} proves the encryption; the command
 * line exits 0 for it and 1 for every other verdict.
 */
public enum VerifyVerdict {
    /** No test query left in plaintext, at least one was answered, and encrypted DNS traffic was seen. */
    ALL_ENCRYPTED,
    /** At least one test query was seen leaving the machine on port 53. */
    LEAKED,
    /** None leaked, but none was answered either: name resolution does not work. */
    NO_ANSWER,
    /**
     * None leaked and answers came back, but the capture saw no encrypted traffic either (e.g. it watched the wrong
     * interface, or the resolver uses a transport other than DoT): nothing is proven.
     */
    UNPROVEN,
    /** The traffic could not be watched (no capture rights, no libpcap): nothing is proven. */
    CAPTURE_UNAVAILABLE
}
