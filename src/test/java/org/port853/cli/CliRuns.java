package org.port853.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line as the launcher builds it for these arguments, capturing stdout, stderr and the exit code. */
final class CliRuns {
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private CliRuns() {
    }

    static Run run(CliServices services, String... args) {
        return run(services, cl -> { }, args);
    }

    /** {@code prepare} sees the command line before it runs (e.g. to point a command at a test's files). */
    static Run run(CliServices services, Consumer<CommandLine> prepare, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Port853Command.forArguments(services, args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(Port853Command.errorWriter(err));
        prepare.accept(cl);
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** Points the commands that read or write the user's pin store ({@code doctor}, {@code pins}) at {@code store}. */
    static Consumer<CommandLine> pinStore(Path store) {
        return cl -> cl.getSubcommands().values().forEach(sub -> {
            if (sub.getCommand() instanceof DoctorCommand doctor) {
                doctor.pinFile = store;
            } else if (sub.getCommand() instanceof PinsCommand pins) {
                pins.pinFile = store;
            }
        });
    }
}
