package org.port853.probe.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.DotProbe;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.ProbeReport;

/**
 * Like the classic DNS benchmarks, over DoT: each server is probed in turn (never in parallel, so they do not
 * slow each other) with the same names; servers that answered rank before those that did not, then by
 * handshake + median cold latency, then by failures.
 */
public final class ProviderBench {
    /** One probe of a server. */
    interface Prober {
        ProbeReport probe(ServerAddress server, ProbeOptions options);
    }

    private final Prober probe;

    public ProviderBench(DotProbe probe) {
        this(probe::probe);
    }

    ProviderBench(Prober probe) {
        this.probe = probe;
    }

    /** {@code providers}: display names by server (may lack entries). */
    public List<BenchResult> run(List<ServerAddress> servers, Map<ServerAddress, String> providers, ProbeOptions options) {
        if (!servers.isEmpty()) {
            // the first TLS handshake of the process pays for loading and compiling the TLS stack (~150-200 ms here):
            // one handshake and one query first, not counted, so that the first server is not ranked last for it; of
            // a name that is not benchmarked, so that its answers to those do not come from a cache this filled
            String other = java.util.stream.Stream.of("example.com", "example.org", "example.net")
                    .filter(n -> !options.names().contains(n)).findFirst().orElse("example.com");
            probe.probe(servers.get(0), new ProbeOptions(options.timeout(), List.of(other), 0, null, null, null, null));
        }
        List<BenchResult> unranked = new ArrayList<>();
        for (ServerAddress s : servers) {
            unranked.add(result(probe.probe(s, options), providers.get(s), options));
        }
        return rank(unranked);
    }

    static BenchResult result(ProbeReport r, String provider, ProbeOptions o) {
        int queries = o.names().size() * (1 + o.warmRounds());
        int answered = r.coldMillis().size() + r.warmMillis().size();
        return new BenchResult(0, r.server(), provider, r.strictCapable(), r.handshakeMillis(),
                Percentiles.of(r.coldMillis(), 50), Percentiles.of(r.coldMillis(), 90),
                Percentiles.of(r.warmMillis(), 50), Percentiles.of(r.warmMillis(), 90), queries,
                Math.max(r.failedQueries(), queries - answered), r.tlsVersion(), r.error(), r.strictProblem());
    }

    static List<BenchResult> rank(List<BenchResult> in) {
        List<BenchResult> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing((BenchResult b) -> b.score() == null)
                .thenComparing(b -> b.score() == null ? Double.MAX_VALUE : b.score())
                .thenComparingInt(BenchResult::failures));
        List<BenchResult> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BenchResult b = sorted.get(i);
            out.add(new BenchResult(i + 1, b.server(), b.provider(), b.strictCapable(), b.handshakeMillis(), b.coldMedian(),
                    b.coldP90(), b.warmMedian(), b.warmP90(), b.queries(), b.failures(), b.tlsVersion(), b.error(),
                    b.strictProblem()));
        }
        return out;
    }

    /** The fastest server that strict mode would accept and that lost no query. */
    public static Optional<BenchResult> suggestion(List<BenchResult> ranked) {
        return ranked.stream().filter(b -> b.strictCapable() && b.score() != null && b.failures() == 0).findFirst();
    }
}
