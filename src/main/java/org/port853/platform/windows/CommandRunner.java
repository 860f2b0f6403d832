package org.port853.platform.windows;

import java.io.IOException;

/** Runs {@link Command}s; tests replace it with a model of Windows fed by documented outputs. */
public interface CommandRunner {
    /** What a command printed and how it exited. */
    record Output(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    Output run(Command command) throws IOException;

    /** Runs and fails with one sentence when the command does not exit 0. */
    default String runOk(Command command) throws IOException {
        Output o = run(command);
        if (!o.ok()) {
            String err = o.stderr().isBlank() ? o.stdout() : o.stderr();
            throw new IOException(PowerShell.describe(command) + " failed (exit " + o.exitCode() + "): "
                    + err.strip().lines().findFirst().orElse("no message"));
        }
        return o.stdout();
    }
}
