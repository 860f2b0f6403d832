package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.FixAction;
import org.port853.core.GlobalState;
import org.port853.core.InvalidInputException;
import org.port853.core.Provider;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.common.I18n;
import org.port853.ui.common.ProviderNames;
import org.port853.core.SystemDnssec;

/**
 * The changes behind Status's buttons. Each starts from what the system does now (never from the Providers
 * draft) and changes exactly what its label says; "Protect my DNS" is the one that sets everything.
 */
public final class OneClickChanges {
    /** Settings plus whether /etc/resolv.conf is pointed at the stub too. */
    public record Change(DesiredSettings settings, boolean linkResolvConf) {
    }

    private OneClickChanges() {
    }

    /**
     * Strict mode, {@code providers}' servers, every domain routed to them, resolv.conf pointed at the stub (unless
     * resolved's stub listener is off: then the stub answers nobody, and the plan refuses the link). DNSSEC stays as
     * the system has it ({@link SystemDnssec#kept}).
     */
    public static Change protect(ResolverState s, List<Provider> providers) {
        List<ServerAddress> servers = ProviderNames.serversOf(providers);
        boolean stubOff = s != null && s.global() != null && s.global().stubListenerOff();
        return new Change(new DesiredSettings(servers, DotMode.STRICT, SystemDnssec.kept(s), true, List.of()), !stubOff);
    }

    /**
     * True when the system already has what {@code c} sets (servers in order, mode, DNSSEC, routing, and the
     * resolv.conf link when it asks for one): offering it would preview a change that changes nothing.
     */
    public static boolean inPlace(Change c, ResolverState s) {
        if (s == null || !s.readable() || s.pendingChange() != null) {
            return false;
        }
        GlobalState g = s.global();
        DesiredSettings d = c.settings();
        boolean fileLinked = !c.linkResolvConf() || !s.resolverFileNeedsLink();
        // a name the system has in Unicode is the same server, but writing its ASCII form changes what resolved checks
        boolean serversAsWritten = g.servers().equals(d.servers()) && g.servers().stream().allMatch(a -> a.unicodeName() == null);
        return serversAsWritten && g.dnsOverTls() == d.mode() && g.routesEverything() == d.routeAllDomains()
                && (d.dnssec() == null || SystemDnssec.shown(g) == d.dnssec()) && fileLinked;
    }

    /** The change for one fix; throws {@link InvalidInputException} with one sentence when it cannot be made alone. */
    public static Change fix(FixAction f, ResolverState s, List<Provider> providers) {
        if (s == null || !s.readable()) {
            throw new InvalidInputException(I18n.t("fix.unreadable"));
        }
        GlobalState g = s.global();
        // the fixes keep the system's servers as they are, and one whose name Port853 cannot write would lose it
        String notWritable = ProviderNames.notWritable(java.util.stream.Stream.concat(g.servers().stream(),
                g.fallbackServers().stream()).toList());
        if (notWritable != null && f != FixAction.RECOVER) {
            throw new InvalidInputException(I18n.t("fix.notWritable", notWritable));
        }
        DotMode mode = g.effectiveDotMode();
        return switch (f) {
            case ROUTE_ALL_DOMAINS -> {
                if (mode == DotMode.OFF || g.servers().isEmpty()) {
                    throw new InvalidInputException(I18n.t("fix.route.needsEncryption"));
                }
                yield new Change(current(s, mode, g.servers(), true), false);
            }
            case USE_STRICT_MODE -> new Change(current(s, DotMode.STRICT, g.servers(), g.routesEverything()), false);
            case LINK_RESOLV_CONF -> {
                if (g.stubListenerOff()) { // the link would leave every program that reads the file without DNS
                    throw new InvalidInputException(I18n.t("change.refused.stub-listener-off", "/etc/resolv.conf"));
                }
                DesiredSettings kept = current(s, mode, g.servers(), g.routesEverything());
                if (kept.isOff()) { // nothing to write beside the link, and the helper applies no "off" (that is revert)
                    throw new InvalidInputException(I18n.t("fix.resolvConf.needsSettings"));
                }
                yield new Change(kept, true);
            }
            case ENABLE_DOT -> {
                yield new Change(current(s, DotMode.STRICT, g.serversAllNamed() ? g.servers() : ProviderNames.serversOf(providers),
                        g.routesEverything()), false);
            }
            case RECOVER -> throw new IllegalArgumentException("recover is not a settings change");
        };
    }

    /** The system's own settings with the mode, servers and routing given (DNSSEC as {@link SystemDnssec#kept}). */
    private static DesiredSettings current(ResolverState s, DotMode mode, List<ServerAddress> servers, boolean routeAll) {
        GlobalState g = s.global();
        List<ServerAddress> fallback = new ArrayList<>();
        for (ServerAddress a : g.fallbackServers()) {
            if (mode != DotMode.STRICT || a.tlsName() != null) {
                fallback.add(a);
            }
        }
        return new DesiredSettings(ServerAddress.writtenOnce(servers), mode, SystemDnssec.kept(s), routeAll,
                ServerAddress.writtenOnce(fallback));
    }
}
