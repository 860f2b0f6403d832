package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.port853.core.InvalidInputException;
import org.port853.core.ResolverState;
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

@Command(name = "pins", mixinStandardHelpOptions = true, description = "SPKI pins of the servers. Without options: "
        + "lists the recorded pins (contacts nothing). --check probes the recorded servers and the --server or configured "
        + "ones, records new pins (the provider's published pin, else trust on first use) and exits 1 when a key "
        + "changed (a listing too, until the new key is accepted); --watch keeps checking; --export stubby prints them "
        + "for enforcement. --server, --timeout and --ca-file tune the probes of --check and --watch only.",
        footer = {"", "Exit codes: 0 ok; 1 a key changed (--check, --watch, or a listing until the new key is accepted), "
                + "or no pins to export; 2 bad input; 130 --watch stopped by Ctrl-C."})
final class PinsCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ProbeCliOptions probe = new ProbeCliOptions();

    @Option(names = "--check", description = "Probe the servers (recorded ones and --server/configured ones), record "
            + "new pins and compare.")
    boolean check;

    @Option(names = "--accept", paramLabel = "SERVER", description = "Accept the key SERVER shows now as its pin "
            + "(repeatable, one server each).")
    List<String> accept = new ArrayList<>();

    @Option(names = "--export", paramLabel = "FORMAT", description = "Print the pins for another tool: stubby.")
    String export;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    @Option(names = "--watch", description = "Keep running: re-check the recorded pins now, every --every and shortly "
            + "after each network change (Linux: rtnetlink), printing each check; a changed key prints an ALERT line.")
    boolean watch;

    @Option(names = "--every", paramLabel = "DURATION", description = "Period of --watch, e.g. 6h (default), 30m, 90s.")
    String every = "6h";

    /** The user's pin store (tests use their own). */
    Path pinFile = PinStore.userFile();

    PinsCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        if (export != null && !StubbyExport.named(export)) {
            throw new InvalidInputException("--export knows one format: " + StubbyExport.FORMAT);
        }
        refuseConflicts();
        refuseWithoutTheirMode();
        List<ServerAddress> accepted = accept.stream().map(v -> ServerOptionValue.parse("--accept", v)).toList();
        // only --check and --watch probe: a listing reads no trust anchors
        ServerPins pins = check || watch ? probe.serverPins(() -> services.catalog().get().all(), pinFile) : null;
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < accept.size(); i++) {
            accept(accept.get(i), accepted.get(i));
        }
        if (watch) {
            return watch(pins, out);
        }
        List<Check> checks = check ? check(pins) : List.of();
        PinStore store = PinStore.load(pinFile);
        if (export != null) {
            if (store.all().isEmpty()) {
                spec.commandLine().getErr().println(Port853Command.prefix(spec) + "no pins recorded in " + store.file() + ", so nothing to "
                        + "export: " + HOW_PINS_ARE_RECORDED);
                return ExitCodes.FAILED;
            }
            store.all().stream().filter(PinRecord::changed).forEach(p -> spec.commandLine().getErr()
                    .println(Port853Command.prefix(spec) + exportedDespiteChange(p)));
            out.print(StubbyExport.render(store.all()));
            out.flush();
        } else if (json) {
            out.println(Json.write(DoctorJson.pins(store.all(), checks, store.file().toString())));
        } else {
            out.print(listing(checks, store));
        }
        // an unaccepted key change fails every run, a listing as a check, until the user accepts the new key
        boolean changed = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILURE)
                || store.all().stream().anyMatch(PinRecord::changed);
        return changed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** Options of which only one would take effect: refused before anything is done, rather than one ignored. */
    private void refuseConflicts() {
        if (watch && (export != null || json)) {
            throw new InvalidInputException("--watch prints text and cannot be combined with --export or --json");
        }
        if (export != null && json) {
            throw new InvalidInputException("--export and --json are two output formats: choose one");
        }
        if (export != null && check) {
            throw new InvalidInputException("--export prints only the pins, so --check's results would be lost: run "
                    + "'port853 pins --check' first, then 'port853 pins --export stubby'");
        }
        if (check && watch) {
            throw new InvalidInputException("--check checks once and --watch keeps checking: choose one");
        }
    }

    /** Options that tune a mode, refused without it rather than ignored. */
    private void refuseWithoutTheirMode() {
        if (!watch && spec.commandLine().getParseResult().hasMatchedOption("--every")) {
            throw new InvalidInputException("--every sets the period of --watch; add --watch");
        }
        refuseWithoutProbing("--server", "--server names servers to probe");
        refuseWithoutProbing("--timeout", "--timeout sets how long each probe waits");
        refuseWithoutProbing("--ca-file", "--ca-file names the CAs the probes trust");
    }

    private void refuseWithoutProbing(String option, String what) {
        if (!watch && !check && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new InvalidInputException(what + ": add --check (plain 'pins' only lists the recorded pins)");
        }
    }

    /** --accept: the key the server showed at the last check becomes its pin. */
    private void accept(String given, ServerAddress server) throws IOException {
        PinStore store = PinStore.load(pinFile);
        PinRecord before = store.find(server.toString()).orElse(null);
        switch (Pinning.accept(store, server, Clock.systemUTC().instant())) {
            case ACCEPTED -> {
                store.save();
                spec.commandLine().getErr().println(Port853Command.prefix(spec) + "accepted the key sha256/"
                        + before.lastPin() + " as the pin of " + PinStore.canonical(before.server()) + ", in place of sha256/" + before.pin());
            }
            case NOT_CHANGED -> spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: the key of "
                    + org.port853.probe.pins.PinStore.canonical(server.toString()) + " has not changed; nothing to accept");
            case NOT_RECORDED -> {
                // pins are kept per address and TLS name: point at the recorded spelling of the same address
                List<String> named = store.all().stream().map(PinRecord::server)
                        .filter(r -> ServerAddress.parse(r).addressText().equals(server.addressText())).toList();
                throw new InvalidInputException("no recorded key for " + given + (named.isEmpty()
                        ? "; run 'port853 pins --check' first" : "; pins are recorded per address and TLS name: "
                        + String.join(" or ", named)));
            }
        }
    }

    /**
     * The checks' results, then the recorded pins, within {@link TerminalColumns#LINE} columns: each server, pin and
     * sentence on lines of its own, never cut.
     */
    static String listing(List<Check> checks, PinStore store) {
        TextTable text = new TextTable("", "");
        for (Check c : checks) {
            text.wrappedLine("", c.status().jsonName().toUpperCase() + "  " + c.server());
            details(text, c);
        }
        if (store.all().isEmpty()) {
            text.wrappedLine("", "No pins recorded yet in " + store.file() + ": " + HOW_PINS_ARE_RECORDED);
            return text.toString();
        }
        text.wrappedLine("", "Pins in " + store.file() + ":");
        for (PinRecord p : store.all()) {
            pin(text, p);
            if (p.changed()) {
                details(text, p.change());
            }
        }
        return text.toString();
    }

    private static final String SERVER_INDENT = "  ";
    private static final String DETAIL_INDENT = "    ";

    /** A check's evidence and fix, each on indented lines. */
    private static void details(TextTable text, Check c) {
        text.wrappedLine(DETAIL_INDENT, c.evidence());
        if (c.fix() != null) {
            text.wrappedLine(DETAIL_INDENT, "Fix: " + c.fix());
        }
    }

    /** --export's warning for a changed key: the recorded pin is exported, so Stubby holds the server to it. */
    private static String exportedDespiteChange(PinRecord p) {
        Check c = p.change();
        return p.server() + ": " + c.evidence() + " The export holds the recorded pin, so Stubby refuses the server "
                + "until its new key is accepted and exported again. " + c.fix();
    }

    /**
     * One recorded pin: the server, its pin and where the pin came from, each on lines of their own; a field the store
     * does not hold is left out rather than shown as "null".
     */
    private static void pin(TextTable text, PinRecord p) {
        List<String> about = new ArrayList<>(List.of(p.source()));
        if (p.issuer() != null) {
            about.add("issuer '" + p.issuer() + "'");
        }
        if (p.firstSeen() != null) {
            about.add("first seen " + p.firstSeen());
        }
        if (p.lastChecked() != null) {
            about.add("last checked " + p.lastChecked());
        }
        text.wrappedLine(SERVER_INDENT, p.server());
        text.wrappedLine(DETAIL_INDENT, "sha256/" + p.pin());
        text.wrappedLine(DETAIL_INDENT, "(" + String.join(", ", about) + ")");
    }

    static final String HOW_PINS_ARE_RECORDED = "'port853 apply' records the pins of the servers it puts in place, "
            + "'port853 pins --check' those of the configured servers (or of --server ones)";

    /** --check: probes the recorded servers plus the --server (else configured) ones, recording new pins. */
    private List<Check> check(ServerPins pins) throws IOException {
        List<ServerAddress> targets = new ArrayList<>(probe.parsedServers());
        String unreadable = null;
        if (targets.isEmpty()) {
            ResolverState state = services.adapter().get().readState();
            targets.addAll(Doctor.configuredServers(state));
            unreadable = state.readable() ? null : state.problem() == null ? "the resolver's state could not be read"
                    : state.problem();
        }
        targets = PinStore.load(pins.file()).andRecorded(targets);
        List<Check> checks = new ArrayList<>();
        if (targets.isEmpty() && unreadable != null) {
            throw new IOException("nothing to check: the configured DNS servers could not be read (" + unreadable
                    + ") and no pin is recorded; name servers with --server IP#NAME");
        }
        if (targets.isEmpty()) {
            return checks;
        }
        ServerPins.Result r = pins.record(targets);
        if (r.problem() != null) {
            throw new IOException(r.problem());
        }
        r.pins().forEach(p -> checks.add(p.check()));
        return checks;
    }

    /** --watch: never returns on its own; stopped by a signal. */
    private int watch(ServerPins pins, PrintWriter out) {
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
