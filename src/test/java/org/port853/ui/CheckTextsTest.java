package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.platform.linux.LinuxRules;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.ClockChecks;
import org.port853.probe.doctor.ClockStatus;
import org.port853.probe.doctor.ConfigChecks;
import org.port853.probe.doctor.JournalSignals;
import org.port853.probe.doctor.ServerChecks;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;
import org.port853.probe.pins.PinVerdict;
import org.port853.ui.common.I18n;
import org.port853.ui.diagnostics.CheckTexts;

/** The window says the doctor's real checks in its bundles' words, English and German, with their details filled in. */
class CheckTextsTest {
    private static CheckTexts.Text english(Check c) {
        return I18n.in(Locale.ENGLISH, () -> CheckTexts.of(c));
    }

    /** The German text, checked to be German: not the doctor's English, nothing left unformatted. */
    private static CheckTexts.Text german(Check c) {
        CheckTexts.Text t = I18n.in(Locale.GERMAN, () -> CheckTexts.of(c));
        assertNotEquals(c.evidence(), t.evidence(), "the doctor's English instead of German");
        assertNotEquals(english(c).evidence(), t.evidence(), "the English bundle instead of the German one");
        assertFalse(t.evidence().contains("{") || t.fix() != null && t.fix().contains("{"), t.evidence() + " / " + t.fix());
        assertEquals(c.fix() == null, t.fix() == null, "a fix where there is none, or none where there is one");
        if (c.fix() != null) {
            assertNotEquals(c.fix(), t.fix(), "the doctor's English fix instead of German");
        }
        return t;
    }

    private static Check find(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void anUnsynchronisedClockWithTheKernelsFigures() {
        Check c = ClockChecks.of(new ClockStatus(false, true, 12.5, 3.0, null));
        assertTrue(c.evidence().contains("offset 3.0 ms"), "the command line keeps its English: " + c.evidence());

        CheckTexts.Text en = english(c);
        assertEquals("The clock is not synchronised by NTP, says systemd-timedated. The kernel counts the clock as "
                + "synchronised, offset 3 ms, estimated error 12.5 ms.", en.evidence());
        CheckTexts.Text de = german(c);
        assertEquals("Die Uhr wird nicht per NTP synchronisiert, meldet systemd-timedated. Der Kernel hält die Uhr für "
                + "synchronisiert, Abweichung 3 ms, geschätzter Fehler 12,5 ms.", de.evidence());
        assertTrue(de.fix().contains(org.port853.platform.RootAdvice.forThisUser("sudo timedatectl set-ntp true")), de.fix());
        assertEquals("Uhrzeit", I18n.in(Locale.GERMAN, () -> CheckTexts.of(c)).name());
        assertEquals("Warnung", I18n.in(Locale.GERMAN, () -> CheckTexts.statusText(c.status())));

        // without the kernel's view, only the first sentence; an unknown state names its problem
        CheckTexts.Text unknown = german(ClockChecks.of(new ClockStatus(null, null, null, null, "no bus")));
        assertEquals("Ob die Uhr synchronisiert wird, ist unbekannt; das System meldet: „no bus“.", unknown.evidence());
    }

    @Test
    void aServersProbeWithAWrongNameOldTlsAndALostLargeAnswer() {
        CertificateReport cert = new CertificateReport("other.test", "Test CA", "Test CA", List.of("other.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, false, "dot.test", "P");
        ProbeReport r = new ProbeReport(ServerAddress.parse("198.18.0.2#dot.test"), TcpOutcome.OK, TlsOutcome.OK, null,
                11.5, 24.0, "TLSv1.2", "ECDHE-X", cert, 13.0, List.of(13.0), List.of(), 0, "a.test", "NOERROR", List.of(),
                true, new ProbeReport.LargeAnswer("large.test", null, true, null), null);
        List<Check> checks = ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z"));

        assertEquals("TCP 198.18.0.2:853 verbunden in 11,5 ms, TLS-Handshake 24 ms, erste Antwort nach 13 ms.",
                german(find(checks, "dot.reachable")).evidence());
        assertEquals("TCP 198.18.0.2:853 connected in 11.5 ms, TLS handshake 24 ms, first answer 13 ms.",
                english(find(checks, "dot.reachable")).evidence());
        CheckTexts.Text name = german(find(checks, "tls.name"));
        assertEquals("Das Zertifikat nennt other.test, nicht dot.test: Der strikte Modus lehnt diesen Server ab.", name.evidence());
        assertTrue(german(find(checks, "tls.version")).evidence().startsWith("Der Server bietet höchstens TLS 1.2 (ECDHE-X)"));
        assertEquals("Die große Antwort für large.test kam nicht an (abgeschnitten), die kleinen schon.",
                german(find(checks, "dns.large-answer")).evidence());
        checks.forEach(CheckTextsTest::german); // every check of the run, not only those above
    }

    @Test
    @DisplayName("a certificate that names the ASCII form of a name the settings write in Unicode is not passed: "
            + "resolved built with OpenSSL checks the name as written")
    void aNameWrittenInUnicodeIsAWarningThoughItsAsciiFormMatches() {
        CertificateReport cert = new CertificateReport("dot.test", "Test CA", "Test CA",
                List.of("dot.test", "xn--bcher-kva.example"), Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"),
                false, false, true, null, true, "xn--bcher-kva.example", "P");
        ProbeReport r = new ProbeReport(ServerAddress.parseReported("198.18.0.2#b\u00fccher.example"), TcpOutcome.OK,
                TlsOutcome.OK, null, 11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(), List.of(), 3,
                "a.test", "NOERROR", List.of(), true, null, null);
        Check name = find(ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")), "tls.name");
        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, name.status());
        assertEquals("The certificate names xn--bcher-kva.example, but the settings write this name in Unicode "
                + "(b\\xfccher.example, shown escaped): systemd-resolved built with OpenSSL checks the certificate "
                + "against it as written, and strict mode fails; built with GnuTLS, it converts it.", english(name).evidence());
        assertEquals("Write the server as 198.18.0.2#xn--bcher-kva.example.", english(name).fix());
        assertEquals("Den Server als 198.18.0.2#xn--bcher-kva.example schreiben.", german(name).fix());
    }

    @Test
    @DisplayName("a look-alike name written in Unicode: the fix asks first whether it is the name meant, as Status does, "
            + "and offers no xn-- form that would only make that server work, in both languages")
    void aLookAlikeNameInUnicodeIsToBeCheckedNotConverted() {
        String ascii = "xn--80ak6aa92e.com";
        CertificateReport cert = new CertificateReport(ascii, "Test CA", "Test CA", List.of(ascii), Instant.EPOCH,
                Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, ascii, "P");
        ProbeReport r = new ProbeReport(ServerAddress.parseReported("10.8.0.1#\u0430\u0440\u0440\u04cf\u0435.com"),
                TcpOutcome.OK, TlsOutcome.OK, null, 11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, 13.0,
                List.of(), List.of(), 3, "a.test", "NOERROR", List.of(), true, null, null);
        Check name = find(ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")), "tls.name");
        String escaped = "\\u0430\\u0440\\u0440\\u04cf\\u0435.com";

        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, name.status());
        assertEquals("First check that " + escaped + " is the name you mean: its ASCII form names the same host, so "
                + "writing it so would only make this server work. If it is not, remove the server where it is set "
                + "(resolved.conf, a drop-in, or the DNS settings of the connection), or choose a provider from the "
                + "catalogue ('port853 providers'); only if it is, write it in its ASCII form.", name.fix());
        assertTrue(name.evidence().startsWith("The TLS name of this server (" + escaped + ", shown escaped) reads as a "
                + "look-alike") && name.evidence().contains("the settings write this name in Unicode"), name.evidence());
        CheckTexts.Text en = english(name);
        CheckTexts.Text de = german(name);
        assertTrue(en.fix().startsWith("First check that " + escaped + " is the name you mean"), en.fix());
        assertTrue(de.fix().startsWith("Zuerst prüfen, ob " + escaped + " der gemeinte Name ist"), de.fix());
        assertTrue(de.evidence().contains("schreiben diesen Namen in Unicode"), de.evidence());
        for (String said : List.of(name.fix(), en.fix(), de.fix())) {
            assertFalse(said.contains(ascii), "the look-alike's xn-- form offered as the fix: " + said);
        }
    }

    @Test
    @DisplayName("a small answer to the large query proves nothing about large answers: not OK, said why; above 512 bytes OK")
    void aSmallAnswerDoesNotPassTheLargeAnswerCheck() {
        Check small = find(ServerChecks.of(probe(new ProbeReport.LargeAnswer(". DNSKEY", 28, false, null)), DotMode.STRICT,
                null, null, Instant.parse("2026-11-30T00:00:00Z")), "dns.large-answer");
        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, small.status());
        assertEquals("Not proven: the answer for . DNSKEY was only 28 bytes, too small to show that answers over 512 bytes "
                + "arrive over TLS.", english(small).evidence());
        assertTrue(german(small).evidence().startsWith("Nicht belegt: Die Antwort für . DNSKEY hatte nur 28 Bytes"),
                german(small).evidence());
        Check large = find(ServerChecks.of(probe(new ProbeReport.LargeAnswer(". DNSKEY", 1139, false, null)),
                DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")), "dns.large-answer");
        assertEquals(org.port853.probe.doctor.CheckStatus.OK, large.status());
    }

    private static ProbeReport probe(ProbeReport.LargeAnswer large) {
        CertificateReport cert = new CertificateReport("dot.test", "Test CA", "Test CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", "P");
        return new ProbeReport(ServerAddress.parse("198.18.0.2#dot.test"), TcpOutcome.OK, TlsOutcome.OK, null,
                11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(), List.of(), 3, "a.test", "NOERROR",
                List.of(), true, large, null);
    }

    @Test
    @DisplayName("a server the settings name with no host name (dns_x.example): the probe checks the address, but "
            + "resolved checks that name as written, so doctor says strict mode fails unless the certificate lists it, "
            + "not 'No #name is configured … strict mode accepts it'")
    void aNameThatIsNoHostNameIsCheckedAsWritten() {
        ServerAddress odd = ServerAddress.reported(org.port853.core.IpAddresses.parse("198.18.0.2"), 0, "dns_x.example");
        for (List<String> listed : List.of(List.of("dot.test", "198.18.0.2"), List.of("dns_x.example"))) {
            CertificateReport cert = new CertificateReport(listed.get(0), "Test CA", "Test CA", listed,
                    Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "198.18.0.2",
                    "P");
            ProbeReport r = new ProbeReport(odd, TcpOutcome.OK, TlsOutcome.OK, null, 11.5, 24.0, "TLSv1.3",
                    "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(), List.of(), 3, "a.test", "NOERROR", List.of(), true,
                    new ProbeReport.LargeAnswer(". DNSKEY", 1139, false, null), null);
            Check name = find(ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")),
                    "tls.name");
            if (listed.contains("dns_x.example")) {
                assertEquals("The certificate names dns_x.example.", english(name).evidence());
                continue;
            }
            assertEquals(org.port853.probe.doctor.CheckStatus.FAILURE, name.status());
            assertEquals("The settings name this server dns_x.example, which is no host name; systemd-resolved checks "
                    + "the certificate against it as written, and the certificate (dot.test, 198.18.0.2) does not list "
                    + "it: strict mode fails.", english(name).evidence());
            assertTrue(german(name).evidence().startsWith("Die Einstellungen nennen diesen Server dns_x.example"),
                    german(name).evidence());
        }
    }

    @Test
    void aServerThatRefusesEveryQueryFailsTheQueriesCheck() {
        CertificateReport cert = new CertificateReport("dot.test", "Test CA", "Test CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", "P");
        ProbeReport r = new ProbeReport(ServerAddress.parse("198.18.0.2#dot.test"), TcpOutcome.OK, TlsOutcome.OK, null,
                11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(), List.of(), 3, "a.test", "REFUSED",
                List.of(), true, new ProbeReport.LargeAnswer(". DNSKEY", 28, false, null), null);
        Check c = find(ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")), "dns.queries");

        assertEquals(org.port853.probe.doctor.CheckStatus.FAILURE, c.status());
        assertEquals("TLS worked but the server answered a.test with REFUSED: it does not resolve names for this computer.",
                english(c).evidence());
        assertTrue(german(c).evidence().startsWith("TLS funktionierte, aber der Server beantwortete a.test mit REFUSED"));
        // its 28-byte REFUSED is no small answer, a REFUSED without AD no verdict on DNSSEC: neither is tested
        ProbeReport withDnssec = new ProbeReport(r.server(), r.tcp(), r.tls(), r.error(), r.connectMillis(),
                r.handshakeMillis(), r.tlsVersion(), r.cipher(), cert, r.firstAnswerMillis(), r.coldMillis(),
                r.warmMillis(), r.failedQueries(), r.firstName(), r.firstRcode(), r.firstAnswers(), r.pipelined(), r.large(),
                new ProbeReport.DnssecAnswers("isc.org", "REFUSED", false, "dnssec-failed.org", "REFUSED", null));
        var checks = ServerChecks.of(withDnssec, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z"));
        for (String id : List.of("dns.large-answer", "dnssec.validation")) {
            Check n = find(checks, id);
            assertEquals("Not tested: the server answers no query for this computer (REFUSED).", english(n).evidence());
            assertTrue(german(n).evidence().startsWith("Nicht geprüft"), german(n).evidence());
        }
    }

    @Test
    @DisplayName("a server that does not validate DNSSEC: the advice follows what the resolver already does (no "
            + "'set DNSSEC=yes' when it is yes)")
    void dnssecAdviceFollowsTheResolversOwnValidation() {
        ProbeReport plain = probe(new ProbeReport.LargeAnswer(". DNSKEY", 1139, false, null));
        ProbeReport r = new ProbeReport(plain.server(), plain.tcp(), plain.tls(), plain.error(), plain.connectMillis(),
                plain.handshakeMillis(), plain.tlsVersion(), plain.cipher(), plain.certificate(),
                plain.firstAnswerMillis(), plain.coldMillis(), plain.warmMillis(), plain.failedQueries(),
                plain.firstName(), plain.firstRcode(), plain.firstAnswers(), plain.pipelined(), plain.large(),
                new ProbeReport.DnssecAnswers("isc.org", "NOERROR", false, "dnssec-failed.org", "NOERROR", null));
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        Check unknown = find(ServerChecks.of(r, DotMode.STRICT, null, null, now), "dnssec.validation");
        Check off = find(ServerChecks.of(r, DotMode.STRICT, DnssecMode.NO, null, now), "dnssec.validation");
        Check downgrade = find(ServerChecks.of(r, DotMode.STRICT, DnssecMode.ALLOW_DOWNGRADE, null, now),
                "dnssec.validation");
        Check yes = find(ServerChecks.of(r, DotMode.STRICT, DnssecMode.YES, null, now), "dnssec.validation");

        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, off.status());
        assertEquals(english(unknown).fix(), english(off).fix());
        // the window's fix names the Providers screen's choices, as Status does for DNSSEC off (no DNSSEC= to edit there)
        assertTrue(english(off).fix().contains("DNSSEC \"Allow downgrade\" or \"Yes\" on the Providers screen"),
                english(off).fix());
        assertTrue(german(off).fix().contains("auf dem Bildschirm „Anbieter“ DNSSEC „Herabstufung erlauben“ oder „Ja“"),
                german(off).fix());
        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, downgrade.status());
        assertFalse(english(downgrade).fix().contains("allow-downgrade or yes"), english(downgrade).fix());
        assertTrue(english(downgrade).fix().contains("DNSSEC \"Yes\" on the Providers screen"), english(downgrade).fix());
        assertTrue(german(downgrade).fix().contains("DNSSEC „Ja“ wählen"), german(downgrade).fix());
        assertEquals(org.port853.probe.doctor.CheckStatus.OK, yes.status(), "resolved validates itself");
        assertTrue(english(yes).evidence().endsWith("but systemd-resolved validates every answer itself (DNSSEC=yes)."),
                english(yes).evidence());
        assertTrue(german(yes).evidence().contains("aber systemd-resolved prüft jede Antwort selbst"),
                german(yes).evidence());
    }

    @Test
    @DisplayName("on the Diagnostics screen a failed lookup's fix points at the server checks there, not at the "
            + "Diagnostics screen itself")
    void theLookupsFixOnDiagnosticsPointsAtTheServerChecks() {
        org.port853.core.Reason unresolved = new org.port853.core.Reason("NAMES_UNRESOLVED",
                org.port853.core.Severity.BROKEN, "Names do not resolve.", "'port853 doctor' checks each server.",
                List.of("systemd-resolved", "timeout"));
        Check c = Check.failure("resolver.lookup", null, "Names do not resolve.", "x").repeats(List.of(unresolved));
        assertEquals("The DNS servers refuse queries or cannot be reached; the server checks on this screen say which "
                + "and why.", english(c).fix());
        assertFalse(german(c).fix().contains("Seite Diagnose"), german(c).fix());
    }

    @Test
    void aCheckThatRepeatsTheAssessmentSaysItsReasonsWords() {
        LinkState dhcp = new LinkState(2, "eth0", List.of(ServerAddress.parse("192.0.2.1")), null, null, List.of(), true, null);
        ResolverState s = Fakes.state(new GlobalState(List.of(ServerAddress.parse("198.18.53.2#dot.test")),
                List.of(ServerAddress.parse("192.0.2.53")), null, DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of(),
                "yes", "stub"), null);
        s = new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), List.of(dhcp),
                s.pendingChange(), s.problem(), s.platform());
        List<Check> checks = ConfigChecks.of(s, Assessor.assess(s, new LinuxRules().assess(s)).reasons(),
                Map.of("Cache", "no", "DNSStubListenerExtra", "192.168.1.10"));

        CheckTexts.Text bypass = german(find(checks, "config.link-bypass"));
        assertTrue(bypass.evidence().startsWith("Die Verbindung eth0 hat einen eigenen DNS-Server (192.0.2.1)"), bypass.evidence());
        assertTrue(bypass.fix().startsWith("Alle Namen zu den verschlüsselten Servern leiten"), bypass.fix());
        assertTrue(german(find(checks, "config.fallback-plaintext")).evidence()
                .contains("werden sie verwendet, womöglich im Klartext"));
        assertTrue(german(find(checks, "config.stub-exposed")).evidence().startsWith("Mit DNSStubListenerExtra=192.168.1.10 "));
        assertEquals("Der Cache von resolved ist ausgeschaltet: Jede Anfrage geht über TLS zum Anbieter, langsamer und für "
                + "den Anbieter besser sichtbar.",
                german(find(checks, "config.cache")).evidence());
        checks.forEach(CheckTextsTest::german); // every check of the run, not only those above
    }

    @Test
    @DisplayName("a certificate of a private authority added to this computer is trusted without words of a public one "
            + "vouching for it")
    void aTrustedCertificateReadsRightForAPrivateAuthority() {
        CertificateReport cert = new CertificateReport("dns.home.example", "Home CA", "Home CA",
                List.of("dns.home.example"), Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true,
                null, true, "dns.home.example", "P");
        ProbeReport r = new ProbeReport(ServerAddress.parse("192.168.1.2#dns.home.example"), TcpOutcome.OK, TlsOutcome.OK,
                null, 11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(13.0), List.of(), 0, "a.test",
                "NOERROR", List.of(), true, null, null);
        Check c = find(ServerChecks.of(r, DotMode.STRICT, null, null, Instant.parse("2026-11-30T00:00:00Z")), "tls.trusted");
        assertEquals("Certificate for dns.home.example issued by 'Home CA', whose chain ends at a certificate authority "
                + "this computer trusts (a public one, or a private one added here).", c.evidence());
        assertEquals(c.evidence(), english(c).evidence());
        assertEquals("Zertifikat für dns.home.example, ausgestellt von „Home CA“, dessen Kette bei einer "
                + "Zertifizierungsstelle endet, der dieser Computer vertraut (einer öffentlichen oder einer hier "
                + "hinzugefügten privaten).", german(c).evidence());
    }

    @Test
    @DisplayName("strict links under a weaker global mode are counted in words: one connection, or connections")
    void strictLinksUnverifiedSayOneOrMany() {
        LinkState tun = new LinkState(3, "tun0", List.of(ServerAddress.parse("10.8.0.1#vpn.test")), DotMode.STRICT, null,
                List.of(), false, null);
        LinkState wg = new LinkState(4, "wg0", List.of(ServerAddress.parse("10.9.0.1#vpn.test")), DotMode.STRICT, null,
                List.of(), false, null);
        Check one = find(org.port853.probe.doctor.KnownBugs.of(withLinks(List.of(tun)), 252), "bug.link-strict-unverified");
        Check two = find(org.port853.probe.doctor.KnownBugs.of(withLinks(List.of(tun, wg)), 252),
                "bug.link-strict-unverified");
        assertTrue(one.evidence().startsWith("Link tun0 uses strict DNS-over-TLS"), one.evidence());
        assertTrue(two.evidence().startsWith("Links tun0, wg0 use strict DNS-over-TLS"), two.evidence());
        assertTrue(english(one).evidence().startsWith("The connection tun0 uses strict DNS-over-TLS while the global mode "
                + "is opportunistic: systemd 252 does not check its servers' certificates"), english(one).evidence());
        assertTrue(english(two).evidence().startsWith("The connections tun0, wg0 use strict DNS-over-TLS while the global "
                + "mode is opportunistic: systemd 252 does not check their servers' certificates"), english(two).evidence());
        assertTrue(german(one).evidence().startsWith("Die Verbindung tun0 verwendet striktes"), german(one).evidence());
        assertTrue(german(two).evidence().startsWith("Die Verbindungen tun0, wg0 verwenden striktes"),
                german(two).evidence());
    }

    private static ResolverState withLinks(List<LinkState> links) {
        ResolverState s = Fakes.state(new GlobalState(List.of(ServerAddress.parse("198.18.53.2#dot.test")), List.of(), null,
                DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of(), "yes", "stub"), null);
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), links,
                s.pendingChange(), s.problem(), s.platform());
    }

    @Test
    void journalLinesAreCountedInWords() throws IOException {
        List<Check> checks;
        try (InputStream in = getClass().getResourceAsStream("/org/port853/probe/doctor/journal-252-opportunistic-fallback.txt")) {
            checks = JournalSignals.of(org.port853.probe.doctor.JournalExcerpts.of(List.of(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8).split("\n"))), org.port853.probe.doctor.JournalExcerpts.NOW);
        }
        CheckTexts.Text degraded = german(find(checks, "journal.degraded"));
        assertTrue(degraded.evidence().matches("(Eine Zeile|\\d+ Zeilen) im Journal von systemd-resolved .*: resolved hat TLS "
                + "für diesen Server aufgegeben .*"), degraded.evidence());
        assertTrue(degraded.evidence().contains("198.18.86.4#dot.test"), "the journal's own line is quoted: " + degraded.evidence());
        assertTrue(degraded.evidence().contains("im Journal von systemd-resolved seit 14:02, zuletzt um 14:"),
                degraded.evidence());
        assertTrue(english(find(checks, "journal.degraded")).evidence().contains("in systemd-resolved's journal since "
                + "14:02, the last at 14:"), english(find(checks, "journal.degraded")).evidence());
        Check quiet = find(JournalSignals.of(new org.port853.probe.doctor.JournalExcerpt(List.of(), null),
                org.port853.probe.doctor.JournalExcerpts.NOW), "journal.certificate");
        assertEquals("Keine TLS-Zertifikatsfehler im Journal von systemd-resolved seit dem Systemstart.",
                german(quiet).evidence());
        checks.forEach(CheckTextsTest::german); // every check of the run, not only those above
    }

    @Test
    void aChangedKeyIsLoudInGermanToo() {
        Check c = new PinVerdict(PinVerdict.Kind.CHANGED, "OLD", "NEW", "tofu", "Old CA", null).toCheck("198.18.0.2#dot.test");
        assertEquals("DER SCHLÜSSEL DES SERVERS HAT SICH GEÄNDERT: Aufgezeichnet war der bei erster Verwendung erfasste Pin "
                + "sha256/OLD (Aussteller Old CA), jetzt ist es sha256/NEW.", german(c).evidence());
        assertEquals("198.18.0.2#dot.test: " + german(c).evidence(), I18n.in(Locale.GERMAN, () -> CheckTexts.evidence(List.of(c))));
    }

    @Test
    @DisplayName("the key pin checks on the Diagnostics screen say where a command-line option is typed, or the "
            + "window's own button: no bare --ca-file, no 'SERVER' to fill in")
    void pinFixesSayWhereToTypeThem() {
        String server = "198.18.0.2#dot.test";
        Check changed = new PinVerdict(PinVerdict.Kind.CHANGED, "OLD", "NEW", "tofu", "Old CA", null).toCheck(server, true);
        assertTrue(english(changed).fix().endsWith("Accept new key… under Key pins on this screen (in a terminal: "
                + "port853 pins --accept " + server + ")."), english(changed).fix());
        assertTrue(german(changed).fix().contains("„Neuen Schlüssel annehmen …“ unter Schlüssel-Pins auf dieser Seite "
                + "(im Terminal: port853 pins --accept " + server + ")."), german(changed).fix());
        Check untrusted = new PinVerdict(PinVerdict.Kind.NOT_TRUSTED, null, "NEW", "tofu", null, "Private CA", null,
                false).toCheck(server, true);
        for (Check c : List.of(untrusted, new PinVerdict(PinVerdict.Kind.NOT_TRUSTED, null, "NEW", "tofu", null,
                "Private CA", null, false).toCheck(server))) {
            assertTrue(english(c).fix().endsWith("(for a private CA, in a terminal: port853 pins --check --server "
                    + server + " --ca-file FILE)."), english(c).fix());
            assertTrue(german(c).fix().endsWith("(bei einer privaten CA im Terminal: port853 pins --check --server "
                    + server + " --ca-file DATEI)."), german(c).fix());
        }
        assertTrue(untrusted.fix().endsWith("(for a private CA: port853 pins --check --server " + server
                + " --ca-file FILE)."), "doctor records no pin, so its own --ca-file would not: " + untrusted.fix());
    }

    @Test
    @DisplayName("a check that repeats 'the resolver is stopped' names it, in English and German, never ' is installed'")
    void aStoppedResolverIsNamed() {
        Check stopped = Check.failure("resolver.running", null, "systemd-resolved is installed but not running.",
                "Start it.").repeats(List.of(new org.port853.core.Reason("RESOLVER_STOPPED",
                org.port853.core.Severity.UNAVAILABLE, "systemd-resolved is installed but not running.", "Start it.",
                List.of("0"))));
        assertEquals("The resolver is installed but not running.",
                I18n.in(Locale.ENGLISH, () -> CheckTexts.of(stopped).evidence()));
        assertTrue(I18n.in(Locale.GERMAN, () -> CheckTexts.of(stopped).evidence()).startsWith("Der Resolver "));
    }

    @Test
    @DisplayName("port 53 served by a DNS server on purpose: the program named, hardening a choice, in English and German")
    void exposureToADnsServer() {
        org.port853.capture.SocketHolder dnsmasq = new org.port853.capture.SocketHolder("dnsmasq", 812, 117,
                "libvirt-dnsmasq");
        Check served = org.port853.probe.doctor.ExposureCheck.of(List.of(new org.port853.probe.doctor.ListeningSockets
                .Socket("udp", "192.168.122.1", false, 1, 117, dnsmasq)), "{\"nftables\": []}");
        assertEquals("Port 53 listens on udp 192.168.122.1 · dnsmasq (812) and no firewall rule drops queries to it: "
                + "dnsmasq answers other machines, which looks intentional (a local network's or virtual machines' DNS, "
                + "a Pi-hole); the hardening rule would cut the DNS of the machines it serves.", english(served).evidence());
        assertEquals("Nothing to do if dnsmasq should serve other machines. If not, stop it, or drop incoming DNS on every "
                + "interface but loopback (Port853 can add the nftables rule, previewed and reversible), which cuts every "
                + "machine it serves.", english(served).fix());
        CheckTexts.Text de = german(served);
        assertEquals("Port 53 lauscht auf udp 192.168.122.1 · dnsmasq (812), und keine Firewall-Regel verwirft Anfragen "
                + "dorthin: dnsmasq beantwortet Anfragen anderer Rechner, was gewollt aussieht (das DNS eines lokalen "
                + "Netzes oder virtueller Maschinen, ein Pi-hole); die Härtungsregel würde den Rechnern, die es bedient, "
                + "das DNS abschneiden.", de.evidence());
        assertTrue(de.fix().startsWith("Nichts zu tun, wenn dnsmasq andere Rechner bedienen soll."), de.fix());

        org.port853.capture.SocketHolder resolved = new org.port853.capture.SocketHolder("systemd-resolved", 77, 990,
                "systemd-resolve");
        Check mixed = org.port853.probe.doctor.ExposureCheck.of(List.of(
                new org.port853.probe.doctor.ListeningSockets.Socket("udp", "198.18.0.1", false, 2, 990, resolved),
                new org.port853.probe.doctor.ListeningSockets.Socket("udp", "192.168.122.1", false, 1, 117, dnsmasq)),
                null);
        assertTrue(english(mixed).evidence().endsWith("other machines can query this computer's resolver; dnsmasq "
                + "answers other machines too, which looks intentional."), english(mixed).evidence());
        assertTrue(english(mixed).fix().endsWith("which cuts the DNS of the machines dnsmasq serves too."),
                english(mixed).fix());
        CheckTexts.Text mixedDe = german(mixed);
        assertTrue(mixedDe.evidence().endsWith("auch dnsmasq beantwortet Anfragen anderer Rechner, was gewollt aussieht."),
                mixedDe.evidence());
        assertTrue(mixedDe.fix().endsWith("was auch den Rechnern, die dnsmasq bedient, das DNS abschneidet."), mixedDe.fix());
    }

    @Test
    @DisplayName("many listeners on port 53 are summed up in English and German: the first three and how many more")
    void manyListenersAreSummedUp() {
        org.port853.capture.SocketHolder resolved = new org.port853.capture.SocketHolder("systemd-resolved", 77, 990,
                "systemd-resolve");
        List<org.port853.probe.doctor.ListeningSockets.Socket> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            for (String protocol : List.of("udp", "tcp")) {
                many.add(new org.port853.probe.doctor.ListeningSockets.Socket(protocol, "172.17." + i + ".1", false, i,
                        990, resolved));
            }
        }
        Check c = org.port853.probe.doctor.ExposureCheck.of(many, "{\"nftables\": []}");
        assertTrue(english(c).evidence().startsWith("Port 53 listens on udp 172.17.1.1 · systemd-resolved (77), tcp "
                + "172.17.1.1 · systemd-resolved (77), udp 172.17.2.1 · systemd-resolved (77) and 11 more and no firewall "
                + "rule"), english(c).evidence());
        assertTrue(german(c).evidence().startsWith("Port 53 lauscht auf udp 172.17.1.1 · systemd-resolved (77), tcp "
                + "172.17.1.1 · systemd-resolved (77), udp 172.17.2.1 · systemd-resolved (77) und 11 weiteren, und keine "
                + "Firewall-Regel"), german(c).evidence());
        Check none = org.port853.probe.doctor.ExposureCheck.of(List.of(), null);
        assertEquals(none.evidence(), english(none).evidence());
        List<org.port853.probe.doctor.ListeningSockets.Socket> onLoopback = many.stream().map(l -> new org.port853.probe
                .doctor.ListeningSockets.Socket(l.protocol(), "127.0.0." + l.inode(), true, l.inode(), 990, resolved))
                .toList();
        Check loopback = org.port853.probe.doctor.ExposureCheck.of(onLoopback, null);
        assertEquals(loopback.evidence(), english(loopback).evidence());
        assertTrue(loopback.evidence().endsWith("udp 127.0.0.2 · systemd-resolved (77) and 11 more)."), loopback.evidence());
        assertTrue(german(loopback).evidence().endsWith("udp 127.0.0.2 · systemd-resolved (77) und 11 weiteren)."),
                german(loopback).evidence());
    }

    @Test
    @DisplayName("several DNS servers on port 53 take the plural verb, in English (as the command line) and German")
    void exposureToSeveralDnsServers() {
        List<org.port853.probe.doctor.ListeningSockets.Socket> two = List.of(
                new org.port853.probe.doctor.ListeningSockets.Socket("udp", "192.168.122.1", false, 1, 0,
                        new org.port853.capture.SocketHolder("dnsmasq", 812, 0, "root")),
                new org.port853.probe.doctor.ListeningSockets.Socket("udp", "10.0.0.1", false, 2, 0,
                        new org.port853.capture.SocketHolder("unbound", 650, 0, "root")));
        Check served = org.port853.probe.doctor.ExposureCheck.of(two, "{\"nftables\": []}");
        assertTrue(english(served).evidence().endsWith(": dnsmasq, unbound answer other machines, which looks intentional "
                + "(a local network's or virtual machines' DNS, a Pi-hole); the hardening rule would cut the DNS of the "
                + "machines they serve."), english(served).evidence());
        assertEquals("Nothing to do if dnsmasq, unbound should serve other machines. If not, stop them, or drop incoming "
                + "DNS on every interface but loopback (Port853 can add the nftables rule, previewed and reversible), "
                + "which cuts every machine they serve.", english(served).fix());
        CheckTexts.Text de = german(served);
        assertTrue(de.evidence().contains(": dnsmasq, unbound beantworten Anfragen anderer Rechner, was gewollt aussieht"),
                de.evidence());
        assertTrue(de.evidence().endsWith("die Härtungsregel würde den Rechnern, die sie bedienen, das DNS abschneiden."),
                de.evidence());
        assertTrue(de.fix().startsWith("Nichts zu tun, wenn dnsmasq, unbound andere Rechner bedienen sollen. Wenn nicht: "
                + "sie beenden"), de.fix());
        assertTrue(de.fix().endsWith("was allen Rechnern, die sie bedienen, das DNS abschneidet."), de.fix());

        List<org.port853.probe.doctor.ListeningSockets.Socket> withResolver = new java.util.ArrayList<>(two);
        withResolver.add(new org.port853.probe.doctor.ListeningSockets.Socket("udp", "198.18.0.1", false, 3, 990,
                new org.port853.capture.SocketHolder("systemd-resolved", 77, 990, "systemd-resolve")));
        Check mixed = org.port853.probe.doctor.ExposureCheck.of(withResolver, null);
        assertTrue(english(mixed).evidence().endsWith("; dnsmasq, unbound answer other machines too, which looks "
                + "intentional."), english(mixed).evidence());
        assertTrue(english(mixed).fix().endsWith("which cuts the DNS of the machines dnsmasq, unbound serve too."),
                english(mixed).fix());
        CheckTexts.Text mixedDe = german(mixed);
        assertTrue(mixedDe.evidence().endsWith("auch dnsmasq, unbound beantworten Anfragen anderer Rechner, was gewollt "
                + "aussieht."), mixedDe.evidence());
        assertTrue(mixedDe.fix().endsWith("was auch den Rechnern, die dnsmasq, unbound bedienen, das DNS abschneidet."),
                mixedDe.fix());
    }
}
