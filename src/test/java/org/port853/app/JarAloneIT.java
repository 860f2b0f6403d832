package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** port853.jar copied on its own, without the lib/ folder its manifest names: one clear sentence, not a stack trace. */
class JarAloneIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a jar without its libraries says which are missing and where they belong, for a command and the window")
    void saysWhatIsMissing() throws Exception {
        Path jar = Files.copy(Path.of("target/port853.jar"), dir.resolve("port853.jar"));
        for (String[] args : new String[][]{{"status"}, {}}) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
            cmd.addAll(java.util.List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("DISPLAY", ":1999"); // no display: the library check comes first
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), out + err);
            assertTrue(err.startsWith("port853: libraries Port853 needs are missing (JavaFX, dbus-java"), err);
            assertTrue(err.contains(dir.resolve("lib") + ", beside port853.jar"), err);
            assertEquals(1, err.lines().count(), "one sentence, no stack trace: " + err);
        }
    }
}
