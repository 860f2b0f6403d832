package org.port853.ui.traffic;

import java.util.Locale;
import java.util.stream.Collectors;

import org.port853.capture.LeakRecord;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.common.I18n;

/**
 * Why a query leaked, in the user's words, with the fix: a program with its own resolver, a network link with
 * plaintext DNS, a VPN's split DNS, or opportunistic mode falling back to plaintext; or that it is no leak at all,
 * a name of the local network asked on the local network. Read from the leak and the
 * resolver state the window already has.
 */
public final class LeakExplainer {
    public enum Cause { LOCAL_NAME, OWN_RESOLVER, LINK_PLAINTEXT, SPLIT_DNS, OPPORTUNISTIC_FALLBACK, UNKNOWN }

    /** The cause with its sentence and its fix. */
    public record Why(Cause cause, String text, String fix) {
    }

    private static final String RESOLVED = "systemd-resolve";

    private LeakExplainer() {
    }

    public static Why explain(LeakRecord r, ResolverState s) {
        String server = r.server() == null ? "?" : r.server();
        String process = r.process();
        if (r.localNetworkName()) {
            return why(Cause.LOCAL_NAME, r.name(), server);
        }
        if (process != null && !process.toLowerCase(Locale.ROOT).startsWith(RESOLVED)) {
            return why(Cause.OWN_RESOLVER, process, server);
        }
        if (s != null && s.readable()) {
            DotMode global = s.global().dnsOverTls() == null ? DotMode.OFF : s.global().dnsOverTls();
            for (LinkState l : s.links()) {
                boolean here = l.servers().stream().map(ServerAddress::addressText).anyMatch(server::equals);
                if (!here) {
                    continue;
                }
                // split DNS only when the name is under one of the link's own domains
                String name = r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT);
                String domains = l.domains().stream().filter(d -> !d.routesEverything()).map(DomainEntry::name)
                        .filter(d -> name.equals(d) || name.endsWith("." + d))
                        .collect(Collectors.joining(", "));
                String link = l.name() == null ? "#" + l.index() : l.name();
                return domains.isEmpty() ? why(Cause.LINK_PLAINTEXT, link, server)
                        : why(Cause.SPLIT_DNS, link, server, domains);
            }
            boolean globalServer = s.global().servers().stream().map(ServerAddress::addressText)
                    .anyMatch(server::equals);
            if (globalServer && global == DotMode.OPPORTUNISTIC) {
                return why(Cause.OPPORTUNISTIC_FALLBACK, server);
            }
        }
        return why(Cause.UNKNOWN, server, r.iface() == null ? "?" : r.iface());
    }

    private static Why why(Cause c, Object... args) {
        String key = "leakwhy." + c.name().toLowerCase(Locale.ROOT);
        return new Why(c, I18n.t(key, args), I18n.t(key + ".fix", args));
    }
}
