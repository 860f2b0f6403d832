package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;

/**
 * The words for the assessment's reasons, from the window's bundles: {@code reason.<CODE>} and
 * {@code reason.<CODE>.fix}, with {0} = resolver name, {1} = the resolver's version ("systemd 252"), {2} = the read
 * problem, and from {3} on the reason's details (its link, servers, file, in the order its code defines). A detail
 * used as {@code {n,choice,...}} is passed as a number ("0", "1" choose between wordings). A code without bundle text
 * keeps core's English sentence (BundlesTest keeps every code in both bundles).
 */
public final class ReasonTexts {
    /** One reason as the window shows it. */
    public record Text(Reason reason, String message, String fix) {
    }

    private ReasonTexts() {
    }

    public static Text of(Reason r, ResolverState s) {
        String key = "reason." + r.code();
        if (!I18n.has(key)) {
            return new Text(r, r.message(), r.fix());
        }
        List<Object> args = new ArrayList<>(List.of(s == null ? "" : s.resolverName(),
                s == null || s.platform().versionText() == null ? "" : s.platform().versionText(),
                s == null || s.problem() == null ? "" : s.problem()));
        args.addAll(r.details());
        String fix = I18n.has(key + ".fix") ? text(key + ".fix", args) : r.fix();
        return new Text(r, text(key, args), fix);
    }

    private static String text(String key, List<Object> args) {
        String pattern = I18n.t(key); // the bundle's text (unformatted: no arguments)
        Object[] a = args.toArray();
        for (int i = 0; i < a.length; i++) {
            if (pattern.contains("{" + i + ",choice") && a[i] instanceof String d && d.matches("\\d{1,9}")) {
                a[i] = Integer.valueOf(d);
            }
        }
        return I18n.t(key, a);
    }
}
