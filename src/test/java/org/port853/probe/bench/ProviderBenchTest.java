package org.port853.probe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;

class ProviderBenchTest {
    private static ProbeReport answered(ServerAddress s, double handshake) {
        return answered(s, handshake, new CertificateReport("dot.test", "Test CA", "Test CA", List.of("dot.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", "P"));
    }

    private static ProbeReport answered(ServerAddress s, double handshake, CertificateReport cert) {
        return new ProbeReport(s, TcpOutcome.OK, TlsOutcome.OK, null, 1.0, handshake, "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", cert, 5.0, List.of(5.0), List.of(), 0, "a.test", "NOERROR", List.of(), true,
                null, null);
    }

    @Test
    @DisplayName("the process's first TLS handshake (its warm-up) is not counted against the first server")
    void firstServerDoesNotPayTheWarmUp() {
        ServerAddress fast = ServerAddress.parse("198.18.0.2#dot.test");
        ServerAddress slow = ServerAddress.parse("198.18.0.3#dot.test");
        List<ServerAddress> asked = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        ProviderBench bench = new ProviderBench((s, o) -> {
            asked.add(s);
            names.add(o.names());
            // the first handshake of the process costs 200 ms more, whichever server it goes to
            double warmUp = asked.size() == 1 ? 200 : 0;
            return answered(s, (s.equals(fast) ? 10 : 12) + warmUp);
        });
        List<BenchResult> ranked = bench.run(List.of(fast, slow), Map.of(), ProbeOptions.quick(Duration.ofSeconds(1)));
        assertEquals(fast, ranked.get(0).server(), "the faster server first: " + ranked);
        assertEquals(10.0, ranked.get(0).handshakeMillis());
        assertEquals(List.of(fast, fast, slow), asked, "one uncounted probe first");
        ProbeOptions quick = ProbeOptions.quick(Duration.ofSeconds(1));
        assertEquals(List.of("example.org"), names.get(0), "one name that is not benchmarked (example.com is, here)");
        assertEquals(List.of(quick.names(), quick.names()), names.subList(1, 3));
    }

    @Test
    @DisplayName("a server strict mode would not take says why: an untrusted certificate, one for another name")
    void whyNotStrictIsSaid() {
        ServerAddress s = ServerAddress.parse("198.18.0.2#dot.test");
        CertificateReport untrusted = new CertificateReport("dot.test", "Self", "Self", List.of("dot.test"), Instant.EPOCH,
                Instant.parse("2099-01-01T00:00:00Z"), false, false, false, "unable to find a valid certification path",
                true, "dot.test", "P");
        CertificateReport otherName = new CertificateReport("other.test", "Test CA", "Test CA", List.of("other.test"),
                Instant.EPOCH, Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, false, "dot.test", "P");
        BenchResult a = ProviderBench.result(answered(s, 10, untrusted), null, ProbeOptions.quick(Duration.ofSeconds(1)));
        BenchResult b = ProviderBench.result(answered(s, 10, otherName), null, ProbeOptions.quick(Duration.ofSeconds(1)));
        BenchResult ok = ProviderBench.result(answered(s, 10), null, ProbeOptions.quick(Duration.ofSeconds(1)));
        assertEquals("certificate not trusted: unable to find a valid certification path", a.strictProblem());
        assertEquals("certificate is not for dot.test (it names other.test)", b.strictProblem());
        assertEquals(null, ok.strictProblem());
    }
}
