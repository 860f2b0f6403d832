package org.port853.ui.common;

import java.util.List;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.Provider;
import org.port853.core.ResolverState;
import org.port853.core.SystemDnssec;

/**
 * What applying {@code after} would change, item by item as the apply sheet's summary lists them: the servers (by
 * the providers' names, as the summary shows them), the mode, the routing, DNSSEC (only when the change sets it) and
 * the resolv.conf link. The Providers footer counts these, so "3 changes" are the three items the preview shows.
 */
public record SettingsDiff(boolean servers, boolean mode, boolean routing, boolean dnssec, boolean resolvConf,
                           DotMode modeBefore, DnssecMode dnssecBefore, String serversBefore, String serversAfter) {
    public static SettingsDiff of(ResolverState before, DesiredSettings after, boolean linkResolvConf,
                                  List<Provider> catalogue) {
        GlobalState g = before == null ? null : before.global();
        String none = I18n.t("summary.none");
        String was = g == null ? none : ProviderNames.describe(g.servers(), catalogue, none);
        String will = ProviderNames.describe(after.servers(), catalogue, none);
        DotMode wasMode = g == null ? DotMode.OFF : g.effectiveDotMode();
        DnssecMode wasDnssec = g == null ? null : SystemDnssec.shown(g);
        return new SettingsDiff(!was.equals(will), wasMode != after.mode(),
                g == null ? after.routeAllDomains() : g.routesEverything() != after.routeAllDomains(),
                after.dnssec() != null && after.dnssec() != wasDnssec,
                linkResolvConf && before != null && before.resolverFileNeedsLink(), wasMode, wasDnssec, was, will);
    }

    /** How many items change. */
    public int count() {
        return (servers ? 1 : 0) + (mode ? 1 : 0) + (routing ? 1 : 0) + (dnssec ? 1 : 0) + (resolvConf ? 1 : 0);
    }
}
