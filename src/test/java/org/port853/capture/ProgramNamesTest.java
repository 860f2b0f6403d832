package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (copies of sleep) whose names the kernel cuts at 15 bytes in /proc/PID/comm. */
@EnabledOnOs(OS.LINUX)
class ProgramNamesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a name cut by the kernel is taken whole from the program file, also when argv[0] says another")
    void aCutNameIsTakenFromTheProgramFile() throws Exception {
        Path program = copyOfSleep("port853-long-program-name");
        assertEquals("port853-long-program-name", nameWhileRunning(List.of("bash", "-c", "exec -a short \"$0\" 30",
                program.toString()), program));
    }

    @Test
    @DisplayName("a name in UTF-8 is cut after 15 bytes, fewer characters: it is still taken whole")
    void aNameInUtf8CutAfter15Bytes() throws Exception {
        Path program = copyOfSleep("prüfprogramm-für-dns");
        assertEquals(15, "prüfprogramm-f".getBytes(StandardCharsets.UTF_8).length, "the kernel's part: 14 characters");
        assertEquals("prüfprogramm-für-dns", nameWhileRunning(List.of(program.toString(), "30"), program));
        Path splitLetter = copyOfSleep("abcdefghijklmnü-dienst");
        assertEquals("abcdefghijklmnü-dienst", nameWhileRunning(List.of(splitLetter.toString(), "30"), splitLetter),
                "cut inside the ü");
    }

    @Test
    @DisplayName("a program file replaced since the process started (an upgrade) still gives its name")
    void aDeletedProgramFile() throws Exception {
        Path program = copyOfSleep("port853-upgraded-daemon");
        Process p = started(List.of("bash", "-c", "exec -a short \"$0\" 30", program.toString()), program);
        try {
            Files.delete(program);
            assertEquals("port853-upgraded-daemon", ProgramNames.of(p.pid()));
        } finally {
            stop(p);
        }
    }

    @Test
    @DisplayName("a name of exactly 15 bytes, and a shorter one, are the kernel's as they are")
    void namesTheKernelDidNotCut() throws Exception {
        Path fifteen = copyOfSleep("abcdefghijklmno");
        assertEquals("abcdefghijklmno", nameWhileRunning(List.of(fifteen.toString(), "30"), fifteen));
        Path shorter = copyOfSleep("short-sleep");
        assertEquals("short-sleep", nameWhileRunning(List.of(shorter.toString(), "30"), shorter));
    }

    private Path copyOfSleep(String name) throws Exception {
        Path sleep = Path.of("/bin/sleep").toRealPath();
        return Files.copy(sleep, dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static String nameWhileRunning(List<String> command, Path program) throws Exception {
        Process p = started(command, program);
        try {
            return ProgramNames.of(p.pid());
        } finally {
            stop(p);
        }
    }

    /** The process, once it runs {@code program} (not the shell or launcher that starts it). */
    private static Process started(List<String> command, Path program) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path exe = Path.of("/proc", Long.toString(p.pid()), "exe");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!exe.toRealPath().equals(program) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(program, exe.toRealPath(), "the copy of sleep runs");
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
    }
}
