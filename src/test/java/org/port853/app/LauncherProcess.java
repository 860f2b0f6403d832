package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Port853's launcher in a process of its own, as a user runs it, with its home and XDG folders under {@code home}. */
final class LauncherProcess {
    record Run(int code, String out) {
    }

    private LauncherProcess() {
    }

    /** The launcher with {@code args}, its environment set up; output and errors still to be redirected. */
    static ProcessBuilder builder(Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().put("HOME", home.toString()); // what a command would save stays in the test's folder
        b.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        b.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        return b;
    }

    /** Runs it to its end: the exit code and stdout and stderr together. */
    static Run run(Path home, String... args) throws Exception {
        Process p = builder(home, args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", args));
        return new Run(p.exitValue(), out);
    }
}
