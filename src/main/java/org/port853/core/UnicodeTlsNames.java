package org.port853.core;

/**
 * How the system's resolver checks a server's certificate against a TLS name written in Unicode ("bücher.example"),
 * which certificates list in its ASCII form ("xn--bcher-kva.example"). Seen in the rig with a certificate listing the
 * ASCII form: systemd-resolved 252, 257 and 262 built with OpenSSL gave no answer in strict mode, 247 built with
 * GnuTLS answered.
 */
public enum UnicodeTlsNames {
    /** Against the name as written (systemd-resolved built with OpenSSL): no certificate matches, strict mode fails. */
    AS_WRITTEN,
    /** Against its ASCII form, which the TLS library converts it to (systemd-resolved built with GnuTLS). */
    CONVERTED,
    /** Not known (the build is not known, or names both libraries). */
    UNKNOWN,
    /** Not documented by the resolver's maker (the Windows DNS client: Microsoft says neither). */
    UNDOCUMENTED
}
