package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.port853.core.InvalidInputException;
import org.port853.core.Printable;
import org.port853.core.ResolverState;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.doctor.LinuxSystemSources;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.QueryText;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.ServerPins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Diagnose DNS-over-TLS: probe the servers, check the resolver, the clock, the "
        + "journal and exposure; each check ends in a fix. Exit 0 only when nothing failed.",
        footer = {"", "Exit codes: 0 no check failed; 1 a check failed; 2 bad input."})
final class DoctorCommand implements Callable<Integer> {
    /** Under a check's heading: its evidence and fix, and a server too long to stand beside its id. */
    private static final String DETAIL_INDENT = " ".repeat(9);
    /** A check that could not run: its reason after this, as wide as the detail indent. */
    private static final String SKIPPED = "SKIPPED  ";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ProbeCliOptions probe = new ProbeCliOptions();

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    @Option(names = "--dnssec-signed", paramLabel = "NAME", description = "A correctly signed name (default ${DEFAULT-VALUE}).")
    String signed = "isc.org";

    @Option(names = "--dnssec-bogus", paramLabel = "NAME", description = "A deliberately broken name (default ${DEFAULT-VALUE}).")
    String bogus = "dnssec-failed.org";

    @Option(names = "--large-query", paramLabel = "NAME/TYPE", description = "A query with a large answer (default ${DEFAULT-VALUE}).")
    String large = "./DNSKEY";

    @Option(names = "--name", paramLabel = "NAME", description = "Name for the latency queries (default ${DEFAULT-VALUE}).")
    String name = "example.com";

    /** The user's pin store, read only (tests use their own). */
    Path pinFile = PinStore.userFile();

    DoctorCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        ProbeOptions options = queries(probe.timeout());
        List<org.port853.core.ServerAddress> servers = probe.parsedServers(); // bad input: refused before any lookup
        var adapter = services.adapter().get();
        ResolverState state = adapter.readState();
        PinStore pins = PinStore.load(pinFile);
        org.port853.core.Assessment assessment = adapter.assessWithLookup(state);
        Doctor.Report report = new Doctor(probe.probe(), new LinuxSystemSources(), Clock.systemUTC())
                .run(state, assessment.reasons(), servers, options, pins,
                        ServerPins.publishedPins(services.catalog().get().all()));
        RefusedChanges refused = RefusedChanges.of(assessment, adapter.rules());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(DoctorJson.doctor(report, refused)));
        } else {
            out.print(text(report, refused));
        }
        return report.failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * The report as text: a heading per check (status, id, server), its evidence and its fix under it, wrapped at their
     * words within {@link TerminalColumns#LINE} columns after the detail indent.
     */
    static String text(Doctor.Report report, RefusedChanges refused) {
        TextTable text = new TextTable("", "");
        if (refused.heading() != null) { // as status says it: no check's fix below suggests a refused change
            text.line(refused.heading());
        }
        for (Check c : report.checks()) {
            heading(c).forEach(text::line);
            text.wrappedLine(DETAIL_INDENT, c.evidence());
            if (c.fix() != null && !refused.fixRefused(c)) {
                text.wrappedLine(DETAIL_INDENT, "Fix: " + org.port853.platform.RootAdvice.forThisUser(c.fix()));
            }
        }
        report.skipped().forEach(s -> text.hangingLine(SKIPPED, DETAIL_INDENT, s));
        return text.toString();
    }

    /**
     * Status, id and server on one line where they fit {@link TerminalColumns#LINE}, else the server whole on an
     * indented line of its own under them (an address or TLS name is never cut).
     */
    private static List<String> heading(Check c) {
        String statusAndId = String.format("%-8s %-26s", c.status().jsonName().toUpperCase(), c.id());
        String server = c.server() == null ? "" : c.server();
        String oneLine = (statusAndId + " " + server).stripTrailing();
        if (TerminalColumns.of(oneLine) <= TerminalColumns.LINE) {
            return List.of(oneLine);
        }
        return List.of(statusAndId.stripTrailing(), DETAIL_INDENT + server);
    }

    /** The test queries, each checked before anything is contacted: a bad one would otherwise stop the probes midway. */
    private ProbeOptions queries(Duration timeout) {
        int slash = large.lastIndexOf('/');
        if (slash <= 0) {
            throw new InvalidInputException("--large-query must look like NAME/TYPE, e.g. ./DNSKEY");
        }
        String largeName = large.substring(0, slash);
        String largeType = large.substring(slash + 1);
        requireValid("--name", name, QueryText::name);
        requireValid("--large-query", large, v -> QueryText.name(largeName));
        requireValid("--large-query", large, v -> QueryText.type(largeType));
        requireValid("--dnssec-signed", signed, QueryText::name);
        requireValid("--dnssec-bogus", bogus, QueryText::name);
        return ProbeOptions.quick(timeout).withNames(List.of(name)).withLarge(largeName, largeType)
                .withDnssec(signed, bogus);
    }

    private static void requireValid(String option, String value, Consumer<String> parse) {
        try {
            parse.accept(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + " '" + Printable.of(value) + "' cannot be queried: "
                    + e.getMessage());
        }
    }
}
