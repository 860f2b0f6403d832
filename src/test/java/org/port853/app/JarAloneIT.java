package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** port853.jar copied on its own, or beside a lib/ folder that lacks a library: one clear sentence, not a stack trace. */
class JarAloneIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a jar without its libraries says which are missing and where they belong, for a command and the window")
    void saysWhatIsMissing() throws Exception {
        Path jar = Files.copy(Path.of("target/port853.jar"), dir.resolve("port853.jar"));
        for (List<String> args : List.of(List.of("status"), List.<String>of())) {
            String err = failingRun(":1999", jar, args); // no display: the library check comes first
            assertTrue(err.startsWith("port853: libraries Port853 needs are missing (JavaFX, AtlantaFX"), err);
            assertTrue(err.contains(dir.resolve("lib") + ", beside port853.jar"), err);
            assertEquals(1, err.lines().count(), "one sentence, no stack trace: " + err);
        }
    }

    @Test
    @DisplayName("a lib/ folder without one library: the window, on a real display, names just that one")
    void partialLibNamesTheOneMissing() throws Exception {
        Path jar = copyWithLibsExcept("atlantafx-");
        // the window's theme is the first thing it loads from AtlantaFX, on the JavaFX thread of a real X display
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = ":" + new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim();
            String err = failingRun(display, jar, List.of());
            assertTrue(err.startsWith("port853: libraries Port853 needs are missing (AtlantaFX)"), err);
            assertEquals(1, err.lines().count(), "one sentence, no stack trace, no JavaFX report before it: " + err);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a lib/ folder without libraries that 'status' does not load: refused before it runs, not half-working")
    void aCommandThatWouldNotNeedTheAbsentLibraryIsRefusedToo() throws Exception {
        Path jar = copyWithLibsExcept("dnsjava-", "jackson-databind-");
        String err = failingRun(":1999", jar, List.of("status"));
        assertTrue(err.startsWith("port853: libraries Port853 needs are missing (dnsjava, Jackson)"), err);
        assertEquals(1, err.lines().count(), err);
    }

    /** port853.jar in {@link #dir} with a lib/ of target/lib's jars but those whose names start with {@code left}. */
    private Path copyWithLibsExcept(String... left) throws Exception {
        Path jar = Files.copy(Path.of("target/port853.jar"), dir.resolve("port853.jar"));
        Files.createDirectories(dir.resolve("lib"));
        try (var libs = Files.list(Path.of("target/lib"))) {
            for (Path l : libs.toList()) {
                if (java.util.Arrays.stream(left).noneMatch(l.getFileName().toString()::startsWith)) {
                    Files.copy(l, dir.resolve("lib").resolve(l.getFileName()));
                }
            }
        }
        return jar;
    }

    /** Runs the jar with {@code args} on {@code display}; returns what it wrote to stderr, once it has exited with 1. */
    private static String failingRun(String display, Path jar, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprism.order=sw", "-jar", jar.toString()));
        cmd.addAll(args);
        Path errFile = jar.resolveSibling("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", jar.getParent().toString()); // its preferences and logs, not the user's
        Process p = pb.start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String err = Files.readString(errFile);
        assertTrue(ended, "the window should not have stayed open: " + err);
        assertEquals(1, p.exitValue(), err);
        return err;
    }
}
