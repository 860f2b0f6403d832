package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.GlobalState;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.DotMode;
import org.port853.probe.bench.BenchResult;
import picocli.CommandLine;

@DisplayName("bench-providers: the configured servers by default, the whole catalogue only with --all")
class BenchProvidersCommandTest {
    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();
    final CliServices services = new CliServices(() -> adapter, ProviderCatalog::bundled);

    /** The command as parsed from these arguments, not run (nothing is contacted). */
    BenchProvidersCommand parsed(String... args) {
        CommandLine cl = Port853Command.forArguments(services, "bench-providers");
        String[] all = new String[args.length + 1];
        all[0] = "bench-providers";
        System.arraycopy(args, 0, all, 1, args.length);
        cl.parseArgs(all);
        return cl.getSubcommands().get("bench-providers").getCommand();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("latencies are written 12.3 ms under a German format locale too: the command line stays English")
    void latencyIsEnglishInAnyLocale() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.GERMANY);
            assertEquals("12.3 ms", BenchProvidersCommand.ms(12.34));
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    @Test
    @DisplayName("each server is whole on a line under its figures, then its problem, so a long one moves no column")
    void longServerKeepsTheColumns() {
        String table = BenchProvidersCommand.table(List.of(
                new BenchResult(1, ServerAddress.parse("127.0.0.1:8853#dot.test"), null, true, 12.0, 3.5, 4.0, 1.0,
                        1.5, 12, 0, "TLSv1.3", null, null),
                new BenchResult(2, ServerAddress.parse("198.18.0.2:853#a-rather-long-name-of-a-test-server.dot.test"),
                        null, false, 123.4, 35.5, 40.0, 10.0, 15.5, 12, 1, "TLSv1.2", null, "no TLS 1.3")));
        List<String> lines = table.lines().toList();
        assertEquals(List.of("    127.0.0.1:8853#dot.test", "    198.18.0.2:853#a-rather-long-name-of-a-test-server.dot.test",
                "    not for strict mode: no TLS 1.3"), List.of(lines.get(2), lines.get(4), lines.get(5)), table);
        int coldMedianEnds = lines.get(0).indexOf("cold-med") + "cold-med".length();
        assertEquals(coldMedianEnds, lines.get(1).indexOf("3.5 ms") + "3.5 ms".length(), table);
        assertEquals(coldMedianEnds, lines.get(3).indexOf("35.5 ms") + "35.5 ms".length(), table);
        assertTrue(lines.stream().noneMatch(l -> l.endsWith(" ")), table);
    }

    @Test
    @DisplayName("the ranking of every catalogue server fits 80 columns, each server whole once, a long error wrapped")
    void theWholeCatalogueFitsATerminal() {
        List<BenchResult> ranked = new java.util.ArrayList<>();
        for (org.port853.core.Provider p : org.port853.core.ProviderCatalog.bundled().all()) {
            for (ServerAddress s : p.servers()) {
                ranked.add(new BenchResult(ranked.size() + 1, s, p.displayName(), true, 2999.9, 2999.9, 2999.9,
                        2999.9, 2999.9, 12, 10, "TLSv1.3", ranked.size() == 1 ? "the TLS handshake failed: "
                        + "PKIX path building failed: unable to find valid certification path to requested target"
                        : null, null));
            }
        }
        String table = BenchProvidersCommand.table(ranked);
        TerminalWidth.assertFits(table);
        for (BenchResult b : ranked) {
            assertEquals(1, table.lines().filter(l -> l.strip().equals(b.server().toString())).count(),
                    b.server() + " whole on a line of its own, once:\n" + table);
        }
        assertTrue(String.join(" ", table.lines().map(String::strip).toList()).contains("unable to find valid "
                + "certification path to requested target"), table);
    }

    @Test
    void withoutOptionsTheConfiguredServers() {
        Map<ServerAddress, String> targets = parsed().targets();
        assertEquals(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net"), ServerAddress.parse("[2620:fe::fe]:853#dns.quad9.net")),
                List.copyOf(targets.keySet()));
        assertEquals("Quad9 (malware blocking)", targets.get(ServerAddress.parse("9.9.9.9#dns.quad9.net")), "named after its catalogue entry");
    }

    @Test
    void allIsTheWholeCatalogue() {
        Map<ServerAddress, String> targets = parsed("--all").targets();
        assertTrue(targets.size() > 10, targets.toString());
        assertEquals(ProviderCatalog.bundled().all().stream().filter(p -> !p.ipv4().isEmpty()).count(), targets.size());
    }

    @Test
    @DisplayName("a provider's address under another TLS name is not named after the provider")
    void anotherNameIsNotTheProvider() {
        Map<ServerAddress, String> targets = parsed("--server", "9.9.9.9#evil.example", "--server",
                "9.9.9.9#dns.quad9.net").targets();
        assertEquals(null, targets.get(ServerAddress.parse("9.9.9.9#evil.example")));
        assertEquals("Quad9 (malware blocking)", targets.get(ServerAddress.parse("9.9.9.9#dns.quad9.net")));
    }

    @Test
    void givenServersOnly() {
        assertEquals(List.of(ServerAddress.parse("127.0.0.1:9#dot.test")),
                List.copyOf(parsed("--server", "127.0.0.1:9#dot.test").targets().keySet()));
    }

    @Test
    @DisplayName("one server given twice (IP#name and IP:853#NAME) is refused, not probed and ranked twice")
    void aServerGivenTwiceIsRefused() {
        CliRuns.Run r = run("bench-providers", "--server", "127.0.0.1#dot.test", "--server", "127.0.0.1:853#DOT.test");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is given twice"), r.err());
        assertEquals(2, run("doctor", "--server", "127.0.0.1:9#dot.test", "--server", "127.0.0.1:9#dot.test").code());
    }

    @Test
    @DisplayName("systemd-resolved's stub is refused as a server to probe, by every command that probes, as apply refuses it")
    void theResolversStubIsNoServerToProbe() {
        for (List<String> args : List.of(List.of("bench-providers", "--server", "127.0.0.53#x.test"),
                List.of("doctor", "--server", "127.0.0.53#x.test"),
                List.of("pins", "--check", "--server", "127.0.0.54:853#x.test"))) {
            CliRuns.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains("systemd-resolved's own stub listener"), r.err());
        }
    }

    @Test
    void allAndServerExcludeEachOther() {
        CliRuns.Run r = run("bench-providers", "--all", "--server", "127.0.0.1:9#dot.test");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--all and --server exclude each other"), r.err());
    }

    @Test
    @DisplayName("a bad --timeout is the only output: refused before the 'Benchmarking ...' line")
    void badTimeoutIsRefusedBeforeAnythingIsPrinted() {
        CliRuns.Run r = run("bench-providers", "--server", "127.0.0.1:9#dot.test", "--timeout", "5");
        assertEquals(2, r.code());
        assertEquals("port853 bench-providers: --timeout must be between 10 and 60000 ms\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void noConfiguredServerSaysWhatToPass() {
        adapter.state = withServers(List.of());
        CliRuns.Run r = run("bench-providers");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no DNS server is configured: pass --server IP#NAME, or --all"), r.err());
        ResolverState s = withServers(List.of());
        adapter.state = new ResolverState(s.resolverName(), s.source(), true, false, null, List.of(), null,
                s.resolverName() + " is not running", s.platform());
        r = run("bench-providers");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(s.resolverName() + " is not running, so its servers are unknown: pass --server"),
                "a stopped resolver is said as such: " + r.err());
    }

    @Test
    @DisplayName("a run over the configured servers says which, and benchmarks only them (a closed loopback port)")
    void runSaysWhichServers() {
        adapter.state = withServers(List.of(ServerAddress.parse("127.0.0.1:9#dot.test")));
        CliRuns.Run r = run("bench-providers", "--rounds", "0", "--timeout", "300");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("Benchmarking the configured servers: 1 server (127.0.0.1:9#dot.test)"), r.err());
        assertEquals(5, r.out().lines().count(), "header, figures, server, its error, suggestion: " + r.out());
        assertTrue(r.out().contains("127.0.0.1:9#dot.test"), r.out());
    }

    @Test
    void helpAgreesWithTheCommand() {
        CliRuns.Run r = run("bench-providers", "--help");
        assertTrue(r.out().contains("--all") && r.out().contains("else the resolver's configured ones"), r.out());
        assertTrue(!r.out().contains("Without --server: the whole catalogue"), r.out());
    }

    static ResolverState withServers(List<ServerAddress> servers) {
        ResolverState s = CliCommandsTest.state(DotMode.STRICT, false);
        GlobalState g = s.global();
        return new ResolverState(s.resolverName(), s.source(), true, true, new GlobalState(servers, List.of(), null,
                g.dnsOverTls(), g.dnssec(), g.dnssecSupported(), g.domains(), g.stubListener(), g.resolvConfMode()),
                List.of(), null, null, s.platform());
    }

    CliRuns.Run run(String... args) {
        return CliRuns.run(services, args);
    }
}
