package org.port853.probe.doctor;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Reason;
import org.port853.core.Words;

/**
 * One diagnosis. {@code id} is stable (scripts and tests match on it); {@code server} names the server the
 * check is about, or is null for system-wide checks; {@code evidence} says what was seen, {@code fix} what to do,
 * both in plain English; {@code fixAction} names a fix Port853 can apply itself (see {@link FixActions}), or is null.
 * <p>
 * So that the window can say the same in the user's language, {@code words} names the sentences of the evidence
 * (bundle key {@code check.<wording>}; the first one's {@code check.<wording>.fix} is the fix), each with its variable
 * parts; a check that repeats the assessment carries the {@code reasons} it repeats instead.
 */
public record Check(String id, CheckStatus status, String server, String evidence, String fix, String fixAction,
                    List<Words> words, List<Reason> reasons) {
    public Check {
        words = words == null ? List.of() : List.copyOf(words);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Check ok(String id, String server, String evidence) {
        return new Check(id, CheckStatus.OK, server, evidence, null, null, null, null);
    }

    public static Check warning(String id, String server, String evidence, String fix) {
        return new Check(id, CheckStatus.WARNING, server, evidence, fix, null, null, null);
    }

    public static Check failure(String id, String server, String evidence, String fix) {
        return new Check(id, CheckStatus.FAILURE, server, evidence, fix, null, null, null);
    }

    /** The same finding, as a warning. */
    public Check asWarning() {
        return new Check(id, CheckStatus.WARNING, server, evidence, fix, fixAction, words, reasons);
    }

    /** The same finding with another fix in English (the window's is said by the wording or the reasons). */
    public Check withFix(String otherFix) {
        return new Check(id, status, server, evidence, otherFix, fixAction, words, reasons);
    }

    public Check withFixAction(String action) {
        return new Check(id, status, server, evidence, fix, action, words, reasons);
    }

    /** The check with one more sentence: {@code details} in the wording's order (null is said as ""). */
    public Check says(String wording, Object... details) {
        List<Words> w = new ArrayList<>(words);
        w.add(Words.of(wording, details));
        return new Check(id, status, server, evidence, fix, fixAction, w, reasons);
    }

    /** The check with one more sentence, {@code english} in its evidence and {@code wording} for the window. */
    public Check adding(String english, String wording, Object... details) {
        return new Check(id, status, server, evidence + " " + english, fix, fixAction, words, reasons)
                .says(wording, details);
    }

    /** The check as a repetition of the assessment's {@code reasons}. */
    public Check repeats(List<Reason> repeated) {
        return new Check(id, status, server, evidence, fix, fixAction, words, repeated);
    }
}
