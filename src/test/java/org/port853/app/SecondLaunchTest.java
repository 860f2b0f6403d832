package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A second launch of the window brings the running one to the front and exits; commands are never affected. */
class SecondLaunchTest {
    @TempDir
    Path home;

    @Test
    void eachWindowHasAKindAndCommandsHaveNone() {
        assertEquals(Optional.of("window"), kind());
        assertEquals(Optional.of("demo"), kind("--demo"));
        assertEquals(Optional.of("demo-windows"), kind(Launcher.WINDOWS_DEMO));
        assertEquals(Optional.empty(), kind("status"));
        assertEquals(Optional.empty(), kind("--demo", "status"));
    }

    private static Optional<String> kind(String... args) {
        return Launcher.windowFor(args).map(Launcher.Window::kind);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSecondDemoWindowShowsTheFirstAndExitsAtOnce() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        Path socket = runtime.resolve("port853/demo.sock");
        Process first = window().start();
        try {
            for (int i = 0; i < 600 && !Files.exists(socket) && first.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(socket), "the first window listens");

            Path out = home.resolve("second.out");
            Process second = window().redirectOutput(out.toFile()).redirectErrorStream(true).start();
            try {
                assertTrue(second.waitFor(20, TimeUnit.SECONDS), "the second launch exits at once");
            } finally {
                second.destroyForcibly();
            }
            assertEquals(0, second.exitValue(), Files.readString(out));
            Path log = home.resolve("state/port853/port853.log");
            boolean shown = false;
            for (int i = 0; i < 100 && !shown; i++) {
                shown = Files.exists(log) && Files.readString(log).contains("window brought to the front");
                Thread.sleep(100);
            }
            assertTrue(shown, "the first window was brought to the front");
            assertTrue(first.isAlive());
        } finally {
            first.destroy(); // SIGTERM: the JVM's shutdown hooks run
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(socket), "the socket is removed on exit");
    }

    /** The demo window, headless (Monocle), with its home, XDG and runtime folders in the test's. */
    private ProcessBuilder window() {
        ProcessBuilder b = LauncherProcess.builder(home, "--demo");
        List<String> cmd = b.command();
        cmd.addAll(1, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djavafx.cachedir=" + System.getProperty("javafx.cachedir", System.getProperty("java.io.tmpdir"))));
        b.environment().put("XDG_RUNTIME_DIR", home.resolve("runtime").toString());
        b.environment().remove("DBUS_SESSION_BUS_ADDRESS"); // no tray item on the tester's desktop
        b.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        return b;
    }
}
