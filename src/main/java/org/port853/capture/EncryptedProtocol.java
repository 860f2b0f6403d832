package org.port853.capture;

/** What an encrypted packet on port 853 carries, as far as its first bytes tell. */
public enum EncryptedProtocol {
    /** TLS over TCP: DNS-over-TLS (RFC 7858). */
    DOT,
    /** QUIC over UDP: DNS-over-QUIC (RFC 9250). */
    DOQ,
    /** A DTLS record over UDP: DNS-over-DTLS (RFC 8094). */
    DTLS,
    /** UDP that is not a DNS message, but neither a QUIC nor a DTLS header: encrypted, protocol unknown. */
    UNKNOWN
}
