package org.port853.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.XdgDirs;
import org.port853.platform.ProcessRunner;

/**
 * The benchmarks run as root on this machine: a program they start must not make its per-user files in root's home
 * (the window's state folder, /root/.local/state/port853, with its log and single-instance lock; JNA's and GTK's caches).
 */
@DisplayName("benchmark scripts keep the per-user files of what they start in a temporary folder")
class BenchScriptsTest {
    private static final Path BENCH = Path.of("src/bench");
    private static final Path SNIPPET = BENCH.resolve("private-xdg.sh");

    @Test
    @DisplayName("every script that starts a JVM sources private-xdg.sh and removes its folder when it ends")
    void everyScriptThatStartsJavaUsesAPrivateFolder() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(BENCH)) {
            scripts = files.filter(f -> f.toString().endsWith(".sh") && !f.equals(SNIPPET)).sorted().toList();
        }
        int starting = 0;
        for (Path script : scripts) {
            String text = Files.readString(script);
            if (Stream.of("java ", "\"$java\"", "\"${JAVA[@]}\"").noneMatch(text::contains)) {
                continue;
            }
            starting++;
            assertTrue(text.contains("src/bench/private-xdg.sh"), script + " does not source private-xdg.sh");
            List<String> exitTraps = text.lines().map(String::strip)
                    .filter(l -> l.startsWith("trap ") && l.endsWith(" EXIT")).toList();
            assertFalse(exitTraps.isEmpty(), script + " removes nothing when it ends");
            for (String trap : exitTraps) {
                assertTrue(trap.contains("rm -rf") && trap.contains("$BENCH_XDG"), script + ": " + trap);
            }
        }
        assertTrue(starting >= 5, "the launch, installed, apply, capture and probe benchmarks: " + starting);
    }

    @Test
    @DisplayName("private-xdg.sh points the four XDG folders into one fresh folder, which Port853 then uses (also as root)")
    void theSnippetPointsEveryXdgFolderIntoOneFolder() throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of("sh", "-c", ". " + SNIPPET + "; echo \"$BENCH_XDG\"; "
                + "echo \"$XDG_CONFIG_HOME\"; echo \"$XDG_STATE_HOME\"; echo \"$XDG_CACHE_HOME\"; echo \"$XDG_DATA_HOME\"; "
                + "sh -c 'echo \"$XDG_STATE_HOME\"'"), null, Duration.ofSeconds(10));
        assertTrue(r.ok(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        Path dir = Path.of(lines.get(0));
        try {
            assertTrue(Files.isDirectory(dir) && dir.startsWith("/tmp"), lines.get(0));
            assertEquals(List.of(dir + "/config", dir + "/state", dir + "/cache", dir + "/data", dir + "/state"),
                    lines.subList(1, 6), "exported, so the programs started see them");
            assertEquals(dir.resolve("state/port853"), XdgDirs.state(Map.of("XDG_STATE_HOME", lines.get(2),
                    "HOME", "/root"), "/root"));
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
