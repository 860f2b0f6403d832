package org.port853.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.port853.core.InvalidInputException;
import org.port853.core.Printable;
import org.port853.core.Provider;
import org.port853.core.ServerAddress;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.bench.ProviderBench;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.dot.DotProbe;
import org.port853.probe.dot.ProbeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-providers", mixinStandardHelpOptions = true, description = "Rank DoT servers from this machine: handshake, cold and warm latency "
        + "(median, 90th percentile) over popular names, failures. Servers: those given with --server, else the "
        + "resolver's configured ones; --all benchmarks every catalogue provider instead (contacts each of them).",
        footer = {"", "Exit codes: 0 ok; 1 no server answered; 2 bad input."})
final class BenchProvidersCommand implements Callable<Integer> {
    private static final String DETAIL_INDENT = "    ";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ProbeCliOptions probe = new ProbeCliOptions();

    @Option(names = "--all", description = "Benchmark the whole provider catalogue (contacts every provider) "
            + "instead of the configured servers.")
    boolean all;

    @Option(names = "--rounds", paramLabel = "N", description = "Warm rounds per name (default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    BenchProvidersCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (rounds < 0 || rounds > 50) {
            throw new InvalidInputException("--rounds must be between 0 and 50");
        }
        // all bad input is refused before the "Benchmarking ..." line, so the error is the only output
        ProbeOptions options = ProbeOptions.quick(probe.timeout()).withNames(ProbeOptions.POPULAR).withWarmRounds(rounds);
        DotProbe dot = probe.probe();
        Map<ServerAddress, String> names = targets();
        List<ServerAddress> servers = new ArrayList<>(names.keySet());
        if (!json) {
            spec.commandLine().getErr().println("Benchmarking " + (all ? "every catalogue provider"
                    : probe.servers.isEmpty() ? "the configured servers" : "the given servers") + ": " + servers.size()
                    + " server" + (servers.size() == 1 ? "" : "s") + (all ? "" : " (" + servers.stream()
                    .map(ServerAddress::toString).collect(Collectors.joining(", ")) + ")"));
        }
        List<BenchResult> ranked = new ProviderBench(dot).run(servers, names, options);
        BenchResult best = ProviderBench.suggestion(ranked).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(DoctorJson.bench(ranked, best, options.names())));
        } else {
            out.print(table(ranked));
            out.println(best == null ? "No server is usable in strict mode." : "Suggested (fastest strict-capable): " + best.server()
                    + (best.provider() == null ? "" : " (" + best.provider() + ")"));
        }
        return ranked.isEmpty() || ranked.get(0).score() == null ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * The ranking as a table within {@link TerminalColumns#LINE} columns: each server's figures, then the server whole
     * on an indented line, then its error or strict-mode problem wrapped under it.
     */
    static String table(List<BenchResult> ranked) {
        TextTable.Column figure = TextTable.Column.right(0);
        TextTable table = new TextTable("", "  ", TextTable.Column.left(4), figure, figure, figure, figure, figure,
                figure).row("rank", "handshake", "cold-med", "cold-p90", "warm-med", "warm-p90", "fail");
        for (BenchResult b : ranked) {
            table.row(b.rank(), ms(b.handshakeMillis()), ms(b.coldMedian()), ms(b.coldP90()), ms(b.warmMedian()),
                    ms(b.warmP90()), b.failures());
            table.line(DETAIL_INDENT + b.server());
            String problem = b.error() != null ? b.error()
                    : b.strictProblem() != null ? "not for strict mode: " + b.strictProblem() : null;
            if (problem != null) {
                TerminalColumns.wrap(Printable.line(problem), TerminalColumns.LINE - DETAIL_INDENT.length())
                        .forEach(l -> table.line(DETAIL_INDENT + l));
            }
        }
        return table.toString();
    }

    /**
     * The servers to benchmark, each with its provider's name (null when not in the catalogue): {@code --server},
     * else with {@code --all} the catalogue, else the resolver's configured servers. Reads state, contacts nothing.
     */
    Map<ServerAddress, String> targets() {
        if (all && !probe.servers.isEmpty()) {
            throw new InvalidInputException("--all and --server exclude each other: --all benchmarks every catalogue provider");
        }
        List<Provider> catalogue = services.catalog().get().all();
        Map<ServerAddress, String> names = new LinkedHashMap<>();
        if (all) {
            for (Provider p : catalogue) {
                if (!p.ipv4().isEmpty()) {
                    names.put(ServerAddress.of(p.ipv4().get(0), p.tlsName()), p.displayName());
                }
            }
            return names;
        }
        List<ServerAddress> chosen = probe.parsedServers();
        if (chosen.isEmpty()) {
            org.port853.core.ResolverState state = services.adapter().get().readState();
            chosen = Doctor.configuredServers(state);
            if (chosen.isEmpty()) {
                // a missing or stopped resolver has no servers to read: say that, not that none are configured
                String why = !state.installed() || !state.running() || state.global() == null
                        ? state.resolverName() + " " + (!state.installed() ? "is not installed"
                        : !state.running() ? "is not running" : "could not be read") + ", so its servers are unknown"
                        : "no DNS server is configured";
                throw new InvalidInputException(why + ": pass --server IP#NAME, or --all to benchmark every catalogue "
                        + "provider");
            }
        }
        for (ServerAddress s : chosen) {
            names.put(s, providerOf(s, catalogue));
        }
        return names;
    }

    private static String providerOf(ServerAddress s, List<Provider> catalogue) {
        return catalogue.stream().filter(p -> p.serves(s)).findFirst().map(Provider::displayName).orElse(null);
    }

    /** A latency as the command line says it: in English (12.3 ms) whatever the JVM's format locale. */
    static String ms(Double v) {
        return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f ms", v);
    }
}
