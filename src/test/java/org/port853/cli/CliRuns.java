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
        JsonFailure failure = new JsonFailure(); // as the launcher: --json gets a document also on failure
        CommandLine cl = Port853Command.forArguments(services, args);
        PrintWriter stdout = new PrintWriter(failure.watchingStdout(out), true);
        cl.setOut(stdout);
        cl.setErr(Port853Command.errorWriter(failure.keepingStderr(err)));
        prepare.accept(cl);
        int code = cl.execute(args);
        failure.afterRun(args, code, stdout);
        return new Run(code, out.toString(), err.toString());
    }

    /** What a failed run of {@code args} prints on stdout: nothing, or with --json the document of its stderr. */
    static String failureOut(Run failed, String... args) {
        return JsonFailure.asksForJson(args)
                ? Json.writeLine(JsonFailure.document(args, failed.code(), failed.err())) + "\n" : "";
    }

    /** Points the commands that read or write the user's pin store ({@code doctor}, {@code pins}, {@code status}) at {@code store}. */
    static Consumer<CommandLine> pinStore(Path store) {
        return cl -> cl.getSubcommands().values().forEach(sub -> {
            if (sub.getCommand() instanceof DoctorCommand doctor) {
                doctor.pinFile = store;
            } else if (sub.getCommand() instanceof PinsCommand pins) {
                pins.pinFile = store;
            } else if (sub.getCommand() instanceof StatusCommand status) {
                status.pinFile = store;
            }
        });
    }
}
