package org.port853.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line sets its log up when java.util.logging is first used ({@link Logs#initOnFirstUse()}): what is
 * logged then still goes to the log file and never to stderr, in a fresh JVM as a command runs.
 */
class LogsFirstUseTest {
    @TempDir
    Path dir;

    /** What a command does: set up on first use, then log from another thread, INFO and SEVERE. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Logs.initOnFirstUse();
            Thread t = new Thread(() -> {
                Logger.getLogger("org.port853.probe").info("first-use info line");
                Logger.getLogger("org.freedesktop.dbus").info("dbus chatter below WARNING");
                Logger.getLogger("org.port853.probe").severe("first-use severe line");
            });
            t.start();
            t.join();
            System.out.println("log file: " + Logs.file());
        }
    }

    /** What the window does: set up now ({@link Logs#init()}), then dbus-java logs long after, past collections. */
    public static final class WindowProbe {
        public static void main(String[] args) throws Exception {
            Logs.init();
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(20);
            }
            Logger.getLogger("org.freedesktop.dbus.connections.transports.TransportBuilder").info("dbus chatter below WARNING");
            Logger.getLogger("org.port853.probe").info("window info line");
        }
    }

    @Test
    void dbusChatterStaysOutOfTheWindowsLogAfterCollections() throws Exception {
        Process p = run(dir, WindowProbe.class);
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        String text = Files.readString(dir.resolve("port853/port853.log"));
        assertTrue(text.contains("INFO org.port853.probe: window info line"), text);
        assertFalse(text.contains("dbus chatter"), "org.freedesktop logs from WARNING only: " + text);
    }

    private Process run(Path stateHome) throws Exception {
        return run(stateHome, Probe.class);
    }

    private Process run(Path stateHome, Class<?> main) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName());
        pb.environment().put("XDG_STATE_HOME", stateHome.toString());
        return pb.start();
    }

    @Test
    void firstUseWritesTheLogFileAndNothingToStderr() throws Exception {
        Process p = run(dir);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "stderr stays empty");
        Path log = dir.resolve("port853/port853.log");
        assertTrue(out.contains("log file: " + log), out);
        String text = Files.readString(log);
        assertTrue(text.contains("INFO org.port853.probe: first-use info line"), text);
        assertTrue(text.contains("SEVERE org.port853.probe: first-use severe line"), text);
        assertFalse(text.contains("dbus chatter"), "org.freedesktop logs from WARNING only: " + text);
    }

    @Test
    void withoutALogFileOnlySevereLinesReachStderr() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("state"), "a file where the state folder would be");
        Process p = run(notADirectory);
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(err.contains("SEVERE org.port853.probe: first-use severe line"), err);
        assertFalse(err.contains("first-use info line"), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }
}
