package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window on an X display without a D-Bus session bus leaves no bus behind (GTK's accessibility bridge started one). */
class NoSessionBusIT {
    @TempDir
    Path home;

    @Test
    @DisplayName("the window opened and closed where no session bus runs: no dbus-daemon or at-spi process of its own stays")
    void startsNoBus() throws Exception {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> left = List.of();
        try {
            String display = ":" + new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dprism.order=sw", "-Dport853.bench=true", "-Dport853.bench.exit=true",
                    "-jar", Path.of("target/port853.jar").toAbsolutePath().toString(), "--demo")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(home.resolve("stderr.txt").toFile());
            var env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("DBUS_") || k.equals("NO_AT_BRIDGE"));
            env.put("DISPLAY", display);
            env.put("HOME", home.toString()); // every process started on its behalf inherits it: that is how they are found
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            env.put("XDG_STATE_HOME", home.resolve("state").toString());
            env.put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString()); // no bus socket there
            Process p = pb.start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String err = Files.readString(home.resolve("stderr.txt"));
            assertTrue(ended, "the demo window should quit after its first frames: " + err);
            assertEquals(0, p.exitValue(), err);
            Thread.sleep(1000); // a bus started late would be up by now
            left = startedFor(home);
            assertEquals(List.of(), left.stream().map(NoSessionBusIT::commandLine).toList(), "left running: " + err);
        } finally {
            for (long pid : left) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Processes whose environment names {@code home} as HOME. */
    private static List<Long> startedFor(Path home) throws IOException {
        byte[] mark = ("HOME=" + home + "\0").getBytes(StandardCharsets.UTF_8);
        List<Long> found = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path d : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    byte[] environ = Files.readAllBytes(d.resolve("environ"));
                    if (indexOf(environ, mark) >= 0) found.add(Long.parseLong(d.getFileName().toString()));
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) continue; // the start of a variable
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse(String.valueOf(pid));
    }
}
