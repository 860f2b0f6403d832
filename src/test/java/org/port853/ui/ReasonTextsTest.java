package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessor;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.platform.linux.LinuxDetails;
import org.port853.platform.linux.LinuxRules;
import org.port853.ui.status.ReasonTexts;

/** The window says a reason in its bundle's words, with the reason's own link, servers and file filled in. */
class ReasonTextsTest {
    private static ReasonTexts.Text text(List<Reason> reasons, String code, ResolverState s) {
        Reason r = reasons.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
        ReasonTexts.Text t = ReasonTexts.of(r, s);
        assertNotEquals(r.message(), t.message(), "core's English sentence instead of the bundle's");
        assertFalse(t.message().contains("{") || t.fix().contains("{"), t.message() + " / " + t.fix());
        return t;
    }

    @Test
    @org.junit.jupiter.api.DisplayName("run as root, the window says a fix's commands as root types them, without sudo "
            + "(often not installed), on Status and Diagnostics alike, as the command line does")
    void rootIsToldCommandsWithoutSudo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.port853.core.Privileges.isRoot(), "the tests run as root");
        Reason stopped = new Reason("RESOLVER_STOPPED", org.port853.core.Severity.BROKEN, "stopped",
                "Start it: sudo systemctl enable --now systemd-resolved.service", List.of("0"));
        ReasonTexts.Text t = ReasonTexts.of(stopped, null);
        assertTrue(t.fix().contains("systemctl enable --now systemd-resolved.service"), t.fix());
        assertFalse(t.fix().contains("sudo"), t.fix());
        org.port853.probe.doctor.Check c = org.port853.probe.doctor.Check.failure("resolver.running", null, "stopped",
                stopped.fix()).repeats(List.of(stopped));
        assertFalse(org.port853.ui.diagnostics.CheckTexts.of(c).fix().contains("sudo"),
                org.port853.ui.diagnostics.CheckTexts.of(c).fix());
    }

    @Test
    void aLinkReasonNamesItsLinkAndServer() {
        ResolverState s = Fakes.plaintextState(null);
        ReasonTexts.Text t = text(Assessor.assess(s).reasons(), "LINK_PLAINTEXT_DEFAULT_ROUTE", s);
        assertTrue(t.message().contains("wlan0") && t.message().contains("192.168.1.1"), t.message());
        assertFalse(t.message().contains("DoT"), "no engineer's shorthand: " + t.message());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("with encryption off, a link's plaintext server is fixed by Protect my DNS, not by "
            + "routing names to encrypted servers that do not exist yet (first screen of a fresh system in a rig), in "
            + "both languages; with encrypted servers the fix still routes all names to them")
    void aLinkReasonWithoutEncryptedServersPointsAtProtect() {
        ResolverState fresh = Fakes.plaintextState(null);
        for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String fix = org.port853.ui.common.I18n.in(language,
                    () -> text(Assessor.assess(fresh).reasons(), "LINK_PLAINTEXT_DEFAULT_ROUTE", fresh).fix());
            assertTrue(fix.contains(org.port853.ui.common.I18n.in(language, () -> org.port853.ui.common.I18n.t(
                    "protect.button")).replace("_", "")), fix);
        }
        ResolverState encrypted = Fakes.state(new org.port853.core.GlobalState(List.of(org.port853.core.ServerAddress
                .parse("9.9.9.9#dns.quad9.net")), List.of(), null, org.port853.core.DotMode.STRICT,
                org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub"), null);
        ResolverState beside = new ResolverState(encrypted.resolverName(), encrypted.source(), true, true,
                encrypted.global(), List.of(new org.port853.core.LinkState(2, "wlan0", List.of(
                org.port853.core.ServerAddress.parse("192.168.1.1")), org.port853.core.DotMode.OFF, null, List.of(),
                true, null)), null, null, encrypted.platform());
        String fix = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> text(Assessor.assess(beside).reasons(), "LINK_PLAINTEXT_DEFAULT_ROUTE", beside).fix());
        assertTrue(fix.startsWith("Route all names to the encrypted servers"), fix);
    }

    @Test
    void aStaticResolvConfSaysWhichOfItsTwoCasesItIs() {
        ResolverState stub = withResolvConf(List.of("127.0.0.53"));
        ReasonTexts.Text toStub = text(new LinuxRules().assess(stub), "RESOLV_CONF_STATIC", stub);
        assertTrue(toStub.message().contains("points at the local resolver"), toStub.message());
        assertFalse(toStub.message().contains("bypass"), toStub.message());

        ResolverState elsewhere = withResolvConf(List.of("192.0.2.1", "192.0.2.2"));
        ReasonTexts.Text bypass = text(new LinuxRules().assess(elsewhere), "RESOLV_CONF_STATIC", elsewhere);
        assertTrue(bypass.message().contains("192.0.2.1, 192.0.2.2") && bypass.message().contains("bypass"),
                bypass.message());

        ResolverState none = withResolvConf(List.of()); // only options, or unreadable to this user
        ReasonTexts.Text noServer = text(new LinuxRules().assess(none), "RESOLV_CONF_STATIC", none);
        assertTrue(noServer.message().contains("no nameserver line") && noServer.message().contains("127.0.0.1"),
                noServer.message());
        assertFalse(noServer.message().contains("nameservers )"), noServer.message());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a static resolv.conf that already points at the local resolver says what is "
            + "still amiss and asks for a link, in both languages (a rig with a plain file: 'points at the local "
            + "resolver', fix 'Point /etc/resolv.conf at the local resolver')")
    void aStaticResolvConfAtTheStubSaysWhatALinkAdds() {
        ResolverState stub = withResolvConf(List.of("127.0.0.53"));
        for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            ReasonTexts.Text t = org.port853.ui.common.I18n.in(language,
                    () -> text(new LinuxRules().assess(stub), "RESOLV_CONF_STATIC", stub));
            String said = t.message() + " / " + t.fix();
            assertTrue(t.message().contains("systemd-resolved"), "what is amiss: " + said);
            assertFalse(t.fix().startsWith("Point ") || t.fix().endsWith("zeigen lassen (/run/systemd/resolve/"
                    + "stub-resolv.conf)."), "the fix repeats what is already so: " + said);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("why a hanging resolver's settings could not be read is said in German where "
            + "Port853 says it, and the system's own text quoted (rig walkthrough, resolved stopped with SIGSTOP)")
    void anUnreadableStateIsSaidInTheWindowsLanguage() {
        org.port853.core.Sentence bus = org.port853.core.Sentence.of(
                "systemd-resolved did not answer on D-Bus within 3000 ms", "problem.bus-no-answer", 3000);
        ResolverState hung = ResolverState.unreadable("systemd-resolved", org.port853.core.StateSource.NONE, true, true,
                null, org.port853.core.Sentence.of("D-Bus unavailable (" + bus.english()
                        + ") and resolvectl did not answer within 10 s", "problem.bus-and-resolvectl", bus,
                        org.port853.core.Sentence.of("resolvectl did not answer within 10 s", "problem.resolvectl-no-answer",
                                10)), null);
        List<Reason> reasons = new LinuxRules().assess(hung);
        org.junit.jupiter.api.Assertions.assertEquals("Die Einstellungen des Resolvers konnten nicht gelesen werden; "
                + "D-Bus ist nicht verfügbar (systemd-resolved hat nicht innerhalb von 3000 ms über D-Bus geantwortet), "
                + "und resolvectl hat nicht innerhalb von 10 s geantwortet", org.port853.ui.common.I18n.in(
                java.util.Locale.GERMAN, () -> text(reasons, "STATE_UNREADABLE", hung).message()));
        org.junit.jupiter.api.Assertions.assertEquals("The resolver's settings could not be read: " + hung.problem(),
                org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                        () -> ReasonTexts.of(reasons.get(0), hung).message()), "as the command line says it");
        ResolverState noBus = new ResolverState("systemd-resolved", org.port853.core.StateSource.NONE, true, true, null,
                List.of(), null, "Failed to connect to bus", null);
        assertTrue(org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> text(new LinuxRules().assess(noBus),
                "STATE_UNREADABLE", noBus).message()).endsWith("; das System meldet: „Failed to connect to bus“"));
    }

    @Test
    void anInterruptedChangeSaysWhenItStartedAsTheLanguageWritesIt() {
        java.time.Instant started = java.time.Instant.parse("2026-11-30T21:26:24.331501030Z");
        ResolverState s = Fakes.plaintextState(new org.port853.core.PendingChange("c1", started, "strict"));
        String de = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> text(Assessor.assess(s).reasons(), "CHANGE_INTERRUPTED", s).message());
        java.util.Date d = java.util.Date.from(started);
        String when = java.text.DateFormat.getDateInstance(java.text.DateFormat.MEDIUM, java.util.Locale.GERMAN).format(d)
                + " um " + java.text.DateFormat.getTimeInstance(java.text.DateFormat.SHORT, java.util.Locale.GERMAN).format(d);
        assertFalse(de.contains("2026-11-30T"), "not the raw instant: " + de);
        assertTrue(de.startsWith("Eine am " + when + " begonnene Änderung wurde unterbrochen"), de);
        assertTrue(de.contains("(strict)"), de);
    }

    @Test
    void dnssecOffClaimsEncryptionOnlyWhenDnsOverTlsIsOn() {
        ResolverState plain = Fakes.plaintextState(null);
        ReasonTexts.Text off = text(Assessor.assess(plain).reasons(), "DNSSEC_OFF", plain);
        assertTrue(off.message().contains("neither encrypted"), off.message());
        assertFalse(off.message().contains("encrypted in transit"), off.message());

        ResolverState strict = Fakes.strictState(List.of(org.port853.core.ServerAddress.parse("192.0.2.1#dot.test")), true);
        ReasonTexts.Text on = text(Assessor.assess(strict).reasons(), "DNSSEC_OFF", strict);
        assertTrue(on.message().contains("encrypted in transit but their signatures are not checked"), on.message());
    }

    private static ResolverState withResolvConf(List<String> nameservers) {
        return withResolvConf(new ResolvConfState(ResolvConfState.Kind.STATIC, "/etc/resolv.conf", nameservers));
    }

    private static ResolverState withResolvConf(ResolvConfState rc) {
        ResolverState s = Fakes.plaintextState(null);
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), s.links(),
                s.pendingChange(), s.problem(), new LinuxDetails(252, rc, List.of()));
    }

    /** DNS-over-TLS off with the later VPN drop-in's server, read after {@code earlier}. */
    private static ResolverState vpnTurnsEncryptionOffAfter(List<org.port853.core.DropIn> earlier) {
        return laterFileAfter(earlier, Map.of("DNS", "198.18.0.4", "DNSOverTLS", "no"));
    }

    /** DNS-over-TLS off, and the drop-in zzz-vpn.conf setting {@code keys} read after {@code earlier}. */
    private static ResolverState laterFileAfter(List<org.port853.core.DropIn> earlier, Map<String, String> keys) {
        ResolverState s = Fakes.plaintextState(null);
        org.port853.core.GlobalState g = new org.port853.core.GlobalState(
                List.of(org.port853.core.ServerAddress.parse("198.18.0.4")), List.of(), null,
                org.port853.core.DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
        List<org.port853.core.DropIn> dropIns = new java.util.ArrayList<>(earlier);
        dropIns.add(new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zzz-vpn.conf", false, true, keys, null));
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), g, s.links(),
                s.pendingChange(), s.problem(), new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns));
    }

    private static Map<String, ReasonTexts.Text> dropInTexts(ResolverState s, java.util.Locale l) {
        List<Reason> reasons = Assessor.assess(s, new LinuxRules().assess(s)).reasons();
        // DOT_OFF's message is the same sentence in core and bundle: only its fix is compared
        Reason dotOff = reasons.stream().filter(r -> r.code().equals("DOT_OFF")).findFirst().orElseThrow();
        return org.port853.ui.common.I18n.in(l, () -> Map.of("DROP_IN_OVERRIDES", text(reasons, "DROP_IN_OVERRIDES", s),
                "DOT_OFF", ReasonTexts.of(dotOff, s)));
    }

    @Test
    @DisplayName("a drop-in read after an exported copy of Port853's settings, with no drop-in of Port853's own, is "
            + "said to override that copy by its name, and with no file of Port853's at all only what it sets, in "
            + "both languages")
    void aLaterDropInNamesWhatItOverrides() {
        ResolverState afterCopy = vpnTurnsEncryptionOffAfter(List.of(new org.port853.core.DropIn(
                "/etc/systemd/resolved.conf.d/50-fleet.conf", false, false, Map.of("DNS", "9.9.9.9#dns.quad9.net",
                "DNSOverTLS", "yes"), null, false, null, java.util.Set.of(), true)));
        Map<String, ReasonTexts.Text> en = dropInTexts(afterCopy, java.util.Locale.ENGLISH);
        assertEquals("The settings file /etc/systemd/resolved.conf.d/zzz-vpn.conf is read after 50-fleet.conf, an "
                + "exported copy of Port853's settings, and overrides it.", en.get("DROP_IN_OVERRIDES").message());
        assertTrue(en.get("DOT_OFF").fix().startsWith("/etc/systemd/resolved.conf.d/zzz-vpn.conf sets DNSOverTLS=no "
                + "after the exported copy 50-fleet.conf, so it wins over it: remove"), en.get("DOT_OFF").fix());
        Map<String, ReasonTexts.Text> de = dropInTexts(afterCopy, java.util.Locale.GERMAN);
        assertTrue(de.get("DROP_IN_OVERRIDES").message().contains("nach 50-fleet.conf gelesen, einer exportierten "
                + "Kopie"), de.get("DROP_IN_OVERRIDES").message());
        assertTrue(de.get("DOT_OFF").fix().contains("nach der exportierten Kopie 50-fleet.conf"),
                de.get("DOT_OFF").fix());

        ResolverState afterOurs = vpnTurnsEncryptionOffAfter(List.of(new org.port853.core.DropIn(
                "/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, Map.of("DNS", "9.9.9.9#dns.quad9.net",
                "DNSOverTLS", "yes"), null)));
        Map<String, ReasonTexts.Text> ours = dropInTexts(afterOurs, java.util.Locale.ENGLISH);
        assertEquals("The settings file /etc/systemd/resolved.conf.d/zzz-vpn.conf is read after Port853's and "
                + "overrides its settings.", ours.get("DROP_IN_OVERRIDES").message());
        assertTrue(ours.get("DOT_OFF").fix().contains("DNSOverTLS=no after Port853's settings, so it wins over them"),
                "an apostrophe lost in the choice's second pass: " + ours.get("DOT_OFF").fix());

        ResolverState alone = vpnTurnsEncryptionOffAfter(List.of());
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            Map<String, ReasonTexts.Text> t = dropInTexts(alone, l);
            String overrides = t.get("DROP_IN_OVERRIDES").message();
            String fix = t.get("DOT_OFF").fix();
            assertTrue(overrides.contains("zzz-vpn.conf") && overrides.contains("DNS=, DNSOverTLS=")
                    && !overrides.contains("overrides") && !overrides.contains("überschreibt"), overrides);
            assertTrue(fix.contains("zzz-vpn.conf") && !fix.contains("Port853") && !fix.contains("wins over")
                    && !fix.contains("Vorrang"), fix);
        }
    }

    @Test
    @DisplayName("a drop-in systemd-resolved cannot open is said to be where it stops reading, naming the files it then "
            + "does not read: the later ones (up to 252), every one and the main resolved.conf (from 253), in both "
            + "languages")
    void anUnreadableDropInSaysWhatResolvedThenDoesNotRead() {
        String dir = "/etc/systemd/resolved.conf.d/";
        org.port853.core.DropIn early = new org.port853.core.DropIn(dir + "10-early.conf", false, false,
                Map.of("DNS", "198.18.0.9"), null);
        org.port853.core.DropIn late = new org.port853.core.DropIn(dir + "30-late.conf", false, false,
                Map.of("DNS", "198.18.0.7"), null);
        ReasonTexts.Text here = unreadableText(252, List.of(early, closed(dir + "20-closed.conf",
                org.port853.core.DropIn.Stop.HERE), late), java.util.Locale.ENGLISH);
        assertEquals("The settings file " + dir + "20-closed.conf could not be read: permission denied. systemd-resolved "
                + "stops reading settings files there, so it does not read " + dir + "30-late.conf.", here.message());
        ReasonTexts.Text all = unreadableText(257, List.of(early, closed(dir + "zzz-closed.conf",
                org.port853.core.DropIn.Stop.ALL_FILES)), java.util.Locale.ENGLISH);
        assertEquals("The settings file " + dir + "zzz-closed.conf could not be read: permission denied. "
                + "systemd-resolved then reads no settings file at all and runs on its built-in defaults: it does not "
                + "read /etc/systemd/resolved.conf, " + dir + "10-early.conf either.", all.message());
        ReasonTexts.Text de = unreadableText(257, List.of(early, closed(dir + "zzz-closed.conf",
                org.port853.core.DropIn.Stop.ALL_FILES)), java.util.Locale.GERMAN);
        assertTrue(de.message().contains("liest dann überhaupt keine Einstellungsdatei") && de.message().contains(
                "auch /etc/systemd/resolved.conf, " + dir + "10-early.conf liest es nicht"), de.message());
        ReasonTexts.Text last = unreadableText(252, List.of(early, closed(dir + "zzz-closed.conf",
                org.port853.core.DropIn.Stop.HERE)), java.util.Locale.GERMAN);
        assertTrue(last.message().endsWith("(danach kommt keine Datei mehr)."), last.message());

        ResolverState stopped = state(252, List.of(early, closed(dir + "20-closed.conf",
                org.port853.core.DropIn.Stop.HERE), late));
        List<Reason> core = Assessor.assess(stopped, new LinuxRules().assess(stopped)).reasons();
        assertTrue(core.stream().anyMatch(r -> r.code().equals("DROP_IN_UNREADABLE") && r.message().endsWith(
                "systemd-resolved stops reading settings files there, so it does not read " + dir + "30-late.conf.")),
                core.toString());
    }

    private static org.port853.core.DropIn closed(String path, org.port853.core.DropIn.Stop stop) {
        return new org.port853.core.DropIn(path, false, false, Map.of(), "permission denied", true, null,
                java.util.Set.of(), false, stop);
    }

    private static ResolverState state(int version, List<org.port853.core.DropIn> dropIns) {
        ResolverState s = Fakes.plaintextState(null);
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), s.links(),
                s.pendingChange(), s.problem(), new LinuxDetails(version, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns));
    }

    private static ReasonTexts.Text unreadableText(int version, List<org.port853.core.DropIn> dropIns,
                                                   java.util.Locale l) {
        ResolverState s = state(version, dropIns);
        List<Reason> reasons = Assessor.assess(s, new LinuxRules().assess(s)).reasons();
        return org.port853.ui.common.I18n.in(l, () -> text(reasons, "DROP_IN_UNREADABLE", s));
    }

    @Test
    @DisplayName("a drop-in read after Port853's but past a file where systemd-resolved stops reading is said not to be "
            + "read now and to override Port853's settings once that file is fixed, which is the first thing to fix, "
            + "in both languages")
    void aLaterDropInPastWhereResolvedStopsIsNotReadNow() {
        String bad = "/etc/systemd/resolved.conf.d/zzz-1bad.conf";
        String vpn = "/etc/systemd/resolved.conf.d/zzz-vpn.conf";
        ResolverState s = vpnTurnsEncryptionOffAfter(List.of(new org.port853.core.DropIn(
                "/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, Map.of("DNS", "9.9.9.9#dns.quad9.net",
                "DNSOverTLS", "yes"), null), new org.port853.core.DropIn(bad, false, false, Map.of(),
                "line 2 is not valid UTF-8", false, null, java.util.Set.of(), false,
                org.port853.core.DropIn.Stop.HERE)));
        ReasonTexts.Text en = dropInTexts(s, java.util.Locale.ENGLISH).get("DROP_IN_OVERRIDES");
        assertEquals("The settings file " + vpn + " is not read now: systemd-resolved stops reading settings files at "
                + bad + ". Once that file is fixed, " + vpn + " is read after the file Port853 writes, and the "
                + "DNS=, DNSOverTLS= it sets would override Port853's settings.", en.message());
        assertEquals("First fix " + bad + " (make it readable, or correct or remove it): systemd-resolved stops "
                + "reading there. Then remove " + vpn + ", or move its settings into a file that is read earlier.",
                en.fix());
        ReasonTexts.Text de = dropInTexts(s, java.util.Locale.GERMAN).get("DROP_IN_OVERRIDES");
        assertTrue(de.message().contains("wird derzeit nicht gelesen") && de.message().contains(bad), de.message());
        assertTrue(de.fix().startsWith("Zuerst " + bad + " beheben"), de.fix());
        Reason core = Assessor.assess(s, new LinuxRules().assess(s)).reasons().stream()
                .filter(r -> r.code().equals("DROP_IN_OVERRIDES")).findFirst().orElseThrow();
        assertTrue(core.message().contains("is not read now") && core.fix().startsWith("First fix " + bad),
                core.toString());
    }

    @Test
    @DisplayName("DNSSEC validation failing with DNSSEC= from a later drop-in: the fix says that file wins over "
            + "Port853's settings only where Port853 has a drop-in, names the exported copy it wins over, and with no "
            + "file of Port853's at all says only what it sets, in both languages")
    void theDnssecFixSaysWhatTheLaterFileWinsOver() {
        Map<String, String> dnssecYes = Map.of("DNSSEC", "yes");
        ResolverState afterOurs = laterFileAfter(List.of(new org.port853.core.DropIn(
                "/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, Map.of("DNSSEC", "no"), null)), dnssecYes);
        assertTrue(dnssecFix(afterOurs, java.util.Locale.ENGLISH).contains("zzz-vpn.conf sets DNSSEC=yes after "
                + "Port853's settings, so it wins over them: set it to no there"), dnssecFix(afterOurs,
                java.util.Locale.ENGLISH));
        assertTrue(dnssecFix(afterOurs, java.util.Locale.GERMAN).contains("zzz-vpn.conf setzt DNSSEC=yes nach den "
                + "Einstellungen von Port853 und hat damit Vorrang"), dnssecFix(afterOurs, java.util.Locale.GERMAN));

        ResolverState afterCopy = laterFileAfter(List.of(new org.port853.core.DropIn(
                "/etc/systemd/resolved.conf.d/50-fleet.conf", false, false, Map.of("DNSSEC", "no"), null, false, null,
                java.util.Set.of(), true)), dnssecYes);
        assertTrue(dnssecFix(afterCopy, java.util.Locale.ENGLISH).contains("zzz-vpn.conf sets DNSSEC=yes after the "
                + "exported copy 50-fleet.conf, so it wins over it: set it to no there"), dnssecFix(afterCopy,
                java.util.Locale.ENGLISH));
        assertTrue(dnssecFix(afterCopy, java.util.Locale.GERMAN).contains("zzz-vpn.conf setzt DNSSEC=yes nach der "
                + "exportierten Kopie 50-fleet.conf und hat damit Vorrang vor ihr"), dnssecFix(afterCopy,
                java.util.Locale.GERMAN));

        ResolverState alone = laterFileAfter(List.of(), dnssecYes);
        assertTrue(dnssecFix(alone, java.util.Locale.ENGLISH).contains("zzz-vpn.conf sets DNSSEC=yes: set it to no "
                + "there"), dnssecFix(alone, java.util.Locale.ENGLISH));
        assertTrue(dnssecFix(alone, java.util.Locale.GERMAN).contains("zzz-vpn.conf setzt DNSSEC=yes: dort auf no "
                + "stellen"), dnssecFix(alone, java.util.Locale.GERMAN));
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String fix = dnssecFix(alone, l);
            assertTrue(!fix.contains("Port853") && !fix.contains("wins over") && !fix.contains("Vorrang"), fix);
        }
    }

    /** The window's fix of DNSSEC_VALIDATION_FAILED for {@code s} in {@code l}. */
    private static String dnssecFix(ResolverState s, java.util.Locale l) {
        Reason r = Assessor.namesUnresolved(Assessor.assess(s), s, "DNSSEC validation failed: no-signature").reasons()
                .stream().filter(x -> x.code().equals("DNSSEC_VALIDATION_FAILED")).findFirst().orElseThrow();
        return org.port853.ui.common.I18n.in(l, () -> ReasonTexts.of(r, s)).fix();
    }

    @Test
    void aResolvConfThatTheCLibraryFollowsSaysThatIsNearlyEveryProgramInBothLanguages() {
        ResolverState file = withResolvConf(new ResolvConfState(ResolvConfState.Kind.STATIC, "/etc/resolv.conf",
                List.of("192.0.2.1"), true));
        ResolverState uplink = withResolvConf(new ResolvConfState(ResolvConfState.Kind.UPLINK,
                "/run/systemd/resolve/resolv.conf", List.of("192.0.2.1"), true));
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String fileText = org.port853.ui.common.I18n.in(l,
                    () -> text(new LinuxRules().assess(file), "RESOLV_CONF_STATIC", file).message());
            String uplinkText = org.port853.ui.common.I18n.in(l,
                    () -> text(new LinuxRules().assess(uplink), "RESOLV_CONF_UPLINK", uplink).message());
            assertTrue(fileText.contains("192.0.2.1") && fileText.contains("/etc/nsswitch.conf"), fileText);
            assertFalse(fileText.contains("machines "), "an apostrophe lost in the choice's second pass: " + fileText);
            assertTrue(uplinkText.contains("/etc/nsswitch.conf") && !uplinkText.contains("{"), uplinkText);
        }
        ResolverState followedByItsReaders = withResolvConf(new ResolvConfState(ResolvConfState.Kind.UPLINK,
                "/run/systemd/resolve/resolv.conf", List.of("192.0.2.1")));
        String only = text(new LinuxRules().assess(followedByItsReaders), "RESOLV_CONF_UPLINK", followedByItsReaders)
                .message();
        assertFalse(only.contains("nsswitch") || only.contains("{"), only);
    }
    @Test
    void aWindowReasonIsWordedByTheBundleInBothLanguages() {
        Reason r = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> ReasonTexts.windowReason(
                "VERIFY_UNANSWERED", org.port853.core.Severity.BROKEN, List.of("10", "12:00")));
        org.junit.jupiter.api.Assertions.assertEquals("Names do not resolve: the Verify at 12:00 got no answer to any of "
                + "its test queries (10 sent).", r.message(), "the record keeps English, whatever the window's language");
        assertTrue(r.fix().startsWith("The DNS servers refuse"), r.fix());
        String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> ReasonTexts.of(r, null).message());
        assertTrue(german.contains("12:00") && german.contains("10") && !german.contains("{"), german);
        assertNotEquals(r.message(), german);
    }

    /**
     * DOT_AT_NEXT_START off at the next start, strict now, no server named then: {@code where} (0 the comment's
     * default, 2 systemd's where no file is read), whether a file hides Port853's and which.
     */
    private static Reason nextStart(String where, String hidden, String file) {
        return new Reason("DOT_AT_NEXT_START", org.port853.core.Severity.WARNING, "x", "y",
                List.of(where, "", "no", "2", "0", "2", hidden, file));
    }

    private static ReasonTexts.Text inGerman(Reason r) {
        return org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> ReasonTexts.of(r, null));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("what the resolver does only until its next start is said in the bundle's words, "
            + "English and German, with the file, the value and both modes")
    void nextStartInBothLanguages() {
        Reason weaker = new Reason("DOT_AT_NEXT_START", org.port853.core.Severity.WARNING, "x", "y",
                List.of("1", "/etc/systemd/resolved.conf.d/zz.conf", "no", "2", "0", "0", "0", ""));
        ReasonTexts.Text en = text(List.of(weaker), "DOT_AT_NEXT_START", null);
        assertTrue(en.message().equals("systemd-resolved runs with DNS-over-TLS strict only until it restarts: "
                + "/etc/systemd/resolved.conf.d/zz.conf sets DNSOverTLS=no, so after its next restart or the next boot "
                + "DNS-over-TLS is off."), en.message());
        ReasonTexts.Text de = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> ReasonTexts.of(weaker, null));
        assertTrue(de.message().contains("strikt") && de.message().contains("zz.conf setzt DNSOverTLS=no")
                && de.message().endsWith("aus."), de.message());
        Reason serversGo = new Reason("DOT_AT_NEXT_START", org.port853.core.Severity.WARNING, "x", "y",
                List.of("0", "", "no", "2", "0", "1", "0", ""));
        assertTrue(text(List.of(serversGo), "DOT_AT_NEXT_START", null).message().endsWith("DNS-over-TLS is off, and no "
                + "settings file names a DNS server, so names then go only to the networks' own servers (per "
                + "connection)."));
        String deServers = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> ReasonTexts.of(serversGo, null))
                .message();
        assertTrue(deServers.endsWith("nur an die eigenen Server der Netze (je Verbindung)."), deServers);
        Reason hidden = nextStart("0", "1", "/etc/systemd/resolved.conf.d/10-closed.conf");
        assertEquals("First make /etc/systemd/resolved.conf.d/10-closed.conf readable for systemd-resolved, or correct or "
                + "remove it: it stops reading settings files there, so it would ignore Port853's settings too. Then "
                + "turn on encryption again (strict mode with a provider).", text(List.of(hidden), "DOT_AT_NEXT_START",
                null).fix());
        assertTrue(inGerman(hidden).fix().startsWith("Zuerst /etc/systemd/resolved.conf.d/10-closed.conf für "
                + "systemd-resolved lesbar"), inGerman(hidden).fix());
        Reason noFileRead = nextStart("2", "1", "/etc/systemd/resolved.conf.d/zzzz-closed.conf");
        assertTrue(text(List.of(noFileRead), "DOT_AT_NEXT_START", null).message().contains("until it restarts: "
                + "systemd-resolved reads no settings file (systemd's built-in default is no, unless this build changed "
                + "it), so after"));
        assertTrue(inGerman(noFileRead).message().contains("systemd-resolved liest keine Einstellungsdatei (der "
                + "eingebaute Standard von systemd ist no, sofern dieser Build ihn nicht geändert hat)"),
                inGerman(noFileRead).message());
        assertTrue(text(List.of(nextStart("0", "0", "")), "DOT_AT_NEXT_START", null).fix()
                .startsWith("Turn on encryption again"));
        Reason stronger = new Reason("DOT_SETTINGS_NOT_READ", org.port853.core.Severity.INFO, "x", "y",
                List.of("0", "", "opportunistic", "0", "1"));
        ReasonTexts.Text byDefault = text(List.of(stronger), "DOT_SETTINGS_NOT_READ", null);
        assertTrue(byDefault.message().startsWith("No settings file sets DNSOverTLS= (its built-in default is "
                + "opportunistic), but systemd-resolved has not read that yet"), byDefault.message());
        assertTrue(byDefault.fix().contains("systemctl restart systemd-resolved.service"), byDefault.fix());
    }

    @Test
    void aLookAlikeNameIsSaidWithItsServerInBothLanguages() {
        assertSaidWithServerInBothLanguages("LOOKALIKE_TLS_NAME", "198.18.0.2#xn--80ak6aa92e.com", "look-alike",
                "Nachahmung");
    }

    @Test
    void aNameThatIsNoHostNameIsSaidWithItsServerInBothLanguages() {
        assertSaidWithServerInBothLanguages("TLS_NAME_NOT_HOST_NAME", "198.18.0.2#dns\\x01x.example",
                "checks the server's certificate", "kein Hostname");
    }

    @Test
    @DisplayName("a name in Unicode is said with what this build of resolved does with it and the ASCII form to write, "
            + "in both languages")
    void aNameInUnicodeIsSaidWithTheBuildAndTheAsciiFormInBothLanguages() {
        List<String> servers = List.of("198.18.0.2#b\\xfccher.example", "198.18.0.2#xn--bcher-kva.example");
        Map<String, List<String>> saidPerBuild = Map.of("0", List.of("built with OpenSSL, which checks the server's "
                        + "certificate", "mit OpenSSL gebaut, das das Zertifikat"),
                "1", List.of("built with GnuTLS, which checks the certificate against the name's ASCII",
                        "mit GnuTLS gebaut, das das Zertifikat gegen die ASCII-Form"),
                "2", List.of("systemd-resolved built with OpenSSL (as from Debian 12 on) checks the server's",
                        "Mit OpenSSL gebaut (wie ab Debian 12) prüft systemd-resolved das Zertifikat des Servers"));
        saidPerBuild.forEach((detail, said) -> {
            Reason r = new Reason("TLS_NAME_UNICODE", org.port853.core.Severity.WARNING, "x", "y",
                    List.of(servers.get(0), servers.get(1), detail, "", "0", "1"));
            for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
                boolean inGerman = language == java.util.Locale.GERMAN;
                ReasonTexts.Text t = org.port853.ui.common.I18n.in(language, () -> text(List.of(r), "TLS_NAME_UNICODE", null));
                assertTrue(t.message().contains(servers.get(0)) && t.message().contains(said.get(inGerman ? 1 : 0)),
                        t.message());
                assertTrue(t.fix().endsWith((inGerman ? "ASCII-Form schreiben: " : "DNS settings of the connection): ")
                        + servers.get(1) + "."), t.fix());
            }
        });
    }

    @Test
    @DisplayName("a look-alike name in Unicode: the fix asks first whether it is the name meant and offers its ASCII form "
            + "for the other names only, in both languages")
    void aLookAlikeNameInUnicodeIsCheckedFirstInBothLanguages() {
        String lookAlike = "10.8.0.1#xn--80ak6aa92e.com";
        Reason alone = new Reason("TLS_NAME_UNICODE", org.port853.core.Severity.WARNING, "x", "y",
                List.of("10.8.0.1#\\u0430\\u0440\\u0440\\u04cf\\u0435.com", "", "0", lookAlike, "1", "0"));
        Reason beside = new Reason("TLS_NAME_UNICODE", org.port853.core.Severity.WARNING, "x", "y",
                List.of("198.18.0.2#b\\xfccher.example, 10.8.0.1#...", "198.18.0.2#xn--bcher-kva.example", "0",
                        lookAlike, "1", "1"));
        assertEquals("First check that the name of " + lookAlike + " is the one you mean: it reads as a look-alike, and "
                + "its ASCII form names the same host, so writing it so would only make that server work. If it is not, "
                + "remove the server where it is set (resolved.conf, a drop-in, or the DNS settings of the connection), "
                + "or choose a provider from the catalogue; only if it is, write it in its ASCII form.",
                text(List.of(alone), "TLS_NAME_UNICODE", null).fix());
        assertTrue(text(List.of(beside), "TLS_NAME_UNICODE", null).fix().endsWith("only if it is, write it in its ASCII "
                + "form. Write the other name in its ASCII form where it is set (resolved.conf, a drop-in, or the DNS "
                + "settings of the connection): 198.18.0.2#xn--bcher-kva.example."));
        String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> text(List.of(beside), "TLS_NAME_UNICODE", null)).fix();
        assertTrue(german.startsWith("Zuerst prüfen, ob der Name von " + lookAlike + " der gemeinte ist")
                && german.endsWith("Den anderen Namen dort, wo er gesetzt ist (resolved.conf, eine Drop-in-Datei oder "
                + "die DNS-Einstellungen der Verbindung) in seiner ASCII-Form schreiben: 198.18.0.2#xn--bcher-kva.example."),
                german);
        assertFalse(org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> text(List.of(alone), "TLS_NAME_UNICODE",
                null)).fix().contains("xn--bcher"), "no ASCII form offered for a look-alike alone");
    }

    @Test
    @DisplayName("TLS_NAME_UNICODE's fix speaks of one or several look-alikes and names to convert, in both languages")
    void unicodeNamesInTheSingularAndPlural() {
        String where = " where it is set (resolved.conf, a drop-in, or the DNS settings of the connection)";
        String wo = " dort, wo er gesetzt ist (resolved.conf, eine Drop-in-Datei oder die DNS-Einstellungen der Verbindung)";
        assertUnicodeFix(0, 1, "Write the name in its ASCII form" + where + ": A1.", "Den Namen" + wo
                + " in seiner ASCII-Form schreiben: A1.");
        assertUnicodeFix(0, 2, "Write the names in their ASCII form" + where.replace("it is", "they are") + ": A1, A2.",
                "Die Namen" + wo.replace("er gesetzt ist", "sie gesetzt sind") + " in ihrer ASCII-Form schreiben: A1, A2.");
        assertUnicodeFix(1, 1, "write it in its ASCII form. Write the other name in its ASCII form" + where + ": A1.",
                "ihn in seiner ASCII-Form schreiben. Den anderen Namen" + wo + " in seiner ASCII-Form schreiben: A1.");
        assertUnicodeFix(2, 2, "only for one that is, write it in its ASCII form. Write the other names in their ASCII form"
                + where.replace("it is", "they are") + ": A1, A2.", "nur einen, der es ist, in seiner ASCII-Form "
                + "schreiben. Die anderen Namen" + wo.replace("er gesetzt ist", "sie gesetzt sind")
                + " in ihrer ASCII-Form schreiben: A1, A2.");
        assertUnicodeFix(1, 0, "If it is not, remove the server" + where + ", or choose a provider from the catalogue; "
                + "only if it is, write it in its ASCII form.", "Wenn nicht, den Server" + wo + ", entfernen oder einen "
                + "Anbieter aus dem Katalog wählen; nur wenn doch, ihn in seiner ASCII-Form schreiben.");
        assertUnicodeFix(2, 0, "First check that the names of L1, L2 are the ones you mean: they read as look-alikes, "
                + "and the ASCII form of each names the same host, so writing it so would only make that server work. If "
                + "one is not, remove that server" + where + ", or choose a provider from the catalogue; only for one "
                + "that is, write it in its ASCII form.", "Zuerst prüfen, ob die Namen von L1, L2 die gemeinten sind: sie "
                + "sehen wie Nachahmungen aus");
    }

    /** The fix for {@code lookAlikes} look-alikes (L1, ...) and {@code plain} names to convert (A1, ...) ends so. */
    private static void assertUnicodeFix(int lookAlikes, int plain, String english, String german) {
        java.util.function.IntFunction<String> l = n -> "L" + n;
        java.util.function.IntFunction<String> a = n -> "A" + n;
        Reason r = new Reason("TLS_NAME_UNICODE", org.port853.core.Severity.WARNING, "x", "y", List.of("S",
                java.util.stream.IntStream.rangeClosed(1, plain).mapToObj(a).collect(java.util.stream.Collectors.joining(", ")),
                "0", java.util.stream.IntStream.rangeClosed(1, lookAlikes).mapToObj(l)
                .collect(java.util.stream.Collectors.joining(", ")), String.valueOf(lookAlikes), String.valueOf(plain)));
        String en = text(List.of(r), "TLS_NAME_UNICODE", null).fix();
        String de = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> text(List.of(r), "TLS_NAME_UNICODE",
                null)).fix();
        assertTrue(en.endsWith(english) || en.startsWith(english), lookAlikes + "/" + plain + ": " + en);
        assertTrue(de.endsWith(german) || de.startsWith(german), lookAlikes + "/" + plain + ": " + de);
    }

    @Test
    @DisplayName("PIN_CHANGED speaks of one key or of several, in both languages and on the command line")
    void changedKeysInTheSingularAndPlural() {
        org.port853.core.Assessment none = new org.port853.core.Assessment(org.port853.core.Verdict.PROTECTED, List.of());
        Reason one = org.port853.core.Assessor.keysChanged(none, List.of("A")).reasons().get(0);
        Reason two = org.port853.core.Assessor.keysChanged(none, List.of("A", "B")).reasons().get(0);
        assertTrue(one.message().startsWith("The key of A is not its recorded pin:"), one.message());
        assertTrue(two.message().startsWith("The keys of A, B are not their recorded pins:")
                && two.message().endsWith("or the providers changed their keys."), two.message());
        assertTrue(text(List.of(one), "PIN_CHANGED", null).message().startsWith("The key of A is not the one recorded "
                + "when it was first used"));
        assertTrue(text(List.of(two), "PIN_CHANGED", null).message().startsWith("The keys of A, B are not the ones "
                + "recorded when they were first used"));
        assertTrue(org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> text(List.of(one), "PIN_CHANGED", null))
                .message().startsWith("Der Schlüssel von A ist nicht der"));
        assertTrue(org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> text(List.of(two), "PIN_CHANGED", null))
                .message().startsWith("Die Schlüssel von A, B sind nicht die"));
    }

    private static void assertSaidWithServerInBothLanguages(String code, String server, String english, String german) {
        Reason r = new Reason(code, org.port853.core.Severity.INFO, "x", "y", List.of(server));
        for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            boolean inGerman = language == java.util.Locale.GERMAN;
            ReasonTexts.Text t = org.port853.ui.common.I18n.in(language, () -> text(List.of(r), code, null));
            assertTrue(t.message().contains(server) && t.message().contains(inGerman ? german : english), t.message());
            assertTrue(t.fix().contains(inGerman ? "Katalog" : "catalogue"), t.fix());
        }
    }
}
