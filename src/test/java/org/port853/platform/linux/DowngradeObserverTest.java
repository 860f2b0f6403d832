package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.Reason;
import org.port853.core.ServerAddress;

class DowngradeObserverTest {
    private static final java.util.function.Supplier<Downgrade> NO_JOURNAL = () -> null;
    private final AtomicInteger lookups = new AtomicInteger();
    /** A fallback: the probe's answer came from the network without the confidential flag. */
    private final IntFunction<ResolvedBus.Lookup> plaintextAnswer = onLink -> {
        lookups.incrementAndGet();
        return new ResolvedBus.Lookup(true, 1, Resolve1.FLAG_FROM_NETWORK, null, 2, null);
    };

    @AfterEach
    void forget() {
        DowngradeObserver.forget();
    }

    private static GlobalState opportunistic(String server) {
        return new GlobalState(List.of(ServerAddress.parse(server)), List.of(), null, DotMode.OPPORTUNISTIC,
                DnssecMode.NO, false, List.of(), "yes", "stub");
    }

    @Test
    @DisplayName("the fallback probe (a real query, in plaintext once fallen back) runs once per settings, not at every state read")
    void oneProbePerSettings() {
        ResolvedFeatures f = new ResolvedFeatures(252);
        GlobalState g = opportunistic("198.18.78.4#dot.test");
        for (int i = 0; i < 5; i++) {
            assertNotNull(DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, g, List.of()), "the fallback is still reported");
        }
        assertEquals(1, lookups.get(), "the window reads the state every 10 s: one probe, not five");
        DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, opportunistic("198.18.78.5#dot.test"), List.of());
        assertEquals(2, lookups.get(), "other servers are looked at afresh");
        DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, opportunistic("198.18.78.5#dot.test"), List.of(new LinkState(2,
                "wlan0", List.of(ServerAddress.parse("192.168.1.1")), null, null, List.of(), true, null)));
        assertEquals(3, lookups.get(), "so are other links' servers (another network)");
        DowngradeObserver.forget(); // a change was made: resolved restarted
        DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, opportunistic("198.18.78.5#dot.test"), List.of(new LinkState(2,
                "wlan0", List.of(ServerAddress.parse("192.168.1.1")), null, null, List.of(), true, null)));
        assertEquals(4, lookups.get(), "after a change the fallback is looked for again");
    }

    @Test
    @DisplayName("the probe's plaintext answer came from a link whose own servers are never asked over TLS: that link "
            + "is named; from a link that inherits opportunistic mode it is a fallback on that link's server")
    void anAnswerFromALinkWithoutTlsNamesTheLink() {
        ResolvedFeatures f = new ResolvedFeatures(252);
        LinkState plain = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OFF, null,
                List.of(), true, null);
        assertEquals(Downgrade.link("eth0"), DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f,
                opportunistic("198.18.78.2#dot.test"), List.of(plain)));
        DowngradeObserver.forget();
        LinkState inherits = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), null, null,
                List.of(), true, null);
        Downgrade onLink = DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, opportunistic("198.18.78.2#dot.test"),
                List.of(inherits));
        assertEquals(Downgrade.lookupFromLink("eth0"), onLink);
        assertTrue(onLink.isFallback());
        Reason r = new LinuxRules().assess(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, true, opportunistic("198.18.78.2#dot.test"), List.of(inherits),
                null, null, new LinuxDetails(252, null, List.of(), onLink))).stream()
                .filter(x -> x.code().equals("DOT_DOWNGRADED")).findFirst().orElseThrow();
        assertTrue(r.message().endsWith("came back without encryption from the DNS server of link eth0."), r.message());
        assertTrue(r.fix().startsWith("The own server of link eth0") && r.fix().contains("--all-domains"), r.fix());
        assertFalse(r.fix().contains("path to port 853"), "the global server's path is fine: " + r.fix());
        assertEquals(org.port853.core.FixAction.ROUTE_ALL_DOMAINS, r.fixAction());
        DowngradeObserver.forget();
        LinkState other = new LinkState(3, "wlan0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OFF, null,
                List.of(), true, null);
        assertEquals(Downgrade.lookup(), DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f,
                opportunistic("198.18.78.2#dot.test"), List.of(other)), "answered on another interface");
    }

    @Test
    @DisplayName("a link with opportunistic mode of its own (a VPN's setting) is watched too, with DNS-over-TLS off "
            + "globally: its fallback is named (re-check walkthrough: resolved fell back, status said 'over TLS')")
    void aLinksOwnOpportunisticModeIsWatched() {
        ResolvedFeatures f = new ResolvedFeatures(252);
        GlobalState off = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                "yes", "stub");
        LinkState own = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OPPORTUNISTIC,
                null, List.of(), true, null);
        assertEquals(Downgrade.lookupFromLink("eth0"), DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, off, List.of(own)));
        DowngradeObserver.forget();
        LinkState plain = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OFF, null,
                List.of(), true, null);
        assertEquals(null, DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, off, List.of(plain)),
                "nothing opportunistic: no probe");
        assertEquals(1, lookups.get());
    }

    @Test
    @DisplayName("the encrypted global server answers first while a default-route link with opportunistic mode of its "
            + "own falls back on every query beside it: that link is asked alone and named (rig: strict apply without "
            + "--all-domains, status 'At risk', verify 5 of 5 leaked to the link's server)")
    void aLinkFallingBackBesideTheEncryptedServersIsAskedAlone() {
        ResolvedFeatures f = new ResolvedFeatures(252);
        GlobalState strict = new GlobalState(List.of(ServerAddress.parse("198.18.78.2#dot.test")), List.of(), null,
                DotMode.STRICT, DnssecMode.NO, false, List.of(), "yes", "stub");
        LinkState own = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OPPORTUNISTIC,
                null, List.of(), true, null);
        List<Integer> asked = new java.util.ArrayList<>();
        IntFunction<ResolvedBus.Lookup> globalWins = onLink -> {
            asked.add(onLink);
            return onLink == 0 ? new ResolvedBus.Lookup(true, 1, Resolve1.FLAG_FROM_NETWORK
                    | Resolve1.FLAG_CONFIDENTIAL, null, 0, null) : plaintextAnswer.apply(onLink);
        };
        assertEquals(Downgrade.lookupFromLink("eth0"), DowngradeObserver.observe(globalWins, NO_JOURNAL, f, strict, List.of(own)));
        assertEquals(List.of(0, 2), asked);
        DowngradeObserver.forget();
        asked.clear();
        GlobalState routesAll = new GlobalState(strict.servers(), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub");
        DowngradeObserver.observe(globalWins, NO_JOURNAL, f, routesAll, List.of(own));
        assertEquals(List.of(0), asked, "with ~. the link takes no such name: not asked alone");
        DowngradeObserver.forget();
        asked.clear();
        LinkState vpn = new LinkState(3, "tun0", List.of(ServerAddress.parse("10.8.0.1")), DotMode.OFF, null,
                List.of(new org.port853.core.DomainEntry(".", true)), false, null);
        DowngradeObserver.observe(globalWins, NO_JOURNAL, f, strict, List.of(own, vpn));
        assertEquals(List.of(0), asked, "a VPN's ~. claims every name: the default route takes none, not asked alone");
    }

    @Test
    @DisplayName("an unknown version whose resolved refuses the 248+ flags ('Invalid flags parameter') is older: no link "
            + "is asked with the flags after the refusal, as FreshLookup and the health check fall back")
    void anUnknownReleaseRefusingTheFlagsIsNotAskedOnEveryLink() {
        DowngradeObserver.forget();
        GlobalState strict = new GlobalState(List.of(ServerAddress.parse("198.18.78.2#dot.test")), List.of(), null,
                DotMode.STRICT, DnssecMode.NO, false, List.of(), "yes", "stub");
        LinkState own = new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.78.4")), DotMode.OPPORTUNISTIC,
                null, List.of(), true, null);
        List<Integer> asked = new java.util.ArrayList<>();
        IntFunction<ResolvedBus.Lookup> resolved247 = onLink -> {
            asked.add(onLink);
            return ResolvedBus.Lookup.failed("Invalid flags parameter", ResolvedBus.Lookup.INVALID_ARGS);
        };
        DowngradeObserver.observe(resolved247, NO_JOURNAL, new ResolvedFeatures(0), strict, List.of(own));
        assertEquals(List.of(0), asked);
        DowngradeObserver.forget();
    }

    @Test
    @DisplayName("systemd 257 reports a global server's answer with the interface it left by: a link without servers of "
            + "its own is not blamed, the global fallback is (distro walkthrough: 'from the DNS server of link eth0', "
            + "whose servers were [])")
    void aLinkWithoutServersIsNotBlamed() {
        ResolvedFeatures f = new ResolvedFeatures(257);
        LinkState bare = new LinkState(2, "eth0", List.of(), null, null, List.of(), true, null);
        Downgrade d = DowngradeObserver.observe(plaintextAnswer, NO_JOURNAL, f, opportunistic("198.18.78.4"), List.of(bare));
        assertEquals(Downgrade.lookup(), d);
        Reason r = new LinuxRules().assess(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, true, opportunistic("198.18.78.4"), List.of(bare), null, null,
                new LinuxDetails(257, null, List.of(), d))).stream()
                .filter(x -> x.code().equals("DOT_DOWNGRADED")).findFirst().orElseThrow();
        assertFalse(r.message().contains("link eth0"), r.message());
        assertFalse(r.fixAction() == org.port853.core.FixAction.ROUTE_ALL_DOMAINS, r.fix());
    }
}
