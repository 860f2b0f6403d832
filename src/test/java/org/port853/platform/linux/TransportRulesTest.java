package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.core.Verdict;

/** The transport rules of the Linux platform: what a version can prove, and an observed downgrade. */
class TransportRulesTest {
    static ResolverState state(int version, DotMode mode, Downgrade downgrade) {
        ServerAddress good = ServerAddress.parse("198.18.53.2#dot.test");
        GlobalState g = new GlobalState(List.of(good), List.of(), good, mode, DnssecMode.NO, false,
                List.of(new DomainEntry(".", true)), "yes", "stub");
        ResolvConfState stub = new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                List.of("127.0.0.53"));
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(version, stub, List.of(), downgrade));
    }

    static Assessment assess(ResolverState s) {
        return Assessor.assess(s, new LinuxRules().assess(s));
    }

    static List<String> codes(Assessment a) {
        return a.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void strictOn247IsNeverProtectedFromConfigurationAlone() {
        Assessment a = assess(state(247, DotMode.STRICT, null));
        assertEquals(Verdict.PARTIAL, a.verdict());
        assertTrue(codes(a).contains("TRANSPORT_UNREPORTED"), codes(a).toString());
        assertTrue(codes(a).contains("STRICT_UDP_FALLBACK"), "bug #18060, as doctor says: " + codes(a));
        String fix = a.reasons().stream().filter(r -> r.code().equals("STRICT_UDP_FALLBACK")).findFirst().orElseThrow()
                .fix();
        assertTrue(fix.contains("'port853 verify'"), "status names the command, not only the window's button: " + fix);
        assertFalse(codes(assess(state(247, DotMode.OPPORTUNISTIC, null))).contains("STRICT_UDP_FALLBACK"));
        Assessment on248 = assess(state(248, DotMode.STRICT, null));
        assertTrue(codes(on248).contains("STRICT_UDP_FALLBACK") && !codes(on248).contains("TRANSPORT_UNREPORTED"),
                "248 reports the transport, but has the bug: " + codes(on248));
        assertEquals(Verdict.PARTIAL, on248.verdict());
        for (int v : List.of(249, 252, 257, 262)) {
            Assessment b = assess(state(v, DotMode.STRICT, null));
            assertEquals(Verdict.PROTECTED, b.verdict(), v + ": " + codes(b));
            assertFalse(codes(b).contains("STRICT_UDP_FALLBACK"), v + ": " + codes(b));
        }
    }

    @Test
    void anObservedDowngradeIsItsOwnReason() {
        Assessment quiet = assess(state(257, DotMode.OPPORTUNISTIC, null));
        assertFalse(codes(quiet).contains("DOT_DOWNGRADED"), codes(quiet).toString());
        Assessment seen = assess(state(257, DotMode.OPPORTUNISTIC, Downgrade.lookup()));
        assertTrue(codes(seen).contains("DOT_DOWNGRADED"), codes(seen).toString());
        assertEquals(Verdict.NOT_ENCRYPTED, seen.verdict());
        assertEquals(List.of(LinuxChange.PROBE_NAME, "0"), seen.reasons().stream().filter(r -> r.code().equals("DOT_DOWNGRADED"))
                .findFirst().orElseThrow().details(), "the window says the probe's sentence in its own language");
        Assessment journal = assess(state(247, DotMode.OPPORTUNISTIC, Downgrade.journal("Using degraded feature "
                + "set UDP instead of TLS for DNS server 198.18.0.4.")));
        assertTrue(codes(journal).contains("DOT_DOWNGRADED_JOURNAL"), codes(journal).toString());
        assertEquals(Verdict.NOT_ENCRYPTED, journal.verdict());
        // resolved keeps the fallback for minutes to hours after the path is fixed (its feature grace period)
        for (Assessment a : List.of(seen, journal)) {
            Reason r = a.reasons().stream().filter(x -> x.code().startsWith("DOT_DOWNGRADED")).findFirst().orElseThrow();
            assertTrue(r.fix().contains("resolvectl reset-server-features"), r.fix());
            for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
                String said = java.util.ResourceBundle.getBundle("org.port853.ui.messages", l).getString("reason."
                        + r.code() + ".fix");
                assertTrue(said.contains("resolvectl reset-server-features"), l + ": " + said);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a plaintext answer from a link's own server without TLS is that link's doing, "
            + "not opportunistic mode falling back: the reason names the link and routing all domains fixes it")
    void aPlaintextAnswerFromALinkNamesTheLink() {
        Assessment a = assess(state(257, DotMode.OPPORTUNISTIC, Downgrade.link("eth0")));
        assertTrue(codes(a).contains("LINK_ANSWERED_PLAINTEXT"), codes(a).toString());
        assertFalse(codes(a).contains("DOT_DOWNGRADED"), codes(a).toString());
        assertEquals(Verdict.PARTIAL, a.verdict(), "the encrypted servers are asked too: 'At risk', as without it");
        Reason r = a.reasons().stream().filter(x -> x.code().equals("LINK_ANSWERED_PLAINTEXT")).findFirst().orElseThrow();
        assertEquals(List.of(LinuxChange.PROBE_NAME, "eth0", "0"), r.details());
        assertEquals(org.port853.core.FixAction.ROUTE_ALL_DOMAINS, r.fixAction());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a plaintext answer from a link without TLS that takes every name by its own ~.: "
            + "routing all domains does not fix it, so status says that link's own fix and offers no one-click route")
    void aPlaintextAnswerFromALinkWithItsOwnCatchAllHasThatLinksFix() {
        ResolverState plain = state(257, DotMode.OPPORTUNISTIC, Downgrade.link("eth0"));
        ResolverState s = new ResolverState(plain.resolverName(), plain.source(), true, true, plain.global(),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.53.4")), DotMode.OFF,
                        null, List.of(new DomainEntry(".", true)), true, null)), null, null, plain.platform());
        Reason r = assess(s).reasons().stream().filter(x -> x.code().equals("LINK_ANSWERED_PLAINTEXT")).findFirst()
                .orElseThrow();
        assertEquals(null, r.fixAction());
        assertTrue(r.fix().contains("remove its ~. route"), r.fix());
        String window = org.port853.ui.status.ReasonTexts.of(r, s).fix();
        assertTrue(window.contains("remove its ~. route") && !window.startsWith("Route all"), window);
        String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> org.port853.ui.status.ReasonTexts.of(r, s).fix());
        assertTrue(german.contains("Route ~. entfernen"), german);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a fallback on a link that takes every name by its own ~. is not fixed by routing "
            + "all domains (its ~. ties with the global one): status says that link's own fix, as apply's check does, "
            + "and offers no one-click 'route all domains' (rig: apply --all-domains rolled back naming that ~.)")
    void aFallbackOnALinkWithItsOwnCatchAllHasThatLinksFix() {
        ResolverState plain = state(257, DotMode.STRICT, Downgrade.lookupFromLink("eth0"));
        ResolverState s = new ResolverState(plain.resolverName(), plain.source(), true, true, plain.global(),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.53.4")), DotMode.OPPORTUNISTIC,
                        null, List.of(new DomainEntry(".", true)), true, null)), null, null, plain.platform());
        Assessment a = assess(s);
        for (String code : List.of("DOT_DOWNGRADED", "LINK_PLAINTEXT_DEFAULT_ROUTE")) {
            Reason r = a.reasons().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
            assertEquals(null, r.fixAction(), code);
            assertTrue(r.fix().contains("remove its ~. route"), code + ": " + r.fix());
            String window = org.port853.ui.status.ReasonTexts.of(r, s).fix();
            assertTrue(window.contains("remove its ~. route") && !window.startsWith("Route all"), code + ": " + window);
        }
    }
}
