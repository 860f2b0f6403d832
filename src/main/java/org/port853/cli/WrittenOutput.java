package org.port853.cli;

import picocli.CommandLine;

/**
 * A command whose stdout could not be written (a full disk behind {@code > playbook.yml}, a reader that went away)
 * has not done its job, however it ended: Java's print streams keep such errors to themselves, so the launcher asks
 * for them once the command is done, and the command then fails with one sentence on stderr, like any other error.
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
        cl.getErr().println(Port853Command.prefix(spec) + "could not write the output to stdout (a full disk, or the "
                + "program reading it went away): it is incomplete or missing.");
        cl.getErr().flush();
        return code == ExitCodes.OK ? ExitCodes.FAILED : code;
    }
}
