package org.port853.core;

import java.util.List;

/**
 * Which links systemd-resolved asks for a name that no routing domain claims, and in which DNS-over-TLS mode: the one
 * rule behind the assessment, the health check after a change and the fallback probe. As resolved decides (247 to 262,
 * resolved-dns-scope.c dns_scope_good_domain and dns_scope_is_default_route):
 * <ul>
 * <li>a scope without DNS servers is never asked, so its {@code ~.} claims nothing;</li>
 * <li>{@code ~.} is a routing domain that matches every name: a scope with servers and {@code ~.} (the global settings
 * or a link) takes every name, whatever its DefaultRoute, beside any other scope with its own {@code ~.};</li>
 * <li>the default route is asked only for names that no scope claims, so no default-route link gets any name while a
 * scope with servers has {@code ~.} ({@code man systemd-resolved}: "other links will not be considered");</li>
 * <li>a link's DefaultRoute as resolved reports it is the effective one (unset: true unless it has routing domains
 * other than {@code ~.});</li>
 * <li>a link asks in its own DNS-over-TLS mode, or the global one where its own is unset (link_get_dns_over_tls_mode).
 * </li>
 * </ul>
 */
public final class UnclaimedNames {
    /** How a link takes the names that no routing domain claims. */
    public enum Route {
        /** It does not: it has no servers, is off the default route, or a {@code ~.} elsewhere claims every name. */
        NONE,
        /** As the default route, beside the global servers and the other default-route links. */
        DEFAULT_ROUTE,
        /** By its own {@code ~.}: routing all domains to the global servers does not take them away from it. */
        OWN_CATCH_ALL
    }

    private final GlobalState global;
    private final boolean claimedByCatchAll;

    private UnclaimedNames(GlobalState global, List<LinkState> links) {
        this.global = global;
        this.claimedByCatchAll = global != null && catchAll(global.servers(), global.domains())
                || links.stream().anyMatch(l -> catchAll(l.servers(), l.domains()));
    }

    public static UnclaimedNames in(ResolverState s) {
        return of(s.global(), s.links());
    }

    /** @param global null where the resolver's settings are not known: links then ask in their own mode (unset: off) */
    public static UnclaimedNames of(GlobalState global, List<LinkState> links) {
        return new UnclaimedNames(global, links);
    }

    private static boolean catchAll(List<ServerAddress> servers, List<DomainEntry> domains) {
        return !servers.isEmpty() && domains.stream().anyMatch(DomainEntry::routesEverything);
    }

    public Route route(LinkState link) {
        if (catchAll(link.servers(), link.domains())) {
            return Route.OWN_CATCH_ALL;
        }
        return !link.servers().isEmpty() && link.defaultRoute() && !claimedByCatchAll ? Route.DEFAULT_ROUTE : Route.NONE;
    }

    /** Names that no routing domain claims go to {@code link}'s servers (beside any others that take them). */
    public boolean reach(LinkState link) {
        return route(link) != Route.NONE;
    }

    /** Such names can leave in plaintext on {@code link}: it takes them, and not in strict mode. */
    public boolean mayLeaveInPlaintext(LinkState link) {
        return reach(link) && link.effectiveDotMode(global) != DotMode.STRICT;
    }

    /**
     * Such names go to {@code link} as the default route, in the strict mode it takes from the global settings ({@link
     * LinkState#takesGlobalStrict}): a router's server that does not speak DNS-over-TLS fails them, and its failure
     * outweighs the encrypted servers' "no such name", so names that do not exist fail after a wait. Routing all names
     * to the global servers takes them away from it.
     */
    public boolean inheritStrict(LinkState link) {
        return route(link) == Route.DEFAULT_ROUTE && link.takesGlobalStrict(global);
    }

    /** Such names go to {@code link} in opportunistic mode: over TLS while it works, else in plaintext. */
    public boolean fallBackToPlaintext(LinkState link) {
        return reach(link) && link.effectiveDotMode(global) == DotMode.OPPORTUNISTIC;
    }
}
