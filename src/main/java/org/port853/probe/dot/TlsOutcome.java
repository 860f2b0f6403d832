package org.port853.probe.dot;

/** How the TLS handshake went once TCP was connected. */
public enum TlsOutcome {
    /** Handshake finished (trust is judged separately, see {@link CertificateReport}). */
    OK,
    /** Not attempted: TCP failed. */
    NOT_ATTEMPTED,
    /** The peer reset the connection after TCP connected: typical of a middlebox that kills DoT. */
    RESET,
    /** The peer closed the connection without a handshake. */
    CLOSED,
    /** TCP connected but no handshake answer came: a silent middlebox or a server that does not speak TLS. */
    TIMED_OUT,
    /** The handshake failed on protocol grounds (no common version or cipher, alert from the server). */
    FAILED
}
