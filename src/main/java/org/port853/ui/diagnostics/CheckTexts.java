package org.port853.ui.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

import org.port853.core.Words;
import org.port853.platform.RootAdvice;
import org.port853.probe.doctor.Check;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * The words for the doctor's checks, from the window's bundles: each of a check's sentences is {@code check.<wording>}
 * with its details as {0}, {1}, ... (see {@link I18n#withDetails}), joined by a space; the fix is the first wording's
 * {@code check.<wording>.fix}. A check that repeats the assessment says its reasons' words ({@link ReasonTexts}). A check
 * without bundle text keeps the doctor's English (BundlesTest keeps every wording in both bundles).
 */
public final class CheckTexts {
    /** One check as the window shows it: its name, evidence and fix (null when it has none). */
    public record Text(Check check, String name, String evidence, String fix) {
    }

    private CheckTexts() {
    }

    public static Text of(Check c) {
        Text t = inWords(c);
        return new Text(c, t.name(), t.evidence(), RootAdvice.forThisUser(t.fix()));
    }

    private static Text inWords(Check c) {
        String name = I18n.has("checkname." + c.id()) ? I18n.t("checkname." + c.id()) : c.id();
        if (!c.reasons().isEmpty()) {
            List<ReasonTexts.Text> said = c.reasons().stream().map(r -> ReasonTexts.of(r, null)).toList();
            // a fix that sends the user to the Diagnostics screen is said as what this screen shows instead
            String here = "diag.fix." + c.reasons().get(0).code();
            return new Text(c, name, said.stream().map(ReasonTexts.Text::message).collect(Collectors.joining(" ")),
                    I18n.has(here) ? I18n.t(here) : said.get(0).fix());
        }
        List<Words> words = c.words();
        if (words.isEmpty() || !words.stream().allMatch(w -> I18n.has(key(w)))) {
            return new Text(c, name, c.evidence(), c.fix());
        }
        String evidence = words.stream().map(w -> I18n.withDetails(key(w), w.details())).collect(Collectors.joining(" "));
        Words first = words.get(0);
        String fix = c.fix() == null ? null : I18n.said("check.", first, ".fix", c.fix());
        return new Text(c, name, evidence, fix);
    }

    /** A check's verdict in the window's words ("OK", "Warning", "Failed"). */
    public static String statusText(org.port853.probe.doctor.CheckStatus status) {
        return I18n.t("diag.status." + status.jsonName());
    }

    /** The evidence of {@code checks} in the window's words, each after its server: for alerts about changed keys. */
    public static String evidence(List<Check> checks) {
        return checks.stream().map(c -> (c.server() == null ? "" : c.server() + ": ") + of(c).evidence())
                .collect(Collectors.joining(" "));
    }

    private static String key(Words w) {
        return "check." + w.wording();
    }
}
