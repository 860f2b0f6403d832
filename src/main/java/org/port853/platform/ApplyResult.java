package org.port853.platform;

import java.time.Duration;
import java.util.List;

import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.Sentence;
import org.port853.core.Words;

/**
 * What happened to a change. {@code reason} is one sentence (why it was refused, rolled back or failed);
 * {@code encryptedVerified} says the health check saw an answer that came over an encrypted transport;
 * {@code item} is the main configuration item the change writes, when the platform shows one (may be null).
 * {@code reasonWords} (null when there are none) and {@code actionWords} (empty, or one per action) are how the window
 * says the reason and the actions; documents and the command line use the English. {@code encryptionStaysOn} (null
 * unless a revert left it so) is the DNS-over-TLS that settings outside Port853 keep on.
 */
public record ApplyResult(Outcome outcome, String reason, Item item, List<String> actions,
                          boolean encryptedVerified, Duration elapsed, Words reasonWords, List<Words> actionWords,
                          EncryptionStaysOn encryptionStaysOn) {
    public enum Outcome {
        APPLIED, UNCHANGED, ROLLED_BACK, REFUSED, FAILED, REVERTED, KEPT,
        /** A dry run: this change would be made; nothing was changed. */
        PLANNED,
        /** Applied and healthy, but programs that bypass the resolver (Linux: a static /etc/resolv.conf) are not covered. */
        NOT_COVERED
    }

    /**
     * The main item as documents show it: {@code documentKey} is the JSON field ({@code "dropIn"} on Linux),
     * {@code path} where it lives, {@code content} its text (null when the change removes it).
     */
    public record Item(String documentKey, String path, String content) {
    }

    /**
     * DNS-over-TLS in {@code mode} (resolved's word: yes, opportunistic) stays on, set in {@code setIn}, a file of the
     * kind {@code setBy}.
     */
    public record EncryptionStaysOn(String mode, String setIn, SetBy setBy) {
        /** Whose file keeps it on. */
        public enum SetBy {
            /** A file outside Port853's name (resolved.conf, another drop-in). */
            OTHER_FILE,
            /** A copy of Port853's settings deployed from 'port853 export', at Port853's path. */
            EXPORTED_COPY,
            /** A file at Port853's path that Port853 did not write so (by hand, another tool, or edited since). */
            FILE_AT_OUR_PATH,
            /** A setting of Port853's fleet script (Windows: its rule for all names), not of this Port853. */
            FLEET_SCRIPT
        }

        public EncryptionStaysOn {
            setBy = setBy == null ? SetBy.OTHER_FILE : setBy;
        }

        /** Set in a file outside Port853's name. */
        public EncryptionStaysOn(String mode, String setIn) {
            this(mode, setIn, SetBy.OTHER_FILE);
        }
    }

    public ApplyResult {
        actions = List.copyOf(actions);
        actionWords = List.copyOf(actionWords);
        if (!actionWords.isEmpty() && actionWords.size() != actions.size()) {
            throw new IllegalArgumentException("words for " + actionWords.size() + " of " + actions.size() + " actions");
        }
    }

    public ApplyResult(Outcome outcome, String reason, Item item, List<String> actions, boolean encryptedVerified,
                       Duration elapsed, Words reasonWords, List<Words> actionWords) {
        this(outcome, reason, item, actions, encryptedVerified, elapsed, reasonWords, actionWords, null);
    }

    public ApplyResult(Outcome outcome, String reason, Item item, List<String> actions, boolean encryptedVerified,
                       Duration elapsed) {
        this(outcome, reason, item, actions, encryptedVerified, elapsed, null, List.of());
    }

    /** A result whose reason and actions are said by their words. */
    public ApplyResult(Outcome outcome, Sentence reason, Item item, Steps actions, boolean encryptedVerified,
                       Duration elapsed) {
        this(outcome, reason.english(), item, actions.texts(), encryptedVerified, elapsed, reason.words(), actions.words());
    }

    public static ApplyResult of(Outcome outcome, String reason) {
        return new ApplyResult(outcome, reason, null, List.of(), false, Duration.ZERO);
    }

    public static ApplyResult of(Outcome outcome, Sentence reason) {
        return new ApplyResult(outcome, reason.english(), null, List.of(), false, Duration.ZERO, reason.words(), List.of());
    }

    public ApplyResult withItem(Item i) {
        return new ApplyResult(outcome, reason, i, actions, encryptedVerified, elapsed, reasonWords, actionWords,
                encryptionStaysOn);
    }

    public ApplyResult with(Outcome o, String r) {
        return new ApplyResult(o, r, item, actions, encryptedVerified, elapsed, null, actionWords, encryptionStaysOn);
    }

    public ApplyResult with(Outcome o, Sentence r) {
        return new ApplyResult(o, r.english(), item, actions, encryptedVerified, elapsed, r.words(), actionWords,
                encryptionStaysOn);
    }

    /** This result with {@code staysOn} recorded and said by {@code r}. */
    public ApplyResult with(EncryptionStaysOn staysOn, Sentence r) {
        return new ApplyResult(outcome, r.english(), item, actions, encryptedVerified, elapsed, r.words(), actionWords,
                staysOn);
    }

    /** The wording of a health check that failed because a link kept plaintext DNS for all names. */
    public static final String PLAINTEXT_LINK = "health.plaintext-link";
    /** The wording of a health check that failed because a link's opportunistic mode fell back beside the servers. */
    public static final String FALLBACK_LINK = "health.plaintext-link-fallback";
    /**
     * The wording of a health check that failed because a default-route link inherits strict mode and its server fails
     * the names that do not exist.
     */
    public static final String STRICT_LINK = "health.strict-link";
    /**
     * The wording of a rollback's reason (the change engine's); its details: why it was rolled back, the change's own
     * words, whether the settings it restored fail too (1) or not (0), and their words.
     */
    public static final String ROLLED_BACK_WORDING = "result.rolled-back";
    /** How the window says a rollback whose check a link's settings failed (the cause names the fix): same details. */
    public static final String ROLLED_BACK_BY_LINK_WORDING = "result.rolled-back-by-link";
    /** A rollback's first detail when the change's health check failed it (not an incomplete change, not a restart). */
    public static final int ROLLED_BACK_BY_CHECK = 2;
    /** What a rollback's reason adds when the settings it restored fail too; the change's own words come before. */
    public static final String PREVIOUS_ALSO_FAIL = "; the previous settings do not resolve names either";

    /** The wording of an UNCHANGED result whose settings are in place but were answered without encryption. */
    public static final String IN_PLACE_UNENCRYPTED = "result.in-place.unencrypted";

    /**
     * Applied (or found in place and checked again, or an interrupted change kept by recover) with encryption asked
     * for, but the health check's answer did not provably come over TLS: opportunistic mode probably fell back to
     * plaintext. Not a full success, though the change is in place.
     */
    public boolean encryptionUnproven(DesiredSettings asked) {
        boolean checkedInPlace = outcome == Outcome.UNCHANGED && reasonWords != null
                && IN_PLACE_UNENCRYPTED.equals(reasonWords.wording());
        return (outcome == Outcome.APPLIED || outcome == Outcome.KEPT || checkedInPlace) && asked.mode() != DotMode.OFF
                && !encryptedVerified;
    }

    /** The resolver now runs with other settings than before (applied, reverted, or an interrupted change kept). */
    public boolean changedSettings() {
        return outcome == Outcome.APPLIED || outcome == Outcome.NOT_COVERED || outcome == Outcome.REVERTED
                || outcome == Outcome.KEPT;
    }

    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED || outcome == Outcome.REVERTED
                || outcome == Outcome.KEPT || outcome == Outcome.PLANNED;
    }

    /**
     * Done, but not covering everything: what it leaves is not what was asked for. Applied while programs that read a
     * static /etc/resolv.conf bypass the resolver; a revert whose restored settings do not resolve names or that left a
     * file of Port853's; a hardening rule that lasts only until the next reboot, or its undo after which the nftables
     * boot configuration fails to load. The one rule for the command line's exit code 3 and the window's warning.
     */
    public boolean doneWithWarning() {
        return outcome == Outcome.NOT_COVERED || revertedUnhealthy() || revertLeftFilesAlone() || revertLeftUnknown()
                || hardenedUntilReboot() || unhardenLeftBrokenInclude();
    }

    /** The wording of an item a revert left as it is because what it is now cannot be told (ChangeEngine's). */
    public static final String LEFT_UNKNOWN = "result.left-unknown";

    /**
     * A revert that left an item as it is because it could not tell what the item is now (Windows: a yes or no netsh
     * prints in a word Port853 does not know): Port853's setting may still be in force, so it is no plain success.
     */
    public boolean revertLeftUnknown() {
        if (outcome != Outcome.REVERTED && outcome != Outcome.UNCHANGED) {
            return false;
        }
        return reasonSaidBy(LEFT_UNKNOWN) || notesBesideEncryptionStaysOn().stream()
                .anyMatch(n -> n.words() != null && LEFT_UNKNOWN.equals(n.words().wording()));
    }

    /** {@link #doneWithWarning()} for a change that asked for {@code asked}: also encryption asked for but unproven. */
    public boolean doneWithWarning(DesiredSettings asked) {
        return doneWithWarning() || encryptionUnproven(asked);
    }

    /** Reverted, but names do not resolve with the settings it restored: not a plain success. */
    public boolean revertedUnhealthy() {
        return outcome == Outcome.REVERTED && reasonSaidBy("result.reverted-unhealthy");
    }

    /** The wordings of a hardening rule that is loaded but not kept at boot, with the steps still missing to keep it. */
    public static final String HARDENED_UNTIL_REBOOT = "result.hardened.until-reboot";
    public static final String HARDENED_SERVICE_OFF = "result.hardened.service-off";
    public static final String HARDENED_UNTIL_REBOOT_SERVICE_OFF = "result.hardened.until-reboot-service-off";
    private static final List<String> UNTIL_REBOOT = List.of(HARDENED_UNTIL_REBOOT, HARDENED_SERVICE_OFF,
            HARDENED_UNTIL_REBOOT_SERVICE_OFF);

    /**
     * The hardening rule is live (loaded now, or found in place), but nothing loads it at the next boot: port 53 opens
     * again after a reboot unless the steps the reason names are taken.
     */
    public boolean hardenedUntilReboot() {
        return (outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED) && UNTIL_REBOOT.stream()
                .anyMatch(this::reasonSaidBy);
    }

    /** The wording of a hardening undo whose boot configuration still includes the removed rule file by name. */
    public static final String UNHARDENED_INCLUDE_LEFT = "result.unhardened.include-left";

    /**
     * The hardening rule is gone (or was not there), but the nftables boot configuration still includes its file by
     * name: loading that configuration now fails as a whole, at boot too, so none of its other rules take effect.
     */
    public boolean unhardenLeftBrokenInclude() {
        return (outcome == Outcome.REVERTED || outcome == Outcome.UNCHANGED) && reasonSaidBy(UNHARDENED_INCLUDE_LEFT);
    }

    /**
     * A revert that left a file of Port853's as it is because someone else changed it since: Port853's settings may
     * still be in force (an edited drop-in keeps DNS-over-TLS on), so it is not a plain success either.
     */
    public boolean revertLeftFilesAlone() {
        return !filesLeftAlone().isEmpty();
    }

    /**
     * The wordings of a revert that reverted nothing because someone else changed Port853's files (ChangeEngine's
     * nothingReverted says them; their first detail names the files). Here rather than in ChangeEngine, which uses them:
     * the engine's package depends on this one, not the other way round.
     */
    public static final String NOTHING_REVERTED_OTHERS = "result.nothing-to-revert.others";
    public static final String NOTHING_REVERTED_LINKED = "result.nothing-to-revert.linked";
    public static final List<String> NOTHING_REVERTED = List.of(NOTHING_REVERTED_OTHERS, NOTHING_REVERTED_LINKED);

    /** The wording of a revert that found nothing of Port853's to undo (ChangeEngine's, the demo's). */
    public static final String NOTHING_TO_REVERT = "result.nothing-to-revert";

    /** A revert found nothing of Port853's to undo: its items as before Port853, no change pending. */
    public boolean nothingToRevert() {
        return outcome == Outcome.UNCHANGED && (reason == null || reason.isBlank() || reasonSaidBy(NOTHING_TO_REVERT));
    }

    /** The files a revert left as they are because someone else changed them since Port853's change; else none. */
    public List<String> filesLeftAlone() {
        org.port853.core.Words w = reasonBeforeNote().words();
        if (w == null || w.details().isEmpty()) {
            return List.of();
        }
        if (NOTHING_REVERTED.contains(w.wording())) {
            return List.of(w.details().get(0).split(", "));
        }
        // result.reverted*: its first detail says whether files were left alone, its second names them
        boolean left = outcome == Outcome.REVERTED && w.wording().startsWith("result.reverted")
                && w.details().size() > 1 && "1".equals(w.details().get(0));
        return left ? List.of(w.details().get(1).split(", ")) : List.of();
    }

    /** The reason without a note added after it ({@link OutsideEncryption}): for a text that says the note itself. */
    public Sentence reasonBeforeNote() {
        Sentence s = new Sentence(reason, reasonWords);
        while (s.words() != null && OutsideEncryption.WITH_NOTE.equals(s.words().wording())
                && !s.words().parts().isEmpty() && !s.words().details().isEmpty()) { // a note may follow a note
            s = new Sentence(s.words().details().get(0), s.words().parts().get(0));
        }
        return s;
    }

    /**
     * The notes said after the reason, in the order they were added, but the one that encryption stays on, which
     * {@link #encryptionStaysOn()} holds (for a text that says the reason in its own words and the notes after it).
     */
    public List<Sentence> notesBesideEncryptionStaysOn() {
        java.util.LinkedList<Sentence> notes = new java.util.LinkedList<>();
        Sentence s = new Sentence(reason, reasonWords);
        while (s.words() != null && OutsideEncryption.WITH_NOTE.equals(s.words().wording())
                && s.words().parts().size() > 1 && s.words().details().size() > 1) {
            Sentence note = new Sentence(s.words().details().get(1), s.words().parts().get(1));
            String wording = note.words() == null ? "" : note.words().wording();
            if (!OutsideEncryption.STAYS_ON_ALL.contains(wording)) {
                notes.addFirst(note);
            }
            s = new Sentence(s.words().details().get(0), s.words().parts().get(0));
        }
        return notes;
    }

    /** This result with {@code note} said after its reason. */
    public ApplyResult withNote(Sentence note) {
        Sentence before = new Sentence(reason, reasonWords);
        return with(outcome, new Sentence(reason + "; " + note.english(),
                org.port853.core.Words.of(OutsideEncryption.WITH_NOTE, before, note)));
    }

    /** This result with each of {@code notes} said after its reason, in order. */
    public ApplyResult withNotes(List<Sentence> notes) {
        ApplyResult out = this;
        for (Sentence note : notes) {
            out = out.withNote(note);
        }
        return out;
    }

    /** The reason is said by {@code wording}, also with a note added after it ({@link OutsideEncryption}). */
    private boolean reasonSaidBy(String wording) {
        org.port853.core.Words w = reasonBeforeNote().words();
        return w != null && wording.equals(w.wording());
    }

    /** The wordings of a change that was refused before it could start: authorization, or no way to run the helper. */
    private static final java.util.Set<String> REFUSED_BEFORE_START = java.util.Set.of("result.auth-dismissed",
            "result.no-auth-agent", "result.not-authorized", "result.auth-failed");

    /**
     * The change itself was never tried: refused, or failed at its authorization (a closed password dialog, no
     * polkit agent, no helper). A failure of the change itself (a write refused, a full disk) was tried.
     */
    public boolean notTried() {
        String wording = reasonWords == null ? null : reasonWords.wording();
        return outcome == Outcome.REFUSED || outcome == Outcome.FAILED && wording != null
                && (REFUSED_BEFORE_START.contains(wording) || wording.startsWith("refused."));
    }
}
