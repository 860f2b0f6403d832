package org.port853.ui.status;

import java.util.Set;

import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;

/**
 * The words for the assessment's reasons, from the window's bundles: {@code reason.<CODE>} and
 * {@code reason.<CODE>.fix}, with {0} = resolver name, {1} = the resolver's version ("systemd 252"), {2} = the read problem. Reasons
 * whose text names a particular link, file or server list keep core's sentence (it carries those details).
 */
public final class ReasonTexts {
    /** One reason as the window shows it. */
    public record Text(Reason reason, String message, String fix) {
    }

    static final Set<String> TRANSLATED = Set.of("RESOLVER_MISSING", "RESOLVER_STOPPED", "STATE_UNREADABLE",
            "STATE_DEGRADED", "NO_SERVERS", "DOT_OFF", "DOT_UNSUPPORTED", "NO_GLOBAL_SERVERS", "OPPORTUNISTIC",
            "NO_NAME_CHECK", "RESOLV_CONF_UPLINK", "RESOLV_CONF_MISSING", "DNSSEC_OFF");

    private ReasonTexts() {
    }

    public static Text of(Reason r, ResolverState s) {
        if (!TRANSLATED.contains(r.code()) || !I18n.has("reason." + r.code())) {
            return new Text(r, r.message(), r.fix());
        }
        Object[] args = {s == null ? "" : s.resolverName(), s == null || s.platform().versionText() == null ? "" : s.platform().versionText(),
                s == null || s.problem() == null ? "" : s.problem()};
        String fix = I18n.has("reason." + r.code() + ".fix") ? I18n.t("reason." + r.code() + ".fix", args) : r.fix();
        return new Text(r, I18n.t("reason." + r.code(), args), fix);
    }
}
