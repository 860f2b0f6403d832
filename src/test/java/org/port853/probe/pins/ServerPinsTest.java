package org.port853.probe.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.Filtering;
import org.port853.core.Provider;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;

@DisplayName("pins recorded when servers are chosen")
public class ServerPinsTest {
    static final String PIN_A = pin(1);
    static final String PIN_B = pin(2);
    static final String PIN_C = pin(3);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String pin(int fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) fill);
        return Base64.getEncoder().encodeToString(b);
    }

    public static ProbeReport shows(ServerAddress s, String pin) {
        if (pin == null) {
            return ProbeReport.failed(s, TcpOutcome.TIMED_OUT, TlsOutcome.NOT_ATTEMPTED, "timed out", 3000.0);
        }
        CertificateReport c = new CertificateReport("dot.test", "Lab-CA", "Lab-CA", List.of("DNS:dot.test"), Instant.EPOCH,
                Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, "dot.test", pin);
        return new ProbeReport(s, TcpOutcome.OK, TlsOutcome.OK, null, 1.0, 1.0, "TLSv1.3", "X", c, 1.0, List.of(1.0),
                List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    /** {@link #shows} with a certificate whose chain the probe does not trust. */
    static ProbeReport untrustedShows(ServerAddress s, String pin) {
        ProbeReport r = shows(s, pin);
        CertificateReport c = r.certificate();
        CertificateReport u = new CertificateReport(c.subject(), c.issuer(), c.rootIssuer(), c.names(), c.notBefore(),
                c.notAfter(), false, false, false, "no path to a trusted CA", true, c.checkedName(), c.pin());
        return new ProbeReport(s, TcpOutcome.OK, TlsOutcome.OK, null, 1.0, 1.0, "TLSv1.3", "X", u, 1.0, List.of(1.0),
                List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    /** A prober that answers from a table (server -> pin it shows; absent: no handshake) and remembers its calls. */
    static final class Table implements Function<List<ServerAddress>, List<ProbeReport>> {
        final Map<String, String> pins;
        final List<List<ServerAddress>> calls = new ArrayList<>();

        Table(Map<String, String> pins) {
            this.pins = pins;
        }

        @Override
        public List<ProbeReport> apply(List<ServerAddress> servers) {
            calls.add(servers);
            return servers.stream().map(s -> shows(s, pins.get(s.toString()))).toList();
        }
    }

    ServerPins recorder(Table t, List<Provider> providers) {
        return new ServerPins(t, dir.resolve("state/pins.json"), () -> providers, CLOCK);
    }

    static DesiredSettings strict(String... servers) {
        return new DesiredSettings(java.util.Arrays.stream(servers).map(ServerAddress::parse).toList(), DotMode.STRICT,
                null, true, List.of());
    }

    static final ApplyResult APPLIED = ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve");
    /** The resolver's current server after the change, as it reports it (without the TLS name). */
    static final ServerAddress ANSWERING = ServerAddress.parse("198.18.0.2");

    @Nested
    @DisplayName("trust on first use")
    class Tofu {
        @Test
        @DisplayName("an applied server's key is recorded and shown")
        void recordsOnApply() throws Exception {
            Table t = new Table(Map.of("198.18.0.2#dot.test", PIN_A));
            ServerPins.Result r = recorder(t, List.of()).afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertNull(r.problem());
            assertEquals(1, r.pins().size());
            assertEquals(PIN_A, r.pins().get(0).verdict().pin());
            assertEquals(Pinning.TOFU, r.pins().get(0).verdict().source());
            assertEquals(CheckStatus.OK, r.pins().get(0).check().status());
            assertTrue(r.pins().get(0).check().evidence().contains(PIN_A), "the user is shown the pin");
            PinRecord stored = PinStore.load(dir.resolve("state/pins.json")).find("198.18.0.2#dot.test").orElseThrow();
            assertEquals(PIN_A, stored.pin());
            assertEquals(CLOCK.instant(), stored.firstSeen());
        }

        @Test
        @DisplayName("strict mode vouches only for the server the resolver answered through: another server's "
                + "certificate that fails the probe's own checks gets no pin")
        void onlyTheAnsweringServerIsVouchedFor() throws Exception {
            // certificates of a private CA the probe does not trust (as the rig's): only the resolver can vouch
            Function<List<ServerAddress>, List<ProbeReport>> untrusted = servers -> servers.stream()
                    .map(s -> untrustedShows(s, s.addressText().endsWith(".2") ? PIN_A : PIN_B)).toList();
            ServerPins.Result r = new ServerPins(untrusted, dir.resolve("state/pins.json"), List::of, CLOCK)
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test", "198.18.0.3#evil.test"), ANSWERING);
            assertEquals(PinVerdict.Kind.RECORDED_NOW, r.pins().get(0).verdict().kind());
            assertNotEquals(PinVerdict.Kind.RECORDED_NOW, r.pins().get(1).verdict().kind(), r.pins().get(1).toString());
            PinStore store = PinStore.load(dir.resolve("state/pins.json"));
            assertTrue(store.find("198.18.0.2#dot.test").isPresent());
            assertTrue(store.find("198.18.0.3#evil.test").isEmpty(), "a key no one vouched for is never enrolled");

            ServerPins.Result unknown = new ServerPins(untrusted, dir.resolve("other.json"), List::of, CLOCK)
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), null);
            assertNotEquals(PinVerdict.Kind.RECORDED_NOW, unknown.pins().get(0).verdict().kind(),
                    "the resolver's server could not be read: nothing is vouched for");
        }

        @Test
        @DisplayName("another address of the change showing the vouched server's key for the same name is vouched for "
                + "too (window walkthrough: the IPv4 address recorded, its IPv6 twin 'not trusted'); another key or "
                + "another name is not")
        void theSameKeyForTheSameNameIsVouchedFor() throws Exception {
            Function<List<ServerAddress>, List<ProbeReport>> untrusted = servers -> servers.stream()
                    .map(s -> untrustedShows(s, s.addressText().endsWith("::4") ? PIN_B : PIN_A)).toList();
            ServerPins.Result r = new ServerPins(untrusted, dir.resolve("state/pins.json"), List::of, CLOCK)
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test", "fd00:853::2#dot.test", "fd00:853::4#dot.test",
                            "fd00:853::3#other.test"), ANSWERING);
            assertEquals(List.of(PinVerdict.Kind.RECORDED_NOW, PinVerdict.Kind.RECORDED_NOW, PinVerdict.Kind.NOT_TRUSTED,
                    PinVerdict.Kind.NOT_TRUSTED), r.pins().stream().map(p -> p.verdict().kind()).toList(),
                    r.pins().toString());
        }

        @Test
        @DisplayName("servers are pinned in the store's canonical form: IP:853#name is IP#name, and counted once (as a "
                + "server and a fallback)")
        void canonicalServers() {
            DesiredSettings d = new DesiredSettings(List.of(ServerAddress.parse("[fd00:853::2]:853#dot.test"),
                    ServerAddress.parse("198.18.0.2:8853#dot.test")), DotMode.STRICT, null, true,
                    List.of(ServerAddress.parse("[fd00:853::2]#dot.test")));
            assertEquals(List.of(ServerAddress.parse("[fd00:853::2]#dot.test"), ServerAddress.parse("198.18.0.2:8853#dot.test")),
                    ServerPins.pinnable(d));
            assertEquals("fd00:853::2#dot.test", ServerPins.pinnable(d).get(0).toString());
        }

        @Test
        @DisplayName("applying again compares with the recorded pin instead of overwriting it")
        void secondApplyCompares() throws Exception {
            recorder(new Table(Map.of("198.18.0.2#dot.test", PIN_A)), List.of()).afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            ServerPins.Result r = recorder(new Table(Map.of("198.18.0.2#dot.test", PIN_B)), List.of())
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertTrue(r.keyChanged());
            assertEquals(PIN_A, PinStore.load(dir.resolve("state/pins.json")).find("198.18.0.2#dot.test").orElseThrow().pin(),
                    "a re-apply never silently accepts a new key");
        }

        @Test
        @DisplayName("a failed change, mode off and servers without a TLS name probe nothing")
        void nothingToPin() {
            Table t = new Table(Map.of());
            ServerPins c = recorder(t, List.of());
            for (ApplyResult.Outcome o : List.of(ApplyResult.Outcome.ROLLED_BACK, ApplyResult.Outcome.FAILED,
                    ApplyResult.Outcome.REFUSED)) {
                assertEquals(ServerPins.Result.NONE, c.afterChange(ApplyResult.of(o, "x"), strict("198.18.0.2#dot.test"), ANSWERING));
            }
            DesiredSettings off = new DesiredSettings(List.of(ServerAddress.parse("198.18.0.2#dot.test")), DotMode.OFF,
                    null, false, List.of());
            assertEquals(ServerPins.Result.NONE, c.afterChange(APPLIED, off, ANSWERING));
            DesiredSettings noName = new DesiredSettings(List.of(ServerAddress.parse("198.18.0.2")), DotMode.OPPORTUNISTIC,
                    null, false, List.of());
            assertEquals(ServerPins.Result.NONE, c.afterChange(APPLIED, noName, null));
            assertTrue(t.calls.isEmpty(), "no probe at all");
        }

        @Test
        @DisplayName("an unreachable server or an unwritable store is reported, never thrown")
        void failuresAreInformation() throws Exception {
            ServerPins.Result down = recorder(new Table(Map.of()), List.of())
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertEquals(CheckStatus.WARNING, down.pins().get(0).check().status());
            Files.createDirectories(dir.resolve("blocked/pins.json")); // a directory where the file should be
            ServerPins.Result broken = new ServerPins(new Table(Map.of("198.18.0.2#dot.test", PIN_A)),
                    dir.resolve("blocked/pins.json"), List::of, CLOCK).afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertNotNull(broken.problem());
            ServerPins.Result thrown = new ServerPins(s -> { throw new IllegalStateException("boom"); },
                    dir.resolve("other.json"), List::of, CLOCK).afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertTrue(thrown.problem().contains("boom"), thrown.problem());
            // a home that does not exist (a system user's /nonexistent): the sentence says where and what to do
            Path nowhere = Path.of("/proc/port853-nonexistent"); // nothing can be made there, not even by root
            ServerPins.Result homeless = new ServerPins(new Table(Map.of("198.18.0.2#dot.test", PIN_A)),
                    nowhere.resolve(".local/state/port853/pins.json"), List::of, CLOCK)
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertTrue(homeless.problem().startsWith("the servers' pins could not be recorded in " + nowhere
                    + "/.local/state/port853/pins.json (") && homeless.problem().endsWith("; set XDG_STATE_HOME to a "
                    + "directory you can write"), homeless.problem());
            assertEquals(1, homeless.pins().size(), "the check itself is kept: " + homeless);
        }
    }

    @Nested
    @DisplayName("published by the provider")
    class Catalogue {
        final Provider lab = new Provider("lab", "Lab", List.of("198.18.0.2", "198.18.0.3"), List.of(), "dot.test", null,
                Filtering.NONE, "Lab", "Nowhere", null, false, List.of(PIN_A, PIN_B));

        @Test
        @DisplayName("the published pin is recorded as such when the server shows it")
        void publishedAndShown() throws Exception {
            ServerPins.Result r = recorder(new Table(Map.of("198.18.0.2#dot.test", PIN_B)), List.of(lab))
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertEquals(Pinning.CATALOGUE, r.pins().get(0).verdict().source());
            assertEquals(PIN_B, r.pins().get(0).verdict().pin());
            assertEquals(CheckStatus.OK, r.pins().get(0).check().status());
        }

        @Test
        @DisplayName("a key the provider does not publish is a change from the first check")
        void unpublishedKeyIsLoud() {
            ServerPins.Result r = recorder(new Table(Map.of("198.18.0.2#dot.test", PIN_C)), List.of(lab))
                    .afterChange(APPLIED, strict("198.18.0.2#dot.test"), ANSWERING);
            assertTrue(r.keyChanged());
            assertEquals(PIN_A, r.pins().get(0).verdict().pin(), "the published pin is what is recorded, not the seen key");
        }

        @Test
        @DisplayName("an unreachable server still gets its published pin; rotating to the backup pin is no change")
        void unreachableThenBackup() throws Exception {
            ServerPins.Result down = recorder(new Table(Map.of()), List.of(lab)).afterChange(APPLIED,
                    strict("198.18.0.3#dot.test"), null);
            assertEquals(PIN_A, down.pins().get(0).verdict().pin());
            assertEquals(PIN_A, PinStore.load(dir.resolve("state/pins.json")).find("198.18.0.3#dot.test").orElseThrow().pin());
            ServerPins.Result backup = recorder(new Table(Map.of("198.18.0.3#dot.test", PIN_B)), List.of(lab))
                    .afterChange(APPLIED, strict("198.18.0.3#dot.test"), null);
            assertFalse(backup.keyChanged());
            assertEquals(PinVerdict.Kind.MATCHES, backup.pins().get(0).verdict().kind());
        }
    }

    @Test
    @DisplayName("a server the system writes with its name in Unicode finds the pins its provider publishes, as the same "
            + "server in its ASCII form does")
    void publishedPinsOfAServerReportedInUnicode() {
        String pin = Base64.getEncoder().encodeToString(new byte[32]);
        org.port853.core.Provider p = new org.port853.core.Provider("custom-b", "B", List.of("192.0.2.2"), List.of(),
                "xn--bcher-kva.example", null, null, null, null, null, true, List.of(pin));
        org.port853.core.ServerAddress reported = org.port853.core.ServerAddress.parseReported("192.0.2.2#b\u00fccher.example");
        assertEquals(List.of(pin), ServerPins.publishedPins(List.of(p)).get(reported));
    }
}
