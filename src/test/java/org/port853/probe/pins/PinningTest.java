package org.port853.probe.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ServerAddress;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;

class PinningTest {
    /** Well-formed pins: the store refuses others when it is read back. */
    static final String A = ServerPinsTest.PIN_A;
    static final String B = ServerPinsTest.PIN_B;

    static ProbeReport seen(String pin, String issuer) {
        CertificateReport c = new CertificateReport("dot.test", issuer, issuer, List.of("DNS:dot.test"), Instant.EPOCH,
                Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", pin);
        return new ProbeReport(ServerAddress.parse("198.18.0.2#dot.test"), TcpOutcome.OK, TlsOutcome.OK, null, 1.0, 1.0,
                "TLSv1.3", "X", c, 1.0, List.of(1.0), List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    @Test
    void firstUseRecordsThenAChangeIsLoud(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/pins.json");
        PinStore store = PinStore.load(file);
        assertEquals(PinVerdict.Kind.RECORDED_NOW, Pinning.check(store, seen(A, "CA"), Instant.now()).kind());
        store.save();
        PinStore again = PinStore.load(file);
        assertEquals(PinVerdict.Kind.MATCHES, Pinning.check(again, seen(A, "CA"), Instant.now()).kind());
        PinVerdict changed = Pinning.check(again, seen(B, "Proxy-CA"), Instant.now());
        assertEquals(PinVerdict.Kind.CHANGED, changed.kind());
        assertEquals(CheckStatus.FAILURE, changed.toCheck("x").status());
        assertTrue(changed.toCheck("x").evidence().contains("Proxy-CA"));
        // still changed on the next check: the recorded pin stays until the user accepts the new key
        assertEquals(PinVerdict.Kind.CHANGED, Pinning.check(again, seen(B, "Proxy-CA"), Instant.now()).kind());
        assertEquals(Pinning.Acceptance.ACCEPTED, Pinning.accept(again, ServerAddress.parse("198.18.0.2#dot.test"),
                Instant.now()));
        assertEquals(PinVerdict.Kind.MATCHES, Pinning.check(again, seen(B, "Proxy-CA"), Instant.now()).kind());
        again.save();
        assertTrue(Files.readString(file).contains("\"version\" : 1"));
        String yaml = StubbyExport.render(again.all());
        assertTrue(yaml.contains("address_data: 198.18.0.2"));
        assertTrue(yaml.contains("value: " + B));
    }

    @Test
    @DisplayName("accept takes only a changed key: an unchanged or unknown one is said so, the store left as it is")
    void acceptTakesOnlyAChangedKey(@TempDir Path dir) throws Exception {
        PinStore store = PinStore.load(dir.resolve("pins.json"));
        Instant then = Instant.parse("2026-11-01T10:00:00Z");
        List<PinRecord> unchanged = List.of(
                new PinRecord("198.18.0.2#dot.test", A, Pinning.CATALOGUE, null, then, then, A),
                new PinRecord("198.18.0.3#dot.test", A, Pinning.TOFU, "CA", then, null, null));
        unchanged.forEach(store::put);
        for (PinRecord r : unchanged) {
            assertEquals(Pinning.Acceptance.NOT_CHANGED, Pinning.accept(store, ServerAddress.parse(r.server()),
                    Instant.now()));
        }
        assertEquals(Pinning.Acceptance.NOT_RECORDED, Pinning.accept(store, ServerAddress.parse("198.18.0.4#dot.test"),
                Instant.now()));
        assertEquals(unchanged, store.all());
    }

    @Test
    @DisplayName("compare (doctor's check) reports against the store and the published pins, and records nothing")
    void compareRecordsNothing(@TempDir Path dir) throws Exception {
        PinStore store = PinStore.load(dir.resolve("pins.json"));
        PinVerdict unknown = Pinning.compare(store, seen("AAAA", "CA"), List.of());
        assertEquals(PinVerdict.Kind.NOT_RECORDED, unknown.kind());
        assertEquals(CheckStatus.OK, unknown.toCheck("198.18.0.2#dot.test").status());
        assertTrue(unknown.toCheck("198.18.0.2#dot.test").evidence().startsWith("No pin is recorded for this server"));
        // a certificate 'pins --check' would not record is not offered for recording
        for (ProbeReport bad : List.of(withCertificate(seen("AAAA", "CA"), false, true),
                withCertificate(seen("AAAA", "CA"), true, false))) {
            PinVerdict v = Pinning.compare(store, bad, List.of());
            assertEquals(PinVerdict.Kind.NOT_TRUSTED, v.kind());
            assertTrue(!v.toCheck("198.18.0.2#dot.test").evidence().contains("records it"), v.toString());
        }
        assertEquals(PinVerdict.Kind.MATCHES, Pinning.compare(store, seen("AAAA", "CA"), List.of("BBBB", "AAAA")).kind());
        assertEquals(PinVerdict.Kind.CHANGED, Pinning.compare(store, seen("CCCC", "CA"), List.of("BBBB")).kind());
        assertTrue(store.all().isEmpty(), "nothing recorded: " + store.all());

        Instant then = Instant.parse("2026-11-01T10:00:00Z");
        PinRecord recorded = new PinRecord("198.18.0.2#dot.test", "AAAA", Pinning.TOFU, "CA", then, then, "AAAA");
        store.put(recorded);
        assertEquals(PinVerdict.Kind.MATCHES, Pinning.compare(store, seen("AAAA", "CA"), List.of()).kind());
        assertEquals(PinVerdict.Kind.CHANGED, Pinning.compare(store, seen("BBBB", "Proxy-CA"), List.of()).kind());
        assertEquals(List.of(recorded), store.all(), "neither the last check nor the key seen is written down");
    }

    @Test
    void aCertificateThatFailsItsChecksIsNotTrustedOnFirstUse() throws Exception {
        PinStore store = PinStore.load(org.port853.core.ScratchFolders.create("pins").resolve("pins.json"));
        ProbeReport intercepted = withCertificate(seen(A, "Proxy-CA"), false, true);
        PinVerdict v = Pinning.check(store, intercepted, List.of(), Instant.now(), false);
        assertEquals(PinVerdict.Kind.NOT_TRUSTED, v.kind());
        assertTrue(store.all().isEmpty(), "nothing recorded");
        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, v.toCheck("198.18.0.2#dot.test").status());
        assertTrue(v.toCheck("198.18.0.2#dot.test").fix().contains("port853 doctor --server 198.18.0.2#dot.test"));
        // among doctor's own checks the fix points at its certificate checks, not at running doctor
        org.port853.probe.doctor.Check inDoctor = org.port853.probe.doctor.ServerChecks.of(intercepted,
                org.port853.core.DotMode.STRICT, null, v, Instant.now()).stream()
                .filter(c -> c.id().equals("pin.spki")).findFirst().orElseThrow();
        assertTrue(!inDoctor.fix().contains("port853 doctor") && inDoctor.fix().contains("certificate checks"),
                inDoctor.fix());
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String said = new java.text.MessageFormat(java.util.ResourceBundle.getBundle("org.port853.ui.messages", l)
                    .getString("check.pin.spki.not-trusted.fix"), l).format(inDoctor.words().get(0).details().stream()
                    .map(d -> d != null && d.matches("\\d+") ? (Object) Long.valueOf(d) : d).toArray());
            assertTrue(!said.contains("port853 doctor"), l + ": " + said);
        }
        PinVerdict wrongName = Pinning.check(store, withCertificate(seen(A, "CA"), true, false), List.of(), Instant.now(), false);
        assertTrue(wrongName.toCheck("198.18.0.2#dot.test").evidence().contains("does not name dot.test"),
                wrongName.toCheck("198.18.0.2#dot.test").evidence());
        assertTrue(store.all().isEmpty(), "nothing recorded");
        ProbeReport expired = expired(seen(A, "CA"));
        PinVerdict old = Pinning.check(store, expired, List.of(), Instant.now(), false);
        assertEquals(PinVerdict.Kind.NOT_TRUSTED, old.kind(), "an expired certificate is no first-use evidence");
        assertTrue(old.toCheck("198.18.0.2#dot.test").evidence().contains("is expired or not yet valid"),
                old.toCheck("198.18.0.2#dot.test").evidence());
        assertEquals(PinVerdict.Kind.NOT_TRUSTED, Pinning.compare(store, expired, List.of()).kind());
        assertTrue(store.all().isEmpty(), "nothing recorded");
        // the resolver accepted it itself (strict mode, right after a change): the key it showed is the pin
        assertEquals(PinVerdict.Kind.RECORDED_NOW, Pinning.check(store, intercepted, List.of(), Instant.now(), true).kind());
    }

    private static ProbeReport expired(ProbeReport r) {
        CertificateReport c = r.certificate();
        CertificateReport changed = new CertificateReport(c.subject(), c.issuer(), c.rootIssuer(), c.names(), c.notBefore(),
                Instant.parse("2020-01-01T00:00:00Z"), true, false, true, null, true, c.checkedName(), c.pin());
        return new ProbeReport(r.server(), r.tcp(), r.tls(), r.error(), r.connectMillis(), r.handshakeMillis(),
                r.tlsVersion(), r.cipher(), changed, r.firstAnswerMillis(), r.coldMillis(), r.warmMillis(),
                r.failedQueries(), r.firstName(), r.firstRcode(), r.firstAnswers(), r.pipelined(), r.large(), r.dnssec());
    }

    private static ProbeReport withCertificate(ProbeReport r, boolean trusted, boolean nameMatches) {
        CertificateReport c = r.certificate();
        CertificateReport changed = new CertificateReport(c.subject(), c.issuer(), c.rootIssuer(), c.names(), c.notBefore(),
                c.notAfter(), c.expired(), c.notYetValid(), trusted, trusted ? null : "untrusted chain", nameMatches,
                c.checkedName(), c.pin());
        return new ProbeReport(r.server(), r.tcp(), r.tls(), r.error(), r.connectMillis(), r.handshakeMillis(),
                r.tlsVersion(), r.cipher(), changed, r.firstAnswerMillis(), r.coldMillis(), r.warmMillis(),
                r.failedQueries(), r.firstName(), r.firstRcode(), r.firstAnswers(), r.pipelined(), r.large(), r.dnssec());
    }
}
