package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A change in a real JVM that gets SIGINT and SIGHUP (Ctrl-C, a closed terminal) half-way. */
class UninterruptedChangeTest {
    /** Runs a "change" of 1.5 s held off from the signals, then one that is not. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            // a Ctrl-Z ignored by whoever started this JVM stays ignored in it (the change restores what was there), so
            // the test starts from the default a terminal gives, whatever the test JVM's own disposition is now
            sun.misc.Signal.handle(new sun.misc.Signal("TSTP"), sun.misc.SignalHandler.SIG_DFL);
            boolean defer = args.length > 0 && args[0].equals("defer");
            if (defer) {
                UninterruptedChange.deferStopToCaller();
            }
            long lasts = args.length > 1 && args[1].equals("long") ? 30_000 : 1500;
            String r = UninterruptedChange.run(() -> {
                System.out.println("started");
                System.out.flush();
                Thread.sleep(lasts);
                return "finished";
            }, () -> System.err.println("signal held off"), args.length > 0);
            System.out.println(r);
            System.out.flush();
            if (defer) { // as the launcher: the outcome is said, then the exit code the signal asked for
                Thread.sleep(500);
                System.out.println("outcome said");
                System.exit(UninterruptedChange.exitCode(0));
            }
            Thread.sleep(60_000); // outside the change, a signal ends the process as usual
        }
    }

    @Test
    @DisplayName("Ctrl-C and a hang-up during the change are reported and wait for it; after it they end the process")
    void signalsWaitForTheChange() throws Exception {
        Process p = started();
        try {
            BufferedReader out = stdout(p);
            signal("INT", p.pid());
            signal("HUP", p.pid());
            assertEquals("finished", out.readLine(), "the change ran to its end");
            assertTrue(p.isAlive());
            signal("INT", p.pid());
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "Ctrl-C works again after the change");
            assertEquals(130, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(List.of("signal held off", "signal held off"), err.lines().toList());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @DisplayName("Ctrl-Z (SIGTSTP) does not stop the process during the change; after it, it does again")
    void ctrlZWaitsForTheChange() throws Exception {
        Process p = started();
        try {
            BufferedReader out = stdout(p);
            signal("TSTP", p.pid());
            assertTrue(state(p.pid()) != 'T', "not stopped half-way through the change");
            assertEquals("finished", out.readLine(), "the change ran to its end");
            signal("TSTP", p.pid());
            assertTrue(waitForState(p.pid(), 'T'), "Ctrl-Z stops the process again after the change");
            signal("CONT", p.pid());
        } finally {
            p.destroyForcibly();
        }
    }

    /** Whether the process reaches {@code state} (ps's letter, T: stopped) within 10 s. */
    private static boolean waitForState(long pid, char state) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (state(pid) == state) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static char state(long pid) throws Exception {
        String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    @Test
    @DisplayName("with thenStop, Ctrl-C during the change stops the process once the change is over (exit 130)")
    void thenStopStopsAfterTheChange() throws Exception {
        Process p = started("stop");
        try {
            BufferedReader out = stdout(p);
            signal("INT", p.pid());
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stopped after the change, not 60 s later");
            assertEquals(130, p.exitValue());
            assertEquals(List.of("signal held off"), new String(p.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @DisplayName("deferred to the command line, Ctrl-C during the change lets it say the outcome, then exits 130")
    void deferredStopWaitsForTheOutcome() throws Exception {
        Process p = started("defer");
        try {
            BufferedReader out = stdout(p);
            signal("INT", p.pid());
            assertEquals("finished", out.readLine());
            assertEquals("outcome said", out.readLine(), "not stopped before the outcome");
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(130, p.exitValue(), "the exit code of Ctrl-C, not the command's 0");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @DisplayName("a polite stop (SIGTERM, as timeout(1) sends) during the change: it finishes, the outcome is said, "
            + "exit 143")
    void termWaitsForTheChange() throws Exception {
        Process p = started("defer");
        try {
            BufferedReader out = stdout(p);
            signal("TERM", p.pid());
            assertEquals("finished", out.readLine(), "not cut off half-way");
            assertEquals("outcome said", out.readLine());
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(143, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @DisplayName("SIGTERM is held off only for a grace period, also after a Ctrl-C: a change that outlasts it is left "
            + "to recover, and the process says so and ends (exit 143)")
    void termEndsAfterTheGrace() throws Exception {
        Process p = started(List.of("-Dport853.termGraceMillis=1000"), "defer", "long");
        try {
            stdout(p);
            signal("INT", p.pid()); // a Ctrl-C held off first: the TERM after it still ends the wait
            long t0 = System.nanoTime();
            signal("TERM", p.pid());
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "ended long before the 30-s change");
            assertTrue(System.nanoTime() - t0 >= 900_000_000L, "not before the grace");
            assertEquals(143, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.contains("stopped (SIGTERM) before the DNS change finished: it is left pending"), err);
            assertTrue(err.contains("'port853 recover' checks it"), err);
        } finally {
            p.destroyForcibly();
        }
    }

    /** {@link Main} in a JVM of its own, with {@code args}. */
    private static Process started(String... args) throws Exception {
        return started(List.of(), args);
    }

    private static Process started(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    /** Its stdout, once the change has started. */
    private static BufferedReader stdout(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", out.readLine());
        return out;
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
        Thread.sleep(200);
    }
}
