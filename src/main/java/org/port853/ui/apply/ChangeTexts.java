package org.port853.ui.apply;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Words;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.platform.RootAdvice;
import org.port853.ui.common.I18n;

/**
 * A change's plan and result in the window's words, from its bundles: {@code change.<wording>} with the words' details
 * as {0}, {1}, ... (see {@link I18n#said}). A sentence without words (an older helper, a Windows command) keeps the
 * English; BundlesTest keeps every wording in both bundles.
 */
public final class ChangeTexts {
    /** How a demo marks the steps it only simulates: said by {@code change.demo.mark} in the window's language. */
    private static final String DEMO = "(demo) ";

    private ChangeTexts() {
    }

    public static String refusal(Plan p) {
        return RootAdvice.forThisUser(I18n.said("change.", p.refusalWords(), "", p.refusal()));
    }

    /** The plan's actions, one a line. */
    public static String actions(Plan p) {
        return lines(p.actions(), p.actionWords());
    }

    /** The plan's notes, each a sentence; empty when it has none. */
    public static String notes(Plan p) {
        return String.join(" ", p.notes().stream().map(n -> asSentence(said(n)))
                .toList());
    }

    /** Whose file keeps DNS-over-TLS on and how to turn it off, as a sentence: the command line's revert says it too. */
    static String staysOn(ApplyResult.EncryptionStaysOn on) {
        return asSentence(said(org.port853.platform.OutsideEncryption.note(on)));
    }

    /** {@code said} as a sentence of its own: capitalised, with its full stop. */
    static String asSentence(String said) {
        return capitalised(org.port853.core.Sentence.ended(said));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Why the change was refused, rolled back or failed; null when the result gives no reason. */
    public static String reason(ApplyResult r) {
        org.port853.core.Words w = r.reasonWords();
        // a link's settings failed the check, not the servers: its cause says the fix, "check the servers" would not
        if (w != null && ApplyResult.ROLLED_BACK_WORDING.equals(w.wording())
                && org.port853.probe.doctor.RollbackCause.causedByALink(r)) {
            w = new org.port853.core.Words(ApplyResult.ROLLED_BACK_BY_LINK_WORDING, w.details(), w.parts());
        }
        return said(new org.port853.core.Sentence(r.reason(), w));
    }

    /** A change's sentence in the window's words. */
    static String said(org.port853.core.Sentence s) {
        return RootAdvice.forThisUser(I18n.said("change.", s.words(), "", s.english()));
    }

    /** What the change did, one action a line. */
    public static String actions(ApplyResult r) {
        return lines(r.actions(), r.actionWords());
    }

    private static String lines(List<String> english, List<Words> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            String e = english.get(i);
            String said = words.size() == english.size() ? I18n.said("change.", words.get(i), "", e) : e;
            boolean marked = said.regionMatches(true, 0, DEMO, 0, DEMO.length());
            out.add(e.startsWith(DEMO) || marked
                    ? I18n.t("change.demo.mark") + " " + (marked ? said.substring(DEMO.length()) : said) : said);
        }
        return String.join("\n", out);
    }
}
