package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.platform.RootAdvice;
import org.port853.ui.common.I18n;

/**
 * The words for the assessment's reasons, from the window's bundles: {@code reason.<CODE>} and
 * {@code reason.<CODE>.fix}, with {0} = resolver name, {1} = the resolver's version ("systemd 252"), {2} = the read
 * problem, and from {3} on the reason's details (its link, servers, file, in the order its code defines; see
 * {@link I18n#withDetails}). A code without bundle text keeps core's English sentence (BundlesTest keeps every code in
 * both bundles).
 */
public final class ReasonTexts {
    /** One reason as the window shows it. */
    public record Text(Reason reason, String message, String fix) {
    }

    private ReasonTexts() {
    }

    /**
     * A reason the window itself finds (not the assessment): its sentences come from the bundle only, the record's
     * message and fix in English (for logs), so no wording is written twice.
     */
    public static Reason windowReason(String code, org.port853.core.Severity severity, List<String> details) {
        Text english = I18n.in(java.util.Locale.ENGLISH,
                () -> of(new Reason(code, severity, "", null, null, details), null));
        return new Reason(code, severity, english.message(), english.fix(), null, details);
    }

    public static Text of(Reason r, ResolverState s) {
        String key = "reason." + r.code();
        if (!I18n.has(key)) {
            return new Text(r, r.message(), RootAdvice.forThisUser(r.fix()));
        }
        // without the state (a Diagnostics check that repeats a reason) the resolver is not named, but never left out
        List<Object> args = new ArrayList<>(List.of(s == null ? I18n.t("resolver.unnamed") : ResolverTexts.name(s),
                s == null ? "" : ResolverTexts.version(s),
                s == null || s.problem() == null ? "" : problem(s)));
        args.addAll(r.details());
        String fix = I18n.has(key + ".fix") ? I18n.withDetails(key + ".fix", args) : r.fix();
        return new Text(r, I18n.withDetails(key, args), RootAdvice.forThisUser(fix));
    }

    /** Why the state could not be read: in the window's words where Port853 says it, else the system's text quoted. */
    private static String problem(ResolverState s) {
        return I18n.said("", s.problemWords(), "", org.port853.ui.common.Errors.systemText(s.problem()));
    }
}
