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

    /**
     * The text without a leading UTF-8 byte order mark: Windows PowerShell 5.1 writes one with {@code Out-File
     * -Encoding utf8} (the recorded fixtures) and can put one before redirected output once the console encoding
     * is set to UTF-8; JSON parsers reject it.
     */
    static String withoutBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

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
