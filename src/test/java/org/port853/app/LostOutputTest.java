package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run as a user runs it (the launcher in a process of its own) with its stdout on a full disk
 * ({@code /dev/full}): {@code port853 export ... > playbook.yml} that wrote nothing must not end in exit 0.
 */
@EnabledOnOs(OS.LINUX)
class LostOutputTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("stdout that cannot be written: exit 1 and one sentence on stderr, not a silent exit 0")
    void exportToAFullDiskFails() throws Exception {
        ProcessBuilder b = export().redirectOutput(new File("/dev/full"));
        Process p = b.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String said = Files.readString(home.resolve("err"), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), said);
        assertEquals("port853 export: could not write the output to stdout (a full disk?): it is incomplete or "
                + "missing.\n", said);
    }

    @Test
    @DisplayName("a pipe whose reader went away (| head -1): exit 1 without a word, as a program killed by SIGPIPE")
    void readerGoneFailsQuietly() throws Exception {
        Process p = export().start();
        p.getInputStream().close(); // long before the JVM has started and written anything
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", Files.readString(home.resolve("err"), StandardCharsets.UTF_8));
        assertEquals(1, p.exitValue());
    }

    /** {@code port853 export} of a playbook in a process of its own, its stderr to the file "err". */
    private ProcessBuilder export() {
        return LauncherProcess.builder(home, "export", "--format", "ansible", "--server", "192.0.2.1#dot.example",
                "--mode", "strict").redirectError(home.resolve("err").toFile());
    }
}
