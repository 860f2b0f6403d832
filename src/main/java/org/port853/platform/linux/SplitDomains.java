package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;

/**
 * Split DNS under strict mode: the domains a link sends to its own servers (a VPN's {@code ~corp.example}, a search
 * domain) while the link is in strict mode, so its servers must answer over TLS. resolved reports a link's effective
 * mode over D-Bus (its own setting, or the global one it takes when it has none), so a link that takes the global
 * strict mode reads as strict; unset (null) comes only from files and samples.
 */
final class SplitDomains {
    /** At most this many domains are checked: a few lookups, each bounded by resolved's own attempts. */
    static final int MAX = 4;

    /** A domain and the link whose servers answer for it. */
    record Route(LinkState link, String domain) {
        String server() {
            return (link.currentServer() != null ? link.currentServer() : link.servers().get(0)).toResolvedSyntax();
        }
    }

    private SplitDomains() {
    }

    static List<Route> inheritingStrict(ResolverState state) {
        List<Route> out = new ArrayList<>();
        if (state == null || state.global() == null || state.global().dnsOverTls() != DotMode.STRICT) {
            return out;
        }
        for (LinkState link : state.links()) {
            if (link.servers().isEmpty() || (link.dnsOverTls() != null && link.dnsOverTls() != DotMode.STRICT)) {
                continue;
            }
            for (DomainEntry d : link.domains()) {
                if (!d.routesEverything() && !d.name().isBlank() && out.size() < MAX) {
                    out.add(new Route(link, d.name()));
                }
            }
        }
        return out;
    }
}
