package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.Pinning;
import org.port853.probe.pins.StubbyExport;
import org.port853.probe.pins.NetworkChanges;
import org.port853.probe.pins.PinWatcher;
import org.port853.probe.pins.ServerPins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pins", mixinStandardHelpOptions = true, description = "SPKI pins of the servers: record (the provider's published pin, else trust on "
        + "first use), --check for key changes, --watch to keep checking, --export stubby for enforcement. Exit 1 when a "
        + "key changed.")
final class PinsCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ProbeCliOptions probe = new ProbeCliOptions();

    @Option(names = "--check", description = "Probe the servers (recorded ones and --server/configured ones) and compare.")
    boolean check;

    @Option(names = "--accept", paramLabel = "SERVER", description = "Accept the key SERVER shows now as its pin.")
    String accept;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Print the pins for another tool: stubby.")
    String export;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    @Option(names = "--watch", description = "Keep running: re-check the recorded pins now, every --every and shortly "
            + "after each network change (Linux: rtnetlink), printing each check; a changed key prints an ALERT line.")
    boolean watch;

    @Option(names = "--every", paramLabel = "DURATION", description = "Period of --watch, e.g. 6h (default), 30m, 90s.")
    String every = "6h";

    PinsCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        if (export != null && !export.equals("stubby")) {
            throw new InvalidInputException("--export knows one format: stubby");
        }
        ServerPins pins = probe.serverPins(() -> services.catalog().get().all());
        PrintWriter out = spec.commandLine().getOut();
        if (accept != null) {
            PinStore store = PinStore.load(pins.file());
            if (!Pinning.accept(store, ServerAddress.parse(accept).toString(), Clock.systemUTC().instant())) {
                throw new InvalidInputException("no recorded key for " + accept + "; run 'port853 pins --check' first");
            }
            store.save();
        }
        if (watch) {
            return watch(pins, out);
        }
        List<ServerAddress> targets = new ArrayList<>(probe.parsedServers());
        if (targets.isEmpty()) {
            targets.addAll(Doctor.configuredServers(services.adapter().get().readState()));
        }
        PinStore store = PinStore.load(pins.file());
        if (check) {
            for (PinRecord r : store.all()) {
                ServerAddress s = ServerAddress.parse(r.server());
                if (!targets.contains(s)) targets.add(s);
            }
        }
        List<Check> checks = new ArrayList<>();
        if (check || !targets.isEmpty() && export == null) {
            ServerPins.Result r = pins.record(targets);
            if (r.problem() != null) {
                throw new IOException(r.problem());
            }
            r.pins().forEach(p -> checks.add(p.check()));
            store = PinStore.load(pins.file());
        }
        if (export != null) {
            out.print(StubbyExport.render(store.all()));
        } else if (json) {
            out.println(Json.write(DoctorJson.pins(store.all(), checks, store.file().toString())));
        } else {
            checks.forEach(c -> out.println(c.status().jsonName().toUpperCase() + "  " + c.server() + "\n    " + c.evidence()
                    + (c.fix() == null ? "" : "\n    Fix: " + c.fix())));
            out.println("Pins in " + store.file() + ":");
            store.all().forEach(p -> out.println("  " + p.server() + "  sha256/" + p.pin() + "  (" + p.source() + ", issuer '"
                    + p.issuer() + "', first seen " + p.firstSeen() + ")"));
        }
        boolean changed = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILURE);
        return changed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** --watch: never returns on its own; stopped by a signal. */
    private int watch(ServerPins pins, PrintWriter out) {
        if (export != null || json) {
            throw new InvalidInputException("--watch prints text and cannot be combined with --export or --json");
        }
        Duration period = PinWatchPrinter.parsePeriod(every);
        PinWatchPrinter printer = new PinWatchPrinter(out);
        ServerPins.Result first = pins.record(probe.parsedServers()); // --server: recorded now, shown by the first check
        if (first.problem() != null) {
            out.println("WARNING " + first.problem());
        }
        PinWatcher watcher = new PinWatcher(PinWatcher.daemonScheduler(), period, PinWatcher.DEFAULT_DEBOUNCE,
                pins::recheckRecorded, printer::print);
        try (watcher; NetworkChanges net = PinWatchPrinter.networkChanges(watcher, out)) {
            watcher.start(true);
            out.println("Watching the pins in " + pins.file() + ": every " + every + (net == null ? ""
                    : " and after network changes") + ". Stop with Ctrl+C.");
            out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
