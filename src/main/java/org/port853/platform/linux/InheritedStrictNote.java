package org.port853.platform.linux;

import java.util.List;
import org.port853.core.Assessor;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.UnclaimedNames;

/**
 * Strict mode without all names routed, where a link has its own DNS server on the default route and no DNS-over-TLS
 * setting of its own: the link would inherit strict mode, and unless its server (a router's) speaks DNS-over-TLS, names
 * that do not exist and names only it knows would fail after a wait. The plan says so before the change is made.
 */
final class InheritedStrictNote {
    private InheritedStrictNote() {
    }

    static List<Sentence> notes(DesiredSettings desired, ResolverState current) {
        if (desired.mode() != DotMode.STRICT || desired.routeAllDomains() || current.global() == null) {
            return List.of();
        }
        GlobalState now = current.global();
        GlobalState after = new GlobalState(desired.servers(), desired.fallback(), null, DotMode.STRICT, now.dnssec(),
                now.dnssecSupported(), List.of(), now.stubListener(), now.resolvConfMode());
        List<LinkState> links = current.links().stream().map(l -> asItWouldRead(l, now)).toList();
        UnclaimedNames unclaimed = UnclaimedNames.of(after, links);
        return links.stream().filter(unclaimed::inheritStrict).findFirst().map(link -> {
            String server = link.servers().get(0).addressText();
            return List.of(Sentence.of("link " + link.name() + " has its own DNS server (" + server + ", default route) "
                    + "and would inherit strict mode unless its connection sets DNS-over-TLS itself: unless that server "
                    + "speaks DNS-over-TLS, names that do not exist and names only it knows would fail after a wait, and "
                    + "the check after the change rolls it back; route all names to the encrypted servers ('"
                    + Assessor.ROUTE_ALL_COMMAND + "', or Protect my DNS in the window)", "plan.strict-link",
                    link.name(), server));
        }).orElse(List.of());
    }

    /**
     * resolved reports a link's effective mode: one that reads as today's global mode may have none of its own and
     * then takes the new one. (Under today's strict mode, {@link LinkState#takesGlobalStrict} tells already.)
     */
    private static LinkState asItWouldRead(LinkState l, GlobalState now) {
        DotMode global = now.effectiveDotMode();
        return global != DotMode.STRICT && l.dnsOverTls() == global ? new LinkState(l.index(), l.name(), l.servers(),
                null, l.dnssec(), l.domains(), l.defaultRoute(), l.currentServer()) : l;
    }
}
