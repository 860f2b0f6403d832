package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;
import org.port853.core.XdgDirs;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.doctor.LinuxSystemSources;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.Pinning;
import org.port853.probe.pins.StubbyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pins", description = "SPKI pins of the servers: record (trust on first use), --check for key changes, "
        + "--export stubby for enforcement. Exit 1 when a key changed.")
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

    PinsCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        if (export != null && !export.equals("stubby")) {
            throw new InvalidInputException("--export knows one format: stubby");
        }
        PinStore store = PinStore.load(XdgDirs.state().resolve("pins.json"));
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Clock.systemUTC().instant();
        if (accept != null) {
            if (!Pinning.accept(store, ServerAddress.parse(accept).toString(), now)) {
                throw new InvalidInputException("no recorded key for " + accept + "; run 'port853 pins --check' first");
            }
            store.save();
        }
        List<Check> checks = new ArrayList<>();
        List<ServerAddress> targets = new ArrayList<>(probe.parsedServers());
        if (targets.isEmpty()) {
            targets.addAll(Doctor.configuredServers(services.adapter().get().readState()));
        }
        if (check) {
            for (PinRecord r : store.all()) {
                ServerAddress s = ServerAddress.parse(r.server());
                if (!targets.contains(s)) targets.add(s);
            }
        }
        if (check || !targets.isEmpty() && export == null) {
            Doctor doctor = new Doctor(probe.probe(), new LinuxSystemSources(), Clock.systemUTC());
            for (ProbeReport r : doctor.probeAll(targets, ProbeOptions.quick(probe.timeout()).withWarmRounds(0))) {
                checks.add(Pinning.check(store, r, now).toCheck(r.server().toString()));
            }
            store.save();
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
}
