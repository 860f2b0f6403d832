package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;

/** A rolled-back change is explained by what failed it, never by a warning that would not have. */
class RollbackCauseTest {
    private static final ServerAddress SERVER = ServerAddress.parse("198.18.0.2#dot.test");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC);
    private final List<List<ServerAddress>> probed = new ArrayList<>();

    /** A server that works, whose only finding is a warning: its large answer was too small to prove anything. */
    private RollbackCause withAWarningOnly() {
        CertificateReport cert = new CertificateReport("dot.test", "Test CA", "Test CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", "P");
        return new RollbackCause(servers -> {
            probed.add(servers);
            return List.of(new ProbeReport(SERVER, TcpOutcome.OK, TlsOutcome.OK, null, 11.5, 24.0, "TLSv1.3",
                    "TLS_AES_256_GCM_SHA384", cert, 13.0, List.of(), List.of(), 0, "a.test", "NOERROR", List.of(),
                    true, new ProbeReport.LargeAnswer(". DNSKEY", 28, false, null), null));
        }, CLOCK);
    }

    /** A server that refuses the queries, whose certificate the probe (not the resolver) does not trust. */
    private static RollbackCause refusingWithAnUntrustedCertificate() {
        CertificateReport untrusted = new CertificateReport("dot.test", "Rig CA", "Rig CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, false, "unknown issuer", true,
                "dot.test", "P");
        return new RollbackCause(servers -> List.of(new ProbeReport(SERVER, TcpOutcome.OK, TlsOutcome.OK,
                null, 11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", untrusted, 13.0, List.of(), List.of(), 0,
                "a.test", "REFUSED", List.of(), true, null, null)), CLOCK);
    }

    private static DesiredSettings strict(DnssecMode dnssec) {
        return new DesiredSettings(List.of(SERVER), DotMode.STRICT, dnssec, true, List.of());
    }

    @Test
    @DisplayName("a DNSSEC validation failure is the cause, said with its fix; the servers are not probed")
    void dnssecFailureIsTheCause() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK,
                "resolving example.com failed: DNSSEC validation failed: no-signature");
        Check c = withAWarningOnly().of(r, strict(DnssecMode.ALLOW_DOWNGRADE)).orElseThrow();
        assertEquals("dnssec.rollback", c.id());
        assertEquals(CheckStatus.FAILURE, c.status());
        assertTrue(c.evidence().contains("DNSSEC validation failed (no-signature)"), c.evidence());
        assertTrue(c.fix().contains("--dnssec no"), c.fix());
        assertEquals(List.of(), probed);
    }

    @Test
    @DisplayName("DNSSEC failing for the settings from before, after the rollback, is not the change's cause")
    void dnssecOfThePreviousSettingsIsNotTheCause() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "rolled back: resolving example.com failed: "
                + "All attempts to contact name servers or networks failed; the previous settings do not resolve names "
                + "either: resolving example.com failed: DNSSEC validation failed: no-signature");
        assertTrue(withAWarningOnly().of(r, strict(null)).isEmpty(), "the servers were probed instead");
        assertEquals(List.of(List.of(SERVER)), probed);
    }

    @Test
    @DisplayName("DNSSEC failing for the change while the settings from before fail too, from servers that refuse "
            + "every query (they fail validation first): their refusal is the cause, not DNSSEC")
    void dnssecWhenEverythingFailsIsNotTheCause() {
        ApplyResult r = rolledBack("DNSSEC validation failed: failed-auxiliary", "Query refused");
        assertEquals("dns.queries", refusingWithAnUntrustedCertificate().of(r, strict(DnssecMode.ALLOW_DOWNGRADE))
                .orElseThrow().id());
    }

    @Test
    @DisplayName("DNSSEC failing in the change's own words is the cause also when the settings from before had no "
            + "server (they fail too), as long as the servers answer the probe's queries")
    void dnssecIsTheCauseWhenThePreviousSettingsHadNoServer() {
        ApplyResult r = rolledBack("DNSSEC validation failed: no-signature",
                "No appropriate name servers or networks for name found");
        Check c = withAWarningOnly().of(r, strict(DnssecMode.YES)).orElseThrow();
        assertEquals("dnssec.rollback", c.id());
        assertTrue(c.fix().contains("--dnssec no"), c.fix());
        assertTrue(RollbackCause.applies(r, new DesiredSettings(List.of(ServerAddress.parse("198.18.0.4")), DotMode.OFF,
                DnssecMode.YES, true, List.of())), "said without encryption too");
    }

    /** A rollback as the change engine says it: its health check's words, and the settings from before failing too. */
    private static ApplyResult rolledBack(String changesError, String previousError) {
        Sentence own = Sentence.of("resolving example.com failed: " + changesError, "health.resolve-failed",
                "example.com", changesError);
        Sentence previous = Sentence.of("resolving example.com failed: " + previousError, "health.resolve-failed",
                "example.com", previousError);
        return ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, Sentence.of("rolled back: " + own.english()
                + ApplyResult.PREVIOUS_ALSO_FAIL + ": " + previous.english(), ApplyResult.ROLLED_BACK_WORDING, 2, own,
                1, previous));
    }

    @Test
    @DisplayName("strict mode, answers that failed DNSSEC validation came over TLS the resolver accepted: the probe's "
            + "view of the certificate is not the cause, even when the settings from before fail too")
    void dnssecAnswersOutrankTheProbesCertificateView() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "rolled back: resolving example.com failed: "
                + "DNSSEC validation failed: no-signature" + ApplyResult.PREVIOUS_ALSO_FAIL + ": resolving example.com "
                + "failed: Query refused");
        assertEquals("dns.queries", refusingWithAnUntrustedCertificate().of(r, strict(DnssecMode.ALLOW_DOWNGRADE))
                .orElseThrow().id());
    }

    @Test
    @DisplayName("DNSSEC=yes from a drop-in read after Port853's: the fix names that file, not --dnssec no")
    void dnssecFromALaterFile() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK,
                "resolving example.com failed: DNSSEC validation failed: no-signature");
        Check c = withAWarningOnly().of(r, strict(null), new org.port853.core.SettingElsewhere(
                "/etc/systemd/resolved.conf.d/zzz-dnssec.conf", "yes")).orElseThrow();
        assertTrue(c.fix().startsWith("/etc/systemd/resolved.conf.d/zzz-dnssec.conf sets DNSSEC=yes after Port853's"),
                c.fix());
        assertFalse(c.fix().contains("--dnssec no"), c.fix());
    }

    @Test
    @DisplayName("a DNSSEC failure explains a rollback also without encryption (mode off)")
    void dnssecWithoutEncryption() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK,
                "rolled back: resolving example.com failed: DNSSEC validation failed: no-signature");
        DesiredSettings off = new DesiredSettings(List.of(ServerAddress.parse("198.18.0.4")), DotMode.OFF,
                DnssecMode.YES, true, List.of());
        assertTrue(RollbackCause.applies(r, off));
    }

    @Test
    @DisplayName("a warning of the servers' probe is not named as the cause of a rollback")
    void aWarningIsNoCause() {
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK,
                "resolving example.com failed: All attempts to contact name servers or networks failed");
        assertTrue(withAWarningOnly().of(r, strict(null)).isEmpty());
        assertEquals(List.of(List.of(SERVER)), probed, "probed once");
    }

    @Test
    @DisplayName("strict mode, the server answered with an error code: its refusal is the cause, not the probe's view "
            + "of a certificate the resolver itself accepted (the probe's trust store may differ)")
    void anAnswerCodeOutranksTheProbesCertificateView() {
        RollbackCause cause = refusingWithAnUntrustedCertificate();
        ApplyResult refused = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "resolving example.com failed: Could not "
                + "resolve 'example.com', server or network returned error REFUSED");
        assertEquals("dns.queries", cause.of(refused, strict(null)).orElseThrow().id());
        ApplyResult silent = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK,
                "resolving example.com failed: All attempts to contact name servers or networks failed");
        assertEquals("tls.trusted", cause.of(silent, strict(null)).orElseThrow().id(), "no answer: the first failure");
    }

    @Test
    @DisplayName("opportunistic mode checks no certificate: a server that refuses the queries is the cause, not the "
            + "probe's rejection of its certificate")
    void opportunisticModeNamesNoCertificate() {
        DesiredSettings opportunistic = new DesiredSettings(List.of(SERVER), DotMode.OPPORTUNISTIC, null, true, List.of());
        ApplyResult refused = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "resolving example.com failed: Could not "
                + "resolve 'example.com', server or network returned error REFUSED" + ApplyResult.PREVIOUS_ALSO_FAIL
                + ": resolving example.com failed: No appropriate name servers or networks for name found");
        assertEquals("dns.queries", refusingWithAnUntrustedCertificate().of(refused, opportunistic).orElseThrow().id());
    }

    @Test
    @DisplayName("an answer code of the settings from before, after the rollback, is not the change's: the server that "
            + "did not answer at all is explained by the probe's first failure")
    void anAnswerCodeOfThePreviousSettingsIsNotTheChanges() {
        RollbackCause cause = refusingWithAnUntrustedCertificate();
        ApplyResult r = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "rolled back: resolving example.com failed: "
                + "All attempts to contact name servers or networks failed" + ApplyResult.PREVIOUS_ALSO_FAIL
                + ": resolving example.com failed: Could not resolve 'example.com', server or network returned error "
                + "REFUSED");
        assertEquals("tls.trusted", cause.of(r, strict(null)).orElseThrow().id());
    }

    @Test
    @DisplayName("strict mode, the server answered with an error code, but the probe could not see the queries (its trust "
            + "store differs): no cause is named, rather than a middlebox the resolver did not meet")
    void anAnswerCodeWithoutTheProbesQueriesNamesNoCause() {
        CertificateReport untrusted = new CertificateReport("dot.test", "Rig CA", "Rig CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, false, "unknown issuer", true,
                "dot.test", "P");
        RollbackCause cause = new RollbackCause(servers -> List.of(new ProbeReport(SERVER, TcpOutcome.OK, TlsOutcome.OK,
                null, 11.5, 24.0, "TLSv1.3", "TLS_AES_256_GCM_SHA384", untrusted, null, List.of(), List.of(), 0,
                null, null, List.of(), null, null, null)), CLOCK);
        ApplyResult refused = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "resolving example.com failed: Could not "
                + "resolve 'example.com', server or network returned error REFUSED");
        assertTrue(cause.of(refused, strict(null)).isEmpty(), "the resolver accepted the certificate");
    }

    @Test
    @DisplayName("a rollback because a link kept plaintext DNS for all names is the link's doing: the servers are not "
            + "probed for a cause; the same words about the settings from before do not count")
    void aLinkKeepingPlaintextIsNoServersCause() {
        org.port853.core.Sentence link = org.port853.core.Sentence.of("link eth0 keeps plaintext DNS (192.0.2.1)",
                ApplyResult.PLAINTEXT_LINK, "eth0", "192.0.2.1", 0);
        ApplyResult own = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: "
                + link.english(), ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, link, 0, null));
        assertFalse(RollbackCause.applies(own, strict(null)));
        org.port853.core.Sentence failed = org.port853.core.Sentence.of("resolving example.com failed: All attempts to "
                + "contact name servers or networks failed", "health.resolve-failed", "example.com", "All attempts");
        ApplyResult before = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: "
                + failed.english() + ApplyResult.PREVIOUS_ALSO_FAIL + ": " + link.english(),
                ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, failed, 1, link));
        assertTrue(RollbackCause.applies(before, strict(null)), "the change's own failure was the servers'");
    }

    @Test
    @DisplayName("a rollback because a default-route link inherited strict mode and failed a missing name is the link's "
            + "doing too: the chosen servers answered, so they are not probed for a cause")
    void aLinkInheritingStrictModeIsNoServersCause() {
        org.port853.core.Sentence link = org.port853.core.Sentence.of("a name that does not exist got no answer: link "
                + "eth0 inherits strict mode", ApplyResult.STRICT_LINK, "port853-1.example.com", "All attempts", "eth0",
                "192.0.2.1");
        ApplyResult own = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: "
                + link.english(), ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, link, 0, null));
        assertFalse(RollbackCause.applies(own, strict(null)));
    }

    @Test
    @DisplayName("an interrupted change rolled back as incomplete, or one the resolver did not restart for, is no "
            + "server's doing: nothing is probed")
    void aRollbackBeforeTheCheckIsNoServersCause() {
        ApplyResult incomplete = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, Sentence.of("rolled back: the "
                + "interrupted change was incomplete", ApplyResult.ROLLED_BACK_WORDING, 0, new Sentence("", null), 0,
                null));
        assertFalse(RollbackCause.applies(incomplete, strict(null)));
        ApplyResult noRestart = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, Sentence.of("rolled back: the resolver "
                + "did not restart: timeout", ApplyResult.ROLLED_BACK_WORDING, 1, new Sentence("timeout", null), 0,
                null));
        assertFalse(RollbackCause.applies(noRestart, strict(null)));
    }

    @Test
    @DisplayName("a note after a rollback's reason (the resolver keeps running until the next boot) hides nothing: a "
            + "link's doing stays the link's, and a restart that failed stays no server's")
    void aNoteAfterTheReasonKeepsItsCause() {
        Sentence note = Sentence.of("systemd-resolved keeps running until the next boot", "result.runs-until-boot");
        ApplyResult noRestart = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, Sentence.of("rolled back: the resolver "
                + "did not restart: timeout", ApplyResult.ROLLED_BACK_WORDING, 1, new Sentence("timeout", null), 0,
                null)).withNote(note);
        assertFalse(RollbackCause.applies(noRestart, strict(null)));
        Sentence link = Sentence.of("link eth0 keeps plaintext DNS (192.0.2.1)", ApplyResult.PLAINTEXT_LINK, "eth0",
                "192.0.2.1", 0);
        ApplyResult own = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, Sentence.of("rolled back: " + link.english(),
                ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, link, 0, null)).withNote(note);
        assertFalse(RollbackCause.applies(own, strict(null)));
    }
}
