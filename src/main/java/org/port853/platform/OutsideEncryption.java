package org.port853.platform;

import org.port853.core.DotMode;
import org.port853.core.Sentence;
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

    /** The wording of the note that encryption stays on after a revert (details: mode, where). */
    static final String STAYS_ON = "result.encryption-stays";
    /** As {@link #STAYS_ON}, where the file is a copy of Port853's settings deployed from 'port853 export'. */
    static final String STAYS_ON_EXPORT = "result.encryption-stays.export";
    /** The wording of a reason followed by a note (details: the reason, the note). */
    static final String WITH_NOTE = "result.with-note";

    /** A revert's result with that fact added, read from the state after it; unchanged when encryption is off. */
    public static ApplyResult afterRevert(ApplyResult r, ResolverState after) {
        String where = where(after);
        if (where == null) {
            return r;
        }
        String mode = after.global().dnsOverTls().resolvedValue();
        Sentence note = after.platform().encryptionSetByExport()
                ? Sentence.of("DNS-over-TLS (" + mode + ") stays on: it is set in " + where + ", a copy of Port853's "
                + "settings deployed from 'port853 export' (a fleet playbook or script), not written by this Port853, "
                + "and revert removes only what it wrote; to turn it off, remove that file with the tool that deployed "
                + "it", STAYS_ON_EXPORT, mode, where)
                : Sentence.of("DNS-over-TLS (" + mode + ") stays on: it is set in " + where + ", outside "
                + "Port853, and revert removes only Port853's own settings; to turn it off, change DNSOverTLS= there",
                STAYS_ON, mode, where);
        ApplyResult.EncryptionStaysOn staysOn = new ApplyResult.EncryptionStaysOn(mode, where);
        if (r.reason() == null || r.reason().isBlank()) {
            return r.with(staysOn, note);
        }
        ApplyResult noted = r.withNote(note);
        return noted.with(staysOn, new Sentence(noted.reason(), noted.reasonWords()));
    }
}
