package org.port853.cli;

import picocli.CommandLine;

/**
 * A command whose stdout could not be written (a full disk behind {@code > playbook.yml}, a reader that went away)
 * has not done its job, however it ended: Java's print streams keep such errors to themselves, so the launcher asks
 * for them once the command is done, and the command then fails with one sentence on stderr, like any other error.
 * A pipe whose reader went away ({@code | head -1}) fails without a word, as a program killed by SIGPIPE does: the
 * reader stopped on purpose, or says itself why it did.
 */
public final class WrittenOutput {
    private WrittenOutput() {
    }

    /** {@code code}, or 1 when it was 0 and {@code stdoutFailed}: the output was lost. */
    public static int exitCode(CommandLine cl, int code, boolean stdoutFailed) {
        if (!stdoutFailed) {
            return code;
        }
        CommandLine.ParseResult parsed = cl.getParseResult();
        CommandLine.Model.CommandSpec spec = parsed != null && parsed.subcommand() != null
                ? parsed.subcommand().commandSpec() : cl.getCommandSpec();
        if (!toPipe()) {
            cl.getErr().println(Port853Command.prefix(spec) + "could not write the output to stdout (a full disk?): it "
                    + "is incomplete or missing.");
            cl.getErr().flush();
        }
        return code == ExitCodes.OK ? ExitCodes.FAILED : code;
    }

    /**
     * Whether stdout can no longer be written (a pipe whose reader went away). Java's print streams keep such errors
     * to themselves: the launcher's writer over System.out never sees them, so System.out is asked too.
     */
    static boolean lost(java.io.PrintWriter out) {
        return out.checkError() | System.out.checkError();
    }

    private static boolean toPipe() {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString().startsWith("pipe:");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false; // not Linux: say it
        }
    }
}
