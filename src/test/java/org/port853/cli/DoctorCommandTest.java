package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;

@DisplayName("doctor: bad input is refused before anything is probed; the pin store is only read")
class DoctorCommandTest {
    /** A closed port on loopback: a probe of it is refused at once, nothing leaves the machine. */
    static final String LOOPBACK = "127.0.0.1:9#dot.test";

    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    @TempDir
    Path dir;

    Path store() {
        return dir.resolve("pins.json");
    }

    CliRuns.Run run(String... args) {
        adapter.state = BenchProvidersCommandTest.withServers(List.of(ServerAddress.parse(LOOPBACK)));
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled),
                CliRuns.pinStore(store()), args);
    }

    @Test
    @DisplayName("each check's heading fits an 80-column terminal: a catalogue server too long to stand beside the "
            + "longest check id goes whole on an indented line of its own, a short one stays on the heading")
    void fitsATerminalWithEveryServerWhole() {
        List<org.port853.probe.doctor.Check> checks = new java.util.ArrayList<>();
        for (org.port853.core.Provider p : ProviderCatalog.bundled().all()) {
            p.servers().forEach(s -> checks.add(org.port853.probe.doctor.Check.failure("resolver.readable.unread",
                    s.toResolvedSyntax(), "The handshake failed.", "Choose another server.")));
        }
        String text = DoctorCommand.text(new org.port853.probe.doctor.Doctor.Report(checks, List.of(), List.of()),
                new RefusedChanges(null));
        TerminalWidth.assertFits(text);
        for (org.port853.probe.doctor.Check c : checks) {
            assertEquals(1, text.lines().filter(l -> l.endsWith(" " + c.server())).count(),
                    c.server() + " whole, once:\n" + text);
        }
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(
                "FAILURE  resolver.readable.unread\n         185.228.169.168#family-filter-dns.cleanbrowsing.org\n"),
                text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(
                "FAILURE  resolver.readable.unread   9.9.9.9#dns.quad9.net\n"), text);
    }

    @Test
    @DisplayName("a check's evidence and fix, and a skipped check's reason, wrap at their words within 80 columns, "
            + "each line after the detail indent: a long journal line and a long reason are said whole, never cut")
    void evidenceAndFixWrapWithAHangingIndent() {
        String journalLine = "Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 for DNS server "
                + "185.228.169.168#family-filter-dns.cleanbrowsing.org.";
        List<org.port853.probe.doctor.Check> checks = new java.util.ArrayList<>(org.port853.probe.doctor.JournalSignals.of(
                org.port853.probe.doctor.JournalExcerpts.of(List.of(journalLine)),
                org.port853.probe.doctor.JournalExcerpts.NOW));
        checks.add(org.port853.probe.doctor.Check.warning("config.stub-exposed", null, "DNSStubListenerExtra="
                + "udp:[2001:db8:ffff:ffff:ffff:ffff:ffff:1]:53 makes the stub answer beyond loopback: other machines "
                + "can use (and probe) this resolver.", "Remove DNSStubListenerExtra= unless this machine is meant to "
                + "serve DNS to others; then firewall it."));
        List<org.port853.probe.doctor.ListeningSockets.Socket> listeners = new java.util.ArrayList<>();
        org.port853.capture.SocketHolder resolved = new org.port853.capture.SocketHolder("systemd-resolved", 77, 990,
                "systemd-resolve");
        for (int i = 1; i <= 7; i++) {
            listeners.add(new org.port853.probe.doctor.ListeningSockets.Socket("udp", "fd00:dead:beef:" + i + "::1",
                    false, i, 990, resolved));
        }
        checks.add(org.port853.probe.doctor.ExposureCheck.of(listeners, null));
        checks.addAll(org.port853.probe.doctor.KnownBugs.of(CliCommandsTest.state(org.port853.core.DotMode.STRICT,
                false), 247));
        String reason = "journal checks: this user may not read the system journal; join the group 'systemd-journal' "
                + "or 'adm', or run doctor as root";
        String text = DoctorCommand.text(new org.port853.probe.doctor.Doctor.Report(checks, List.of(),
                List.of(reason)), new RefusedChanges(null));
        TerminalWidth.assertFits(text);
        for (String l : text.lines().toList()) {
            org.junit.jupiter.api.Assertions.assertTrue(l.matches("(OK|WARNING|FAILURE|SKIPPED) .*|" + " {9}\\S.*"),
                    "a heading, or a detail after the 9-column indent: '" + l + "' in\n" + text);
        }
        String joined = String.join(" ", text.lines().map(String::strip).toList());
        org.junit.jupiter.api.Assertions.assertTrue(joined.contains(journalLine), "the line whole: " + text);
        org.junit.jupiter.api.Assertions.assertTrue(joined.contains("systemd 247 has systemd issue #18060:")
                && joined.contains("systemd-resolved (77) and 4 more and no firewall rule"), text);
        org.junit.jupiter.api.Assertions.assertTrue(joined.contains("SKIPPED  " + reason), text);
        org.junit.jupiter.api.Assertions.assertTrue(joined.contains("Fix: Remove DNSStubListenerExtra= unless this "
                + "machine is meant to serve DNS to others; then firewall it."), text);
    }

    @Test
    @DisplayName("doctor compares with the recorded pins but records none: the store is neither created nor rewritten")
    void doctorLeavesThePinStoreAlone() throws Exception {
        run("doctor", "--server", LOOPBACK, "--timeout", "300");
        assertFalse(Files.exists(store()), "a diagnosis enrols no server");

        PinStore s = PinStore.load(store());
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        s.put(new PinRecord(LOOPBACK, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "tofu", "CN=Test CA", t, t, null));
        s.save();
        String before = Files.readString(store());
        run("doctor", "--server", LOOPBACK, "--timeout", "300", "--json");
        assertEquals(before, Files.readString(store()));
    }

    @Test
    @DisplayName("where every change is refused (Port853's drop-in path a link to /dev/null), doctor says why and the fix "
            + "first, as status does, and no check's fix suggests a change through Port853; --json marks them")
    void refusedChangesAreSaidNotApplySuggested() throws Exception {
        org.port853.core.ResolverState off = CliCommandsTest.state(org.port853.core.DotMode.OFF, false);
        org.port853.platform.linux.LinuxDetails d = (org.port853.platform.linux.LinuxDetails) off.platform();
        adapter.state = new org.port853.core.ResolverState(off.resolverName(), off.source(), true, true, off.global(),
                List.of(), null, null, new org.port853.platform.linux.LinuxDetails(252, d.resolvConf(), List.of(), null,
                true, null, false, null, "/dev/null"));
        String[] args = {"doctor", "--server", LOOPBACK, "--timeout", "300"};
        CliRuns.Run r = CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), CliRuns.pinStore(store()),
                args);
        org.junit.jupiter.api.Assertions.assertTrue(r.out().startsWith("Changes refused until this is fixed: "
                + org.port853.platform.linux.LinuxPaths.system().ourDropIn() + " is a symbolic link to /dev/null"), r.out());
        assertFalse(r.out().contains("port853 apply"), r.out());
        com.fasterxml.jackson.databind.JsonNode json = Json.MAPPER.readTree(CliRuns.run(new CliServices(() -> adapter,
                ProviderCatalog::bundled), CliRuns.pinStore(store()), "doctor", "--server", LOOPBACK, "--timeout", "300",
                "--json").out());
        assertEquals("DROP_IN_OURS_LINKED", json.get("changesRefused").asText(), json.toString());
        int refused = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : json.get("checks")) {
            boolean change = c.get("fix").asText("").contains("port853 apply") || !c.get("fixAction").isNull()
                    && !"HARDEN_PORT_53".equals(c.get("fixAction").asText());
            assertEquals(change, c.get("fixRefused").asBoolean(), c.toString());
            refused += change ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(refused > 0, "DNS-over-TLS off: a fix turns it on: " + json);
    }

    @Test
    @DisplayName("a stopped resolver: root is told the command as root types it, without sudo (often not installed)")
    void stoppedResolverFixForRootHasNoSudo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.port853.core.Privileges.isRoot(), "the tests run as root");
        adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS, true,
                false, null, List.of(), null, "systemd-resolved is not running", new org.port853.platform.linux.LinuxDetails(
                252, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of()));
        CliRuns.Run r = CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), CliRuns.pinStore(store()),
                "doctor", "--timeout", "300");
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("Fix: Start it: systemctl enable --now "
                + "systemd-resolved.service"), r.out());
        assertFalse(r.out().contains("sudo"), r.out());
        CliRuns.Run json = CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), CliRuns.pinStore(store()),
                "doctor", "--timeout", "300", "--json");
        org.junit.jupiter.api.Assertions.assertTrue(json.out().contains("\"fix\" : \"Start it: systemctl enable --now "
                + "systemd-resolved.service\""), "--json says what the text says: " + json.out());
        assertFalse(json.out().contains("sudo"), json.out());
        CliRuns.Run status = CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), CliRuns.pinStore(store()),
                "status", "--json");
        org.junit.jupiter.api.Assertions.assertTrue(status.out().contains("Start it: systemctl enable --now"), status.out());
        assertFalse(status.out().contains("sudo"), "status --json too: " + status.out());
    }

    @Test
    @DisplayName("a CA file that is missing or a directory is refused saying so, not with the bare path or an exception's name")
    void caFileProblemIsSaid() {
        Path missing = dir.resolve("missing.pem");
        CliRuns.Run r = run("doctor", "--server", LOOPBACK, "--ca-file", missing.toString());
        assertEquals(2, r.code());
        assertEquals("port853 doctor: CA file " + missing + " cannot be read: it does not exist\n", r.err());
        r = run("doctor", "--server", LOOPBACK, "--ca-file", dir.toString());
        assertEquals(2, r.code());
        assertEquals("port853 doctor: CA file " + dir + " cannot be read: it is a directory\n", r.err());
        r = run("doctor", "--server", LOOPBACK, "--ca-file", "");
        assertEquals(2, r.code());
        assertEquals("port853 doctor: no CA file was named (the --ca-file value is empty)\n", r.err());
        Path notPem = dir.resolve("shadow");
        try {
            java.nio.file.Files.writeString(notPem, "root:*:19000:0:99999:7:::\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        r = run("doctor", "--server", LOOPBACK, "--ca-file", notPem.toString());
        assertEquals(2, r.code());
        assertEquals("port853 doctor: CA file " + notPem + " holds no certificate that can be read (PEM or DER X.509 "
                + "expected)\n", r.err());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--large-query   | ./BOGUS   | --large-query './BOGUS' cannot be queried: 'BOGUS' is not a DNS record type",
            "--large-query   | a..b/A    | --large-query 'a..b/A' cannot be queried: 'a..b' is not a DNS name: it has an empty label (two dots in a row, or a dot at the start)",
            "--name          | ''        | --name '' cannot be queried: '' is not a DNS name",
            "--dnssec-signed | a..b      | --dnssec-signed 'a..b' cannot be queried: 'a..b' is not a DNS name: it has an empty label (two dots in a row, or a dot at the start)",
            "--dnssec-bogus  | a..b      | --dnssec-bogus 'a..b' cannot be queried: 'a..b' is not a DNS name: it has an empty label (two dots in a row, or a dot at the start)"})
    @DisplayName("an unusable test query: one sentence naming the option and value, exit 2, no probe")
    void unusableQueryIsBadInput(String option, String value, String sentence) {
        for (List<String> extra : List.of(List.<String>of(), List.of("--json"))) {
            List<String> args = new java.util.ArrayList<>(List.of("doctor", "--server", LOOPBACK, "--timeout", "300",
                    option, value));
            args.addAll(extra);
            CliRuns.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals("port853 doctor: " + sentence + "\n", r.err());
            assertEquals(CliRuns.failureOut(r, args.toArray(String[]::new)), r.out(), "with --json, the sentence as a document");
            assertFalse(adapter.calls.contains("readState"), "refused before the resolver was even read: " + adapter.calls);
        }
    }
}
