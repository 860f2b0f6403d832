package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Privileges;

/**
 * {@code sudo -E port853 …}: root runs with the user's {@code HOME}. Folders root made there ({@code ~/.local},
 * {@code ~/.local/state}) were root's, and the user's own programs could no longer write in them.
 */
class SudoKeptHomeTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("root with a user's HOME makes nothing in it: its log goes to root's own home")
    void rootLeavesTheUsersHomeAlone() throws Exception {
        Assumptions.assumeTrue(Privileges.isRoot(), "the tests run as root");
        Path usersHome = Files.createDirectory(dir.resolve("user"));
        Files.setAttribute(usersHome, "unix:uid", 4242);
        Path rootsHome = Files.createDirectory(dir.resolve("root"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + rootsHome, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "apply", "--provider", "no-such-provider", "--mode", "strict")); // refused, and logged
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        b.environment().put("HOME", usersHome.toString());
        b.environment().remove("XDG_CONFIG_HOME");
        b.environment().remove("XDG_STATE_HOME");
        Process p = b.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), Files.readString(dir.resolve("out")));
        try (Stream<Path> made = Files.list(usersHome)) {
            assertEquals(List.of(), made.toList());
        }
        assertTrue(Files.isRegularFile(rootsHome.resolve(".local/state/port853/port853.log")));
    }
}
