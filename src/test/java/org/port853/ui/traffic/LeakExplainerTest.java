package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

class LeakExplainerTest {
    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");

    private static ResolverState state(DotMode global) {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, global, DnssecMode.NO, true, List.of(),
                "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(
                new LinkState(2, "wlan0", List.of(ServerAddress.parse("192.168.1.1")), DotMode.OFF, null,
                        List.of(new DomainEntry("home.arpa", false), new DomainEntry("corp.example", true)), true, null)),
                null, null, null);
    }

    private static LeakRecord leak(String name, String server, String process) {
        return new LeakRecord(Instant.EPOCH, "wlan0", server, name, "A", process);
    }

    @Test
    @DisplayName("a query from a program not identified: where the capture did not look for programs the fix says where "
            + "it could (the capture service, or root); where it looked (as root, or through the service) only that a "
            + "one-off lookup is often over first")
    void anUnidentifiedProgramsFixSaysWhereTheCaptureCouldLook() {
        LeakRecord unidentified = leak("a.example", "198.51.100.77", null);
        String tail = "set them to use the system resolver. ";
        for (String[] said : new String[][]{
                {"en", "Port853 names the program where the capture may look (the installed package's capture service, "
                        + "or root) while the lookup is still open; a one-off lookup such as dig's is often over by then.",
                        "A one-off lookup such as dig's is often over before Port853 can name its program."},
                {"de", "Port853 nennt das Programm, wo der Mitschnitt nachsehen darf (der Mitschnittdienst des "
                        + "installierten Pakets, oder root), solange seine Abfrage noch offen ist; eine einzelne Abfrage "
                        + "wie die von dig ist dann oft schon vorbei.",
                        "Eine einzelne Abfrage wie die von dig ist oft schon vorbei, bevor Port853 ihr Programm nennen kann."}}) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(said[0]);
            for (boolean looked : new boolean[]{false, true}) {
                LeakExplainer.Why why = org.port853.ui.common.I18n.in(locale,
                        () -> LeakExplainer.explain(unidentified, state(DotMode.STRICT), null, false, looked));
                assertEquals(LeakExplainer.Cause.UNKNOWN, why.cause());
                assertTrue(why.fix().endsWith((said[0].equals("en") ? tail : "") + said[looked ? 2 : 1]), why.fix());
                assertEquals(why.fix(), org.port853.ui.common.I18n.in(locale,
                        () -> LeakExplainer.explainOwn(unidentified, state(DotMode.STRICT), null, looked)).fix());
            }
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the system resolver's query to a server its settings do not name is its own "
            + "fallback, not 'a program asked itself'")
    void resolversOwnQueryToAnUnknownServer() {
        LeakExplainer.Why why = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("a.example", "203.0.113.9", "systemd-resolve"), state(DotMode.STRICT)));
        assertEquals(LeakExplainer.Cause.UNKNOWN, why.cause());
        org.junit.jupiter.api.Assertions.assertTrue(why.text().startsWith("The system resolver sent it to 203.0.113.9")
                && why.fix().contains("FallbackDNS="), why.text() + " / " + why.fix());
    }

    @Test
    @DisplayName("in German the unidentified program's words fit inside any sentence: no relative clause left unclosed")
    void unidentifiedProgramInGerman() {
        String words = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> LeakExplainer.programWords(null));
        // "Ein Programm, das nicht festgestellt werden konnte hat ..." lacked the comma German needs after the clause
        assertFalse(words.contains(","), words);
        assertEquals("Ein nicht erkanntes Programm", org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> LeakExplainer.programOpening(null)));
    }

    @Test
    void splitDnsOnlyForNamesUnderTheLinksDomains() {
        assertEquals(LeakExplainer.Cause.SPLIT_DNS,
                LeakExplainer.explain(leak("wiki.corp.example", "192.168.1.1", null), state(DotMode.STRICT)).cause());
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT,
                LeakExplainer.explain(leak("tracker.example.com", "192.168.1.1", null), state(DotMode.STRICT)).cause());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("where the settings now send nothing in plaintext (all domains routed, strict), a leak "
            + "there is said to be from before the change, not given a fix that is already made")
    void leaksThatTheCurrentSettingsRuleOut() {
        ResolverState protectedNow = state(DotMode.STRICT);
        protectedNow = new ResolverState(protectedNow.resolverName(), protectedNow.source(), protectedNow.installed(),
                protectedNow.running(), new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.STRICT, DnssecMode.NO,
                true, List.of(new DomainEntry(".", true)), "yes", "stub"), protectedNow.links(), null, null, null);
        ResolverState now = protectedNow;
        LeakExplainer.Why link = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.1", null), now));
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, link.cause());
        org.junit.jupiter.api.Assertions.assertTrue(link.text().startsWith("Asked of 192.168.1.1 in plaintext, although"),
                link.text());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE,
                LeakExplainer.explain(leak("a.example", "9.9.9.9", "systemd-resolve"), protectedNow).cause(),
                "a global server under strict mode");
        // "from before the change" only when it came before one (window walkthrough: said of a leak 2 minutes after)
        LeakRecord unidentified = leak("tracker.example.com", "192.168.1.1", null);
        LeakExplainer.Why before = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(unidentified, now, unidentified.time().plusSeconds(5)));
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, before.cause());
        org.junit.jupiter.api.Assertions.assertTrue(before.text().startsWith("Asked of 192.168.1.1 in plaintext at ")
                && before.text().contains(", before the change at ") && !before.text().contains("most likely"),
                "known to be before the change: said as a fact, with the times: " + before.text());
        assertEquals("Nothing left to fix: it came before that change.", before.fix());
        Instant today = java.time.LocalDate.now().atTime(12, 0, 10).atZone(java.time.ZoneId.systemDefault()).toInstant();
        LeakRecord earlier = new LeakRecord(today, "wlan0", "192.168.1.1", "tracker.example.com", "A", null);
        String said = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(earlier, now, today.plusSeconds(5))).text();
        String leakAt = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.common.I18n.timeWithSeconds(today));
        String changeAt = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.common.I18n.timeWithSeconds(today.plusSeconds(5)));
        org.junit.jupiter.api.Assertions.assertTrue(said.contains(" at " + leakAt + ", before the change at "
                + changeAt + " "), "today to the second: five seconds apart are two times, " + said);
        assertEquals(LeakExplainer.Cause.UNKNOWN, LeakExplainer.explain(unidentified, now,
                unidentified.time().minusSeconds(120)).cause(), "after the change: some program asked it itself");
        LeakExplainer.Why unknown = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(unidentified, now, null));
        assertEquals(LeakExplainer.Cause.UNKNOWN, unknown.cause(), "no change while watching");
        org.junit.jupiter.api.Assertions.assertTrue(unknown.fix().startsWith("A program here asked 192.168.1.1 itself")
                && unknown.fix().contains("set them to use the system resolver"),
                "the fix says how to stop it, not only why no program is named: " + unknown.fix());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, LeakExplainer.explain(leak("a.example", "9.9.9.9",
                "systemd-resolve"), protectedNow, null).cause(), "sent by the resolver itself: its settings were other");
        assertEquals(LeakExplainer.Cause.SPLIT_DNS,
                LeakExplainer.explain(leak("wiki.corp.example", "192.168.1.1", null), protectedNow).cause(),
                "a routing domain still goes to the link");
        // the same router on a second link that still takes every name in plaintext: the query's own link decides
        LinkState eth = new LinkState(3, "eth0", List.of(ServerAddress.parse("192.168.1.1")), DotMode.OFF, null,
                List.of(new DomainEntry(".", true)), true, null);
        ResolverState twoLinks = new ResolverState(now.resolverName(), now.source(), now.installed(), now.running(),
                now.global(), List.of(now.links().get(0), eth), null, null, null);
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(
                new LeakRecord(Instant.EPOCH, "eth0", "192.168.1.1", "tracker.example.com", "A", null), twoLinks).cause());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.1", null), twoLinks).cause(), "wlan0's own");
    }

    @Test
    void programsWithTheirOwnResolverAndOpportunisticFallback() {
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER,
                LeakExplainer.explain(leak("a.example", "8.8.8.8", "firefox"), state(DotMode.STRICT)).cause());
        assertEquals(LeakExplainer.Cause.OPPORTUNISTIC_FALLBACK,
                LeakExplainer.explain(leak("a.example", "9.9.9.9", "systemd-resolve"), state(DotMode.OPPORTUNISTIC)).cause());
        assertEquals(LeakExplainer.Cause.UNKNOWN,
                LeakExplainer.explain(leak("a.example", "203.0.113.9", null), state(DotMode.STRICT)).cause());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a server /etc/resolv.conf names, asked past the system resolver: the file is the "
            + "cause and the fix, also when the resolver is not running (window walkthrough: 'could not be identified')")
    void resolvConfNamesTheServer() {
        ResolverState running = state(DotMode.STRICT);
        org.port853.core.PlatformDetails plainFile = new org.port853.platform.linux.LinuxDetails(252,
                new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STATIC, "/etc/resolv.conf",
                        List.of("192.168.1.1", "192.168.1.254", "2001:DB8::0:53")), List.of());
        ResolverState withFile = new ResolverState(running.resolverName(), running.source(), true, true,
                running.global(), running.links(), null, null, plainFile);
        LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.1", "firefox (900)"), withFile));
        assertEquals(LeakExplainer.Cause.RESOLV_CONF, w.cause());
        assertEquals("Asked of 192.168.1.1 directly: /etc/resolv.conf names it, so programs that read that file skip "
                + "the system resolver and its encryption.", w.text());
        org.junit.jupiter.api.Assertions.assertTrue(w.fix().startsWith("Protect my DNS"), w.fix());
        // an unnamed sender goes by the resolver's settings first (its own process is often not visible), then the file
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.1", null), withFile).cause());
        assertEquals(LeakExplainer.Cause.RESOLV_CONF, LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.254", null), withFile).cause(), "a server only the file names");
        assertEquals(LeakExplainer.Cause.RESOLV_CONF, LeakExplainer.explain(
                leak("tracker.example.com", "2001:db8::53", "curl (77)"), withFile).cause(), "in another spelling");
        ResolverState stopped = new ResolverState(running.resolverName(), org.port853.core.StateSource.NONE, true,
                false, null, List.of(), null, null, plainFile);
        LeakExplainer.Why noResolver = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(leak("a.example", "192.168.1.1", null), stopped));
        assertEquals(LeakExplainer.Cause.RESOLV_CONF, noResolver.cause());
        org.junit.jupiter.api.Assertions.assertTrue(noResolver.fix().startsWith("Get the system resolver running"),
                noResolver.fix());
        // the resolver's own query to that router goes by the link's reason; another server by the program's own
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(
                leak("a.example", "192.168.1.1", "systemd-resolve (97)"), withFile).cause());
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER, LeakExplainer.explain(
                leak("a.example", "8.8.8.8", "firefox (900)"), withFile).cause());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a query the system resolver sends to its own server with DNS-over-TLS off leaks "
            + "because encryption is off, not 'outside the system resolver'")
    void encryptionOff() {
        for (DotMode off : new DotMode[] {DotMode.OFF, null}) {
            LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                    leak("a.example", "9.9.9.9", "systemd-resolve (97)"), state(off)));
            assertEquals(LeakExplainer.Cause.DOT_OFF, w.cause(), String.valueOf(off));
            assertEquals("The system resolver asks 9.9.9.9 in plaintext: DNS-over-TLS is off.", w.text());
            org.junit.jupiter.api.Assertions.assertTrue(w.fix().startsWith("Protect my DNS"), w.fix());
        }
        // the same server asked by a program of its own is that program's leak
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER,
                LeakExplainer.explain(leak("a.example", "9.9.9.9", "firefox (900)"), state(DotMode.OFF)).cause());
    }

    @Test
    void localNamesOnTheLocalNetworkAreNoLeak() {
        LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("nas.home.arpa", "192.168.1.1", "avahi-daemon (5)"), state(DotMode.STRICT)));
        assertEquals(LeakExplainer.Cause.LOCAL_NAME, w.cause());
        assertEquals("Nothing to fix.", w.fix());
        org.junit.jupiter.api.Assertions.assertTrue(w.text().startsWith("nas.home.arpa is a name of your local network"),
                w.text());
        // a local name sent to a resolver on the internet is a leak of its own
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER,
                LeakExplainer.explain(leak("nas.home.arpa", "8.8.8.8", "firefox"), state(DotMode.STRICT)).cause());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a query the system resolver sent for a program is diagnosed by its link, not as the program's own resolver")
    void queriesSentBySystemdResolvedForAProgramLeakForTheLinksReason() {
        // the capture names the asking program first: "dig (812) → systemd-resolve (97)"
        LeakRecord viaStub = new LeakRecord(Instant.EPOCH, "wlan0", "192.168.1.1", "tracker.example.com", "A", null)
                .withSender("systemd-resolve (97)", "dig (812)");
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(viaStub, state(DotMode.STRICT)).cause());
        // a process chain without the sender field is read the same way (its last hop sent the query)
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(
                leak("tracker.example.com", "192.168.1.1", "dig (812) → systemd-resolved (97)"),
                state(DotMode.STRICT)).cause());
        // a program that sent the query from its own socket still has its own resolver
        LeakRecord own = new LeakRecord(Instant.EPOCH, "wlan0", "8.8.8.8", "a.example", "A", null)
                .withSender("firefox (900)", null);
        LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(own, state(DotMode.STRICT)));
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER, w.cause());
        org.junit.jupiter.api.Assertions.assertTrue(w.text().startsWith("firefox (900) asks 8.8.8.8 itself"), w.text());
        // the asker is known but the sending socket was gone (a resolver's short-lived one): not "unknown asks itself"
        LeakRecord socketGone = new LeakRecord(Instant.EPOCH, "wlan0", "192.168.1.1", "tracker.example.com", "A",
                null).withSender(null, "dig (812)");
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, LeakExplainer.explain(socketGone, state(DotMode.STRICT))
                .cause());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Verify's test queries leak for the link's reason and say that they are Verify's")
    void verifysTestQueriesGetTheLinksReason() {
        LeakRecord test = new LeakRecord(Instant.EPOCH, "wlan0", "192.168.1.1", "p853-3kq9x2.example.com", "A", null)
                .withSender("systemd-resolve (97)", "java (4242)");
        LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.explain(test, state(DotMode.STRICT)));
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, w.cause());
        org.junit.jupiter.api.Assertions.assertTrue(w.text().startsWith("A test query of Verify") && w.text().contains(
                "Network link wlan0 has its own DNS server 192.168.1.1"), w.text());
        org.junit.jupiter.api.Assertions.assertTrue(w.fix().startsWith("Protect my DNS"), w.fix());
        LeakExplainer.Why de = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> LeakExplainer.explain(test, state(DotMode.STRICT)));
        org.junit.jupiter.api.Assertions.assertTrue(de.text().startsWith("Eine Testanfrage von „Prüfen“"), de.text());
        // names that only look alike are no test queries
        org.junit.jupiter.api.Assertions.assertFalse(org.port853.probe.Verifier.isTestName("p853-x.example.org"));
        org.junit.jupiter.api.Assertions.assertFalse(org.port853.probe.Verifier.isTestName("a.p853-x.example.com"));
        org.junit.jupiter.api.Assertions.assertTrue(org.port853.probe.Verifier.isTestName("P853-AB.example.com."));
    }

    @Test
    @DisplayName("without the rights to see processes the resolver's queries come as its user's: still the resolver's, "
            + "never a program with its own resolver")
    void theResolversUserIsTheResolver() {
        assertTrue(LeakExplainer.isSystemResolver("uid 991 (systemd-resolve)"));
        assertTrue(LeakExplainer.isSystemResolver("systemd-resolve (97)"));
        assertFalse(LeakExplainer.isSystemResolver("uid 1000 (alice)"));
        assertFalse(LeakExplainer.isSystemResolver("python3 (4242)"));
        LeakRecord byOwner = new LeakRecord(java.time.Instant.now(), "eth0", "198.18.0.4", "a.example", "A", null,
                null, 1, "uid 991 (systemd-resolve)", null);
        assertFalse(LeakExplainer.bypassesResolver(byOwner, null));
        LeakRecord python = new LeakRecord(java.time.Instant.now(), "eth0", "198.18.0.4", "a.example", "A",
                "python3 (4242)", null, 2, "python3 (4242)", null);
        assertTrue(LeakExplainer.bypassesResolver(python, null));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a leak of a sender not identified that the resolver's settings would not send, "
            + "after the last change, bypasses the resolver as a program's own does (window walkthrough: 'dig @router' "
            + "cleared by a Verify); one they would send, or from before the change, does not")
    void anUnidentifiedLeakTheSettingsRuleOutBypassesTheResolver() {
        ResolverState strict = state(DotMode.STRICT);
        Instant change = Instant.EPOCH.minusSeconds(60);
        LeakRecord toElsewhere = leak("a.example", "203.0.113.9", null);
        assertTrue(LeakExplainer.bypassesResolver(toElsewhere, strict, null), "a server the settings do not name");
        assertTrue(LeakExplainer.bypassesResolver(toElsewhere, strict, change));
        assertFalse(LeakExplainer.bypassesResolver(toElsewhere, strict, Instant.EPOCH.plusSeconds(5)),
                "before the change: the settings then may have named it");
        assertFalse(LeakExplainer.bypassesResolver(leak("tracker.example.com", "192.168.1.1", null), strict, null),
                "the link's plaintext route: the resolver's doing");
        assertFalse(LeakExplainer.bypassesResolver(leak("a.example", "203.0.113.9", "systemd-resolve"), strict, null),
                "the resolver's own fallback");
        assertFalse(LeakExplainer.bypassesResolver(leak("p853-abc123.example.com", "203.0.113.9",
                null), strict, null), "Verify's own queries go through the resolver");
        String said = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("a.example", "8.8.8.8", "uid 0 (root)"), strict).text());
        assertTrue(said.startsWith("A program running as uid 0 (root) asks 8.8.8.8 itself"), said);
        assertEquals("A program that could not be identified", org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> LeakExplainer.programOpening(null)));
        assertEquals("python3 (4242)", LeakExplainer.programOpening("python3 (4242)"), "a program's own name kept");
    }
}
