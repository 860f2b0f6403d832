package org.port853.platform;

import org.port853.core.DotMode;
import org.port853.core.PlatformDetails;
import org.port853.core.Sentence;
import org.port853.core.ResolverState;
import org.port853.core.SettingElsewhere;

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
    /** As {@link #STAYS_ON}, where the file has the name of Port853's own but Port853 did not write it so. */
    static final String STAYS_ON_OUR_PATH = "result.encryption-stays.our-path";
    /** As {@link #STAYS_ON}, where Port853's fleet script for Windows set it (details: 0 strict or 1 opportunistic, where). */
    static final String STAYS_ON_FLEET_SCRIPT = "result.encryption-stays.fleet-script";
    /** The wordings of the note that encryption stays on, whoever's file keeps it. */
    static final java.util.List<String> STAYS_ON_ALL = java.util.List.of(STAYS_ON, STAYS_ON_EXPORT, STAYS_ON_OUR_PATH,
            STAYS_ON_FLEET_SCRIPT);
    /** The wording of a reason followed by a note (details: the reason, the note). */
    static final String WITH_NOTE = "result.with-note";

    private static ApplyResult.EncryptionStaysOn.SetBy setBy(PlatformDetails platform, String file) {
        return platform.isFleetScripts(file) ? ApplyResult.EncryptionStaysOn.SetBy.FLEET_SCRIPT
                : platform.isExportedCopy(file) ? ApplyResult.EncryptionStaysOn.SetBy.EXPORTED_COPY
                : platform.isAtOurPathNotOurs(file) ? ApplyResult.EncryptionStaysOn.SetBy.FILE_AT_OUR_PATH
                : ApplyResult.EncryptionStaysOn.SetBy.OTHER_FILE;
    }

    /**
     * Whose file keeps DNS-over-TLS on in {@code s} and in which mode, as a revert in that state leaves it; empty when
     * the resolver does not encrypt, or only Port853's own settings turn it on.
     */
    public static java.util.Optional<ApplyResult.EncryptionStaysOn> staysOn(ResolverState s) {
        String where = where(s);
        return where == null ? java.util.Optional.empty() : java.util.Optional.of(new ApplyResult.EncryptionStaysOn(
                s.global().dnsOverTls().resolvedValue(), where, setBy(s.platform(), where)));
    }

    /**
     * Whose file would keep DNS-over-TLS on once Port853's own settings are removed from {@code before}, and in which
     * mode, so that turning encryption off can say beforehand what the revert's result says then; empty when nothing
     * would, or the platform cannot tell.
     */
    public static java.util.Optional<ApplyResult.EncryptionStaysOn> staysOnAfterRevert(ResolverState before) {
        SettingElsewhere stays = before == null || before.platform() == null ? null
                : before.platform().encryptionAfterRevert();
        return stays == null ? java.util.Optional.empty() : java.util.Optional.of(new ApplyResult.EncryptionStaysOn(
                DotMode.parse(stays.value()).resolvedValue(), stays.file(), setBy(before.platform(), stays.file())));
    }

    /**
     * Whose file keeps DNS-over-TLS on, and in which mode, if the helper's revert keeps Port853's own settings file, where
     * that file is taken for Port853's by its header alone ({@link PlatformDetails#oursByHeaderOnly}): an edited copy
     * stays, and with it what the resolver runs now. Empty where ownership is known, or the resolver does not encrypt.
     */
    public static java.util.Optional<ApplyResult.EncryptionStaysOn> staysOnIfOursKept(ResolverState before) {
        String ours = before == null || before.platform() == null ? null : before.platform().oursByHeaderOnly();
        if (ours == null || !encrypting(before)) {
            return java.util.Optional.empty();
        }
        String outside = where(before);
        return java.util.Optional.of(new ApplyResult.EncryptionStaysOn(before.global().dnsOverTls().resolvedValue(),
                outside != null ? outside : ours, outside != null ? setBy(before.platform(), outside)
                : ApplyResult.EncryptionStaysOn.SetBy.FILE_AT_OUR_PATH));
    }

    /** The note that encryption stays on, said as whose file keeps it and how to turn it off (the CLI's words too). */
    public static Sentence note(ApplyResult.EncryptionStaysOn staysOn) {
        String mode = staysOn.mode();
        String where = staysOn.setIn();
        return switch (staysOn.setBy()) {
            case EXPORTED_COPY -> Sentence.of("DNS-over-TLS (" + mode + ") stays on: it is set in " + where + ", a copy "
                    + "of Port853's settings deployed from 'port853 export' (a fleet playbook or script), not written by "
                    + "this Port853, and revert removes only what it wrote; to turn it off, remove that file with the tool "
                    + "that deployed it", STAYS_ON_EXPORT, mode, where);
            case FILE_AT_OUR_PATH -> Sentence.of("DNS-over-TLS (" + mode + ") stays on: it is set in " + where + ", which "
                    + "has the name of Port853's settings file but is not as Port853 wrote it (written by hand or by "
                    + "another tool, or edited since), and revert removes only what Port853 wrote; to turn it off, change "
                    + "DNSOverTLS= there or remove that file", STAYS_ON_OUR_PATH, mode, where);
            case FLEET_SCRIPT -> Sentence.of("encrypted DNS (" + (strict(staysOn) ? "strict" : "opportunistic") + ") stays "
                    + "on: Port853's fleet script for Windows (from 'port853 export --format powershell') turns it on, with "
                    + "its NRPT rule for all names (comment '" + where + "') and the encryption entries of that rule's "
                    + "servers; it is not this Port853's, and revert removes only what this Port853 wrote; to turn it off, "
                    + "undo the script as its header says", STAYS_ON_FLEET_SCRIPT, strict(staysOn) ? 0 : 1, where);
            case OTHER_FILE -> Sentence.of("DNS-over-TLS (" + mode + ") stays on: it is set in " + where + ", outside "
                    + "Port853, and revert removes only Port853's own settings; to turn it off, change DNSOverTLS= there",
                    STAYS_ON, mode, where);
        };
    }

    /** The mode that stays on is strict (else opportunistic). */
    public static boolean strict(ApplyResult.EncryptionStaysOn staysOn) {
        return DotMode.parse(staysOn.mode()) == DotMode.STRICT;
    }

    /**
     * A revert's result as the adapter gives it: one that finished (nothing to undo, or undone) with the note read from
     * the state {@code after} it; a failed or refused one as it is.
     */
    public static ApplyResult afterFinishedRevert(ApplyResult r, java.util.function.Supplier<ResolverState> after) {
        boolean done = r.outcome() == ApplyResult.Outcome.UNCHANGED || r.outcome() == ApplyResult.Outcome.REVERTED;
        return done ? afterRevert(r, after.get()) : r;
    }

    /**
     * A recover's result as the adapter gives it: one that finished an interrupted revert (REVERTED) is said as a
     * finished revert is, with the note read from the state {@code after} it; any other as it is.
     */
    public static ApplyResult afterRecover(ApplyResult r, java.util.function.Supplier<ResolverState> after) {
        return r.outcome() == ApplyResult.Outcome.REVERTED ? afterRevert(r, after.get()) : r;
    }

    /** A revert's result with that fact added, read from the state after it; unchanged when encryption is off. */
    public static ApplyResult afterRevert(ApplyResult r, ResolverState after) {
        java.util.Optional<ApplyResult.EncryptionStaysOn> on = staysOn(after);
        if (on.isEmpty()) {
            return r;
        }
        ApplyResult.EncryptionStaysOn staysOn = on.get();
        Sentence note = note(staysOn);
        if (r.reason() == null || r.reason().isBlank()) {
            return r.with(staysOn, note);
        }
        ApplyResult noted = r.withNote(note);
        return noted.with(staysOn, new Sentence(noted.reason(), noted.reasonWords()));
    }
}
