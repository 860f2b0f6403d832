package org.port853.platform.linux;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.port853.platform.ApplyResult;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.UnclaimedNames;
import org.port853.core.ServerAddress;
import org.port853.change.ResolverControl.Health;

/**
 * The health check after a change: proves that a lookup went over the network, and whether it went encrypted.
 * From 248 the request flags keep resolved's cache, synthesized records (/etc/hosts), local zones and trust
 * anchors out of the answer, and the reply flags say "from the network" and "confidential". Before 248 neither
 * exists: a fresh random name (never cached) is looked up while the capture watches ports 853 and 53. A
 * change is never rolled back because a version cannot report the transport, only because the lookup failed
 * or went out in plaintext where encryption was required.
 */
final class ResolvedHealthCheck {
    /** The steps of one check that touch the system; {@link BusLookups} in production. */
    interface Lookups {
        ResolvedBus.Lookup resolve(String name, long flags);

        /** A lookup through one link only (its own servers), as names under its routing domains are asked. */
        ResolvedBus.Lookup resolveOn(int ifindex, String name, long flags);

        /** The resolver's state after the lookup (current servers, link modes and domains), or null. */
        ResolverState state();
    }

    static final Duration WINDOW = Duration.ofSeconds(4);
    private static final long RETRY_MILLIS = 250;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Lookups lookups;
    private final TransportCapture capture;
    private final String probeName;
    private final Duration window;
    private ResolvedFeatures features;

    ResolvedHealthCheck(Lookups lookups, TransportCapture capture, ResolvedFeatures features, String probeName,
                        Duration window) {
        this.lookups = lookups;
        this.capture = capture;
        this.features = features;
        this.probeName = probeName;
        this.window = window;
    }

    Health check(boolean requireEncrypted) {
        long deadline = System.nanoTime() + window.toNanos();
        Attempt last;
        do {
            last = features.transportFlags() ? withFlags(requireEncrypted) : withCapture(requireEncrypted);
            if (last.health != null) {
                return last.health.ok() ? missingNamesAnswered(splitDomainsStillResolve(last.health)) : last.health;
            }
            sleep(RETRY_MILLIS);
        } while (System.nanoTime() < deadline);
        return new Health(false, false, last.failure, last.answeredBy);
    }

    /**
     * Strict mode applies to every link whose own DNS-over-TLS is unset: a VPN's server for its internal domains
     * (split DNS) must then answer over TLS, or those names stop resolving while every other name works. One lookup
     * of each such domain through its link tells; a server that answers at all (even "no such name") is reached.
     */
    private Health splitDomainsStillResolve(Health global) {
        for (SplitDomains.Route r : SplitDomains.inheritingStrict(lookups.state())) {
            ResolvedBus.Lookup l = lookups.resolveOn(r.link().index(), r.domain(), features.probeRequestFlags());
            if (unreachable(l)) {
                return new Health(false, false, Sentence.of("names under " + r.domain() + " no longer resolve: link "
                        + r.link().name() + "'s own server " + r.server() + " serves them, and strict mode requires "
                        + "DNS-over-TLS from it (" + l.error() + "); choose opportunistic mode, or turn DNS-over-TLS "
                        + "off for that connection only (its DNS-over-TLS setting in NetworkManager, or 'resolvectl "
                        + "dnsovertls " + r.link().name() + " no' until it reconnects)", "health.split-domain",
                        r.domain(), r.link().name(), r.server(), l.error()), global.answeredBySentence());
            }
        }
        return global;
    }

    /** A link that inherits strict mode on the default route must not make names that do not exist fail. */
    private Health missingNamesAnswered(Health h) {
        if (!h.ok()) {
            return h;
        }
        Sentence failure = MissingNameCheck.cause(lookups, features.probeRequestFlags(), probeName);
        return failure == null ? h : new Health(false, false, failure, h.answeredBySentence());
    }

    /** A name nobody made, under {@code domain}: never cached, and asked where names under that domain go. */
    static String freshName(String domain) {
        return "port853-" + HexFormat.of().formatHex(bytes(6)) + "." + domain;
    }

    /**
     * resolved gave up on every server of the link ("All attempts to contact name servers or networks failed" and
     * "Query timed out" are D-Bus timeouts), or did not answer within our own deadline. Any other reply, a name, "no
     * such name", a server's error code, means a server was reached and is not counted against the change.
     */
    private static boolean unreachable(ResolvedBus.Lookup l) {
        return !l.answered() && (ResolvedBus.Lookup.TIMEOUT.equals(l.errorName()) || l.timedOutHere());
    }

    /** Either a final health, or why this attempt failed (worth retrying until the window closes). */
    private record Attempt(Health health, Sentence failure, Sentence answeredBy) {
        static Attempt done(Health h) {
            return new Attempt(h, null, h.answeredBySentence());
        }

        static Attempt retry(Sentence why, Sentence answeredBy) {
            return new Attempt(null, why, answeredBy);
        }
    }

    private Attempt withFlags(boolean requireEncrypted) {
        ResolvedBus.Lookup l = lookups.resolve(probeName, features.probeRequestFlags());
        if (FreshLookup.refusedByOlderRelease(features, l)) {
            // an unknown version that turned out to predate the flags: fall back for the rest of this check
            features = new ResolvedFeatures(ResolvedFeatures.FIRST_TRANSPORT_FLAGS - 1);
            return withCapture(requireEncrypted);
        }
        if (!l.answered()) {
            return Attempt.retry(Sentence.of("resolving " + probeName + " failed: " + l.error(),
                    "health.resolve-failed", probeName, l.error()), null);
        }
        ResolverState state = lookups.state();
        Sentence by = answeredBy(l.ifindex(), state);
        if ((l.flags() & Resolve1.FLAG_FROM_NETWORK) == 0 || (l.flags() & Resolve1.FLAGS_NOT_NETWORK) != 0) {
            return Attempt.retry(Sentence.of(probeName + " was answered from " + origin(l.flags()).english()
                    + ", not from the network", "health.not-from-network", probeName, origin(l.flags())), by);
        }
        Sentence plaintextLink = plaintextLinkTakingQueries(state);
        if (requireEncrypted && !l.confidential()) {
            // a link's plaintext fallback that answered before the encrypted servers (a busy machine) is the cause
            Sentence fallingBack = plaintextLink == null ? linkFallingBack(state) : null;
            if (fallingBack != null) {
                return Attempt.done(new Health(false, false, fallingBack, by));
            }
            return Attempt.retry(Sentence.of(probeName + " was answered without encryption by " + by.english()
                    + also(plaintextLink), "health.unencrypted", probeName, by, plaintextLink == null ? 0 : 1,
                    plaintextLink), by);
        }
        if (requireEncrypted && plaintextLink != null) {
            return Attempt.done(new Health(false, false, plaintextLink, by));
        }
        Sentence fallingBack = requireEncrypted ? linkFallingBack(state) : null;
        if (fallingBack != null) {
            return Attempt.done(new Health(false, false, fallingBack, by));
        }
        // a link that never uses TLS takes names beside the encrypted servers: not encrypted, whichever answered first
        return Attempt.done(new Health(true, l.confidential() && plaintextLink == null, Sentence.of("resolved "
                + probeName + " from the network"
                + (l.confidential() ? " over an encrypted connection" : " without encryption") + " (answered by "
                + by.english() + ")" + also(plaintextLink), "health.resolved", probeName, l.confidential() ? 1 : 0, by,
                plaintextLink == null ? 0 : 1, plaintextLink), by));
    }

    /** "; " and a plaintext link's sentence, or "" when there is none. */
    private static String also(Sentence plaintextLink) {
        return plaintextLink == null ? "" : "; " + plaintextLink.english();
    }

    private Attempt withCapture(boolean requireEncrypted) {
        String fresh = freshName(probeName);
        ResolvedBus.Lookup[] holder = new ResolvedBus.Lookup[1];
        TransportCapture.Evidence ev = capture.observe(() -> holder[0] = lookups.resolve(fresh, 0));
        ResolvedBus.Lookup l = holder[0];
        if (!l.answered() && !l.nameDoesNotExist()) {
            return Attempt.retry(Sentence.of("resolving a fresh name (" + fresh + ") failed: " + l.error(),
                    "health.fresh-failed", fresh, l.error()), null);
        }
        ResolverState state = lookups.state();
        Sentence by = answeredBy(l.ifindex(), state);
        String version = "systemd " + features.version() + " does not report the transport (that arrived in "
                + ResolvedFeatures.FIRST_TRANSPORT_FLAGS + ")";
        if (!ev.watched()) {
            return Attempt.done(new Health(true, false, Sentence.of("a fresh name resolved over the network (answered by "
                    + by.english() + "), but " + version + " and the capture could not watch: " + ev.unavailable(),
                    "health.not-watched", by, features.version(), ResolvedFeatures.FIRST_TRANSPORT_FLAGS,
                    ev.unavailable()), by));
        }
        Sentence plaintextLink = plaintextLinkTakingQueries(state);
        if (requireEncrypted && plaintextLink != null) {
            return Attempt.done(new Health(false, false, plaintextLink, by));
        }
        if (ev.plaintextPackets() > 0) {
            String detail = "the lookup of a fresh name went out in plaintext (" + ev.plaintextPackets()
                    + " packets on port 53, answered by " + by.english() + ")";
            // before 248 a link cannot be asked alone with a transport in the reply; the strict global servers never
            // answer in plaintext, so such a link's fallback is what the capture saw
            List<LinkState> fallingBack = requireEncrypted ? fallingBackLinks(state) : List.of();
            return requireEncrypted
                    ? Attempt.retry(fallingBack.isEmpty() ? Sentence.of(detail, "health.plaintext", 0,
                            ev.plaintextPackets(), by) : fallingBack(fallingBack.get(0), state), by)
                    : Attempt.done(new Health(true, false, Sentence.of("names resolve; " + detail, "health.plaintext", 1,
                            ev.plaintextPackets(), by), by));
        }
        if (ev.tlsPackets() == 0) {
            return Attempt.done(new Health(true, false, Sentence.of("a fresh name resolved (answered by " + by.english()
                    + "), but the capture saw no DNS packets, so " + version + " and encryption is not proven",
                    "health.no-packets", by, features.version(), ResolvedFeatures.FIRST_TRANSPORT_FLAGS), by));
        }
        return Attempt.done(new Health(true, true, Sentence.of("a fresh name resolved over an encrypted connection: the "
                + "capture saw " + ev.tlsPackets() + " packets on port 853 and none on 53 (answered by " + by.english()
                + ")", "health.encrypted-capture", ev.tlsPackets(), by), by));
    }

    /**
     * Which server answered, e.g. "global server 9.9.9.9#dns.quad9.net via eth0". The reply's interface index is
     * the interface the answer arrived on, not the scope that asked, so the scope is told by which of the global
     * settings and that link take queries for every name; when both do, both are named.
     */
    static Sentence answeredBy(int ifindex, ResolverState state) {
        LinkState link = null;
        if (state != null) {
            for (LinkState l : state.links()) {
                if (l.index() == ifindex) {
                    link = l;
                }
            }
        }
        String via = link != null ? " via " + link.name() : ifindex > 0 ? " via interface " + ifindex : "";
        // 0 no interface, 1 a link's name, 2 an interface index
        int viaKind = link != null ? 1 : ifindex > 0 ? 2 : 0;
        Object viaName = link != null ? link.name() : ifindex > 0 ? ifindex : "";
        GlobalState g = state == null ? null : state.global();
        boolean globalTakes = g != null && !g.servers().isEmpty();
        boolean linkTakes = link != null && g != null && UnclaimedNames.in(state).reach(link);
        if (globalTakes && !linkTakes) {
            Sentence s = server(g.currentServer());
            return Sentence.of("global server " + s.english() + via, "health.by.global", s, viaKind, viaName);
        }
        if (linkTakes && !globalTakes) {
            Sentence s = server(link.currentServer());
            return Sentence.of("link " + link.name() + "'s server " + s.english(), "health.by.link", link.name(), s);
        }
        if (linkTakes) {
            Sentence gs = server(g.currentServer());
            Sentence ls = server(link.currentServer());
            return Sentence.of("global server " + gs.english() + " or link " + link.name() + "'s server "
                    + ls.english() + " (both take queries)", "health.by.both", gs, link.name(), ls);
        }
        return Sentence.of("an unknown server" + via, "health.by.unknown", viaKind, viaName);
    }

    private static Sentence server(ServerAddress s) {
        return s == null ? Sentence.of("an unknown server", "health.by.unknown", 0, "")
                : new Sentence(s.toResolvedSyntax(), null);
    }

    /**
     * A link whose own DNS-over-TLS is off and that takes queries for every name (its own {@code ~.}, or the
     * default route while the global settings do not route everything): a VPN or NetworkManager connection that
     * keeps plaintext DNS. Null when there is none.
     */
    static Sentence plaintextLinkTakingQueries(ResolverState state) {
        if (state == null || state.global() == null) {
            return null;
        }
        UnclaimedNames unclaimed = UnclaimedNames.in(state);
        for (LinkState link : state.links()) {
            boolean routesAll = unclaimed.route(link) == UnclaimedNames.Route.OWN_CATCH_ALL;
            if (unclaimed.reach(link) && link.neverUsesTls()) {
                String server = link.servers().get(0).toResolvedSyntax();
                return Sentence.of("link " + link.name() + " keeps plaintext DNS (" + server
                        + ", DNS-over-TLS off on the link" + (routesAll ? ", routing domain ~." : ", default route")
                        + ") and takes queries for all names, as a VPN or NetworkManager connection may; "
                        + (routesAll ? "turn on DNS-over-TLS for that connection or remove its ~. route"
                        : "route all names to the encrypted servers ('" + org.port853.core.Assessor.ROUTE_ALL_COMMAND + "', or Protect my DNS "
                        + "in the window) or turn on DNS-over-TLS for that connection"), ApplyResult.PLAINTEXT_LINK,
                        link.name(), server, routesAll ? 1 : 0);
            }
        }
        return null;
    }

    /**
     * A link in opportunistic mode (its own, or the global one it inherits) that takes the names no routing domain claims
     * and whose server, asked alone, answers in plaintext: resolved asks it beside the encrypted servers and falls back
     * there on every query, while the encrypted answer may come first. Null when there is none.
     */
    private Sentence linkFallingBack(ResolverState state) {
        if (state == null || state.global() == null) {
            return null;
        }
        for (LinkState link : fallingBackLinks(state)) {
            ResolvedBus.Lookup on = lookups.resolveOn(link.index(), probeName, features.probeRequestFlags());
            if (on.answered() && (on.flags() & Resolve1.FLAG_FROM_NETWORK) != 0 && !on.confidential()) {
                return fallingBack(link, state);
            }
        }
        return null;
    }

    /** Links that take names no routing domain claims and fall back to plaintext there (UnclaimedNames' rule). */
    private static List<LinkState> fallingBackLinks(ResolverState state) {
        if (state == null || state.global() == null) {
            return List.of();
        }
        UnclaimedNames unclaimed = UnclaimedNames.in(state);
        return state.links().stream().filter(unclaimed::fallBackToPlaintext).toList();
    }

    private static Sentence fallingBack(LinkState link, ResolverState state) {
        String server = link.servers().get(0).toResolvedSyntax();
        // its own ~. ties with the global one: routing all domains does not take the names away from it
        boolean routesAll = UnclaimedNames.in(state).route(link) == UnclaimedNames.Route.OWN_CATCH_ALL;
        return Sentence.of("link " + link.name() + " falls back to plaintext DNS (" + server + ", opportunistic "
                + "DNS-over-TLS on the link, " + (routesAll ? "routing domain ~." : "default route")
                + ") and takes queries for all names beside the encrypted servers; " + (routesAll
                ? "turn on strict DNS-over-TLS for that connection or remove its ~. route"
                : "route all names to the encrypted servers ('port853 apply --mode strict --provider ID "
                + "--all-domains', or Protect my DNS in the window)"), ApplyResult.FALLBACK_LINK, link.name(),
                server, routesAll ? 1 : 0);
    }

    private static Sentence origin(long flags) {
        if ((flags & Resolve1.FLAG_FROM_CACHE) != 0) {
            return Sentence.of("the cache", "health.origin.cache");
        }
        if ((flags & Resolve1.FLAG_SYNTHETIC) != 0) {
            return Sentence.of("synthesized records (/etc/hosts or the local host name)", "health.origin.synthetic");
        }
        if ((flags & Resolve1.FLAG_FROM_ZONE) != 0) {
            return Sentence.of("a local zone", "health.origin.zone");
        }
        if ((flags & Resolve1.FLAG_FROM_TRUST_ANCHOR) != 0) {
            return Sentence.of("a trust anchor", "health.origin.trust-anchor");
        }
        String hex = String.format(Locale.ROOT, "0x%x", flags);
        return Sentence.of("an unknown source (flags " + hex + ")", "health.origin.unknown", hex);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
