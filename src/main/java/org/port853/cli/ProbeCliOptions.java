package org.port853.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;
import java.util.function.Supplier;
import org.port853.core.Provider;
import org.port853.probe.dot.DotProbe;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.ServerPins;
import org.port853.probe.dot.TrustAnchors;
import picocli.CommandLine.Option;

/** Options shared by doctor, pins and bench-providers. */
final class ProbeCliOptions {
    @Option(names = "--server", paramLabel = "IP[:PORT]#NAME", description = "Server to check (repeatable); default: the configured ones.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "MS", description = "Timeout of each connect, handshake and answer (default 3000).")
    int timeoutMillis = 3000;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust exactly these CAs instead of the system store (private resolvers, tests).")
    Path caFile;

    List<ServerAddress> parsedServers() {
        List<ServerAddress> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : servers) {
            ServerAddress a = ServerOptionValue.parse("--server", s);
            // the stub speaks no DNS-over-TLS, and probing it would measure the resolver, not a server: as apply
            org.port853.core.DesiredSettings.refuseResolvedStub(a.addressText());
            // IP#name and IP:853#NAME are one server: probed, ranked and pinned once
            if (!seen.add(a.atDotPort().toString().toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidInputException("--server " + a + " is given twice");
            }
            out.add(a);
        }
        return out;
    }

    Duration timeout() {
        if (timeoutMillis < 10 || timeoutMillis > 60_000) {
            throw new InvalidInputException("--timeout must be between 10 and 60000 ms");
        }
        return Duration.ofMillis(timeoutMillis);
    }

    /** The user's pins, probed with these options (quick probes, no warm rounds). */
    ServerPins serverPins(Supplier<List<Provider>> providers) {
        return serverPins(providers, PinStore.userFile());
    }

    /** The same over the store in {@code file}. */
    ServerPins serverPins(Supplier<List<Provider>> providers, Path file) {
        DotProbe dot = probe();
        Duration t = timeout();
        return new ServerPins(s -> dot.probeAll(s, ProbeOptions.quick(t).withWarmRounds(0)), file, providers,
                Clock.systemUTC());
    }

    DotProbe probe() {
        TrustAnchors anchors;
        try {
            anchors = caFile == null ? TrustAnchors.configured() : TrustAnchors.fromPem(caFile);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return new DotProbe(anchors, Clock.systemUTC());
    }
}
