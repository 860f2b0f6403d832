package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a bus, "is the resolver running" is read from the process table: a resolver process in another network
 * namespace (a container, another test's rig) must not count, one in ours must. Real processes: a copy of sleep under
 * a unique name, one started in a new network namespace with unshare (tests run as root, see the README).
 */
class ResolverProcessTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a resolver process in another network namespace is not this machine's; one in ours is")
    void onlyThisNamespaceCounts() throws Exception {
        String name = "p853-fake-resolved-" + ProcessHandle.current().pid();
        Path binary = dir.resolve(name);
        Files.copy(Path.of("/bin/sleep"), binary, StandardCopyOption.COPY_ATTRIBUTES);
        assertFalse(ResolverProcess.runningHere(name), "nothing runs yet");

        Process elsewhere = new ProcessBuilder(List.of("unshare", "--net", binary.toString(), "60")).start();
        try {
            waitForProcess(name);
            assertFalse(ResolverProcess.runningHere(name), "a resolver in another network namespace is not ours");

            Process here = new ProcessBuilder(List.of(binary.toString(), "60")).start();
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!ResolverProcess.runningHere(name) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(ResolverProcess.runningHere(name), "a resolver in this namespace runs here");
            } finally {
                here.destroy();
                here.waitFor();
            }
        } finally {
            elsewhere.descendants().forEach(ProcessHandle::destroy);
            elsewhere.destroy();
            elsewhere.waitFor();
        }
    }

    /** Until the process (after unshare's exec) shows under its name in the process table. */
    private static void waitForProcess(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.allProcesses().anyMatch(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " did not start in its namespace");
    }
}
