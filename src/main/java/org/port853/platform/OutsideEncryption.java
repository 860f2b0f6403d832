package org.port853.platform;

import org.port853.core.DotMode;
import org.port853.core.ResolverState;

/**
 * DNS-over-TLS that settings other than Port853's own turn on (e.g. /etc/systemd/resolved.conf): a revert leaves
 * it, and its result must say so rather than read as "encryption off".
 */
public final class OutsideEncryption {
    private OutsideEncryption() {
    }

    /** Where encryption is set outside Port853, when the resolver encrypts now and something else sets it; else null. */
    public static String where(ResolverState s) {
        return encrypting(s) ? s.platform().encryptionSetOutside() : null;
    }

    /** The resolver's global DNS-over-TLS mode is on (strict or opportunistic). */
    public static boolean encrypting(ResolverState s) {
        return s != null && s.readable() && s.global().dnsOverTls() != null && s.global().dnsOverTls() != DotMode.OFF;
    }

    /** A revert's result with that fact added, read from the state after it; unchanged when encryption is off. */
    public static ApplyResult afterRevert(ApplyResult r, ResolverState after) {
        String where = where(after);
        if (where == null) {
            return r;
        }
        String note = "DNS-over-TLS (" + after.global().dnsOverTls().resolvedValue() + ") stays on: it is set in "
                + where + ", outside Port853, and revert removes only Port853's own settings; to turn it off, "
                + "change DNSOverTLS= there";
        String reason = r.reason() == null || r.reason().isBlank() ? note : r.reason() + "; " + note;
        return r.with(r.outcome(), reason);
    }
}
