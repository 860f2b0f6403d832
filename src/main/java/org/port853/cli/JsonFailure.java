package org.port853.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run given {@code --json} that fails without printing its document (a misspelt option, a file that does not
 * exist, a resolver that cannot be reached) still prints one JSON document on stdout, so a script that parses stdout
 * learns why instead of choking on nothing, on one line (also a line of {@code monitor --json}'s JSON lines):
 * {@code {"error": {"command": "apply", "exitCode": 2, "message": "missing required option: '--mode=MODE'"}}}.
 * The sentences on stderr stay as they are; a run that printed its own document (a rolled-back apply, doctor's
 * failed checks) keeps it alone.
 */
public final class JsonFailure {
    private final StringWriter said = new StringWriter();
    private boolean printed;

    /** {@code stdout} that notes whether anything was printed on it. */
    public Writer watchingStdout(Writer stdout) {
        return tapped(stdout, text -> printed |= !text.isEmpty());
    }

    /** {@code stderr} that keeps a copy of what the run says there. */
    public Writer keepingStderr(Writer stderr) {
        return tapped(stderr, said::write);
    }

    /** {@code target}, each write also handed to {@code seen}. */
    private static Writer tapped(Writer target, Consumer<String> seen) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                seen.accept(new String(buf, off, len));
                target.write(buf, off, len);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }

            @Override
            public void close() throws IOException {
                target.close();
            }
        };
    }

    /** After the run: prints the error document on {@code out} when {@code args} asked for JSON and got none. */
    public void afterRun(String[] args, int code, PrintWriter out) {
        if (code != ExitCodes.OK && !printed && asksForJson(args)) {
            out.println(Json.writeLine(document(args, code, said.toString())));
            out.flush();
        }
    }

    static boolean asksForJson(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode document(String[] args, int code, String stderr) {
        String command = args.length > 0 && Port853Command.isCommand(args[0]) ? args[0] : null;
        String prefix = Port853Command.prefix(args);
        List<String> sentences = stderr.lines()
                .map(l -> l.startsWith(prefix) ? l.substring(prefix.length()) : l)
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("See '"))
                .toList();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode error = doc.putObject("error");
        error.put("command", command);
        error.put("exitCode", code);
        error.put("message", sentences.isEmpty() ? "failed with exit code " + code : String.join(" ", sentences));
        return doc;
    }
}
