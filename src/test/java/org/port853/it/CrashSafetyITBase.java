package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * Issue 10: an apply killed with SIGKILL after resolved was restarted (or reloaded) with strict settings towards
 * an upstream it does not trust, and before the health check (the rig's systemctl pauses after the restart);
 * concurrent applies; a write that fails. Real resolved, real unbound, real files; once per systemd release of
 * the matrix (subclasses CrashSafety247IT, ...).
 */
abstract class CrashSafetyITBase {
    private RigCli cli;

    abstract int systemd();

    private RigCli rig(int net) {
        cli = RigCli.start("p853c" + net, net, systemd(), Map.of("RIG_LINK_DNS", "198.18." + net + ".4"));
        return cli;
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    /** Starts a strict apply towards {@code server} and SIGKILLs it while the health check is pending. */
    private static void killedApply(RigCli c, String server, String... more) throws Exception {
        c.rig.pauseAfterRestart(60);
        List<String> args = new ArrayList<>(List.of("apply", "--server", server + "#dot.test", "--mode", "strict",
                "--all-domains"));
        args.addAll(List.of(more));
        Process p = c.startAsync(args.toArray(String[]::new));
        awaitPausedRestart(c, 30);
        p.destroyForcibly();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        long pausedSystemctl = Long.parseLong(Files.readString(c.rig.pausedFile()).strip());
        ProcessHandle.of(pausedSystemctl).ifPresent(ProcessHandle::destroyForcibly);
        c.rig.pauseAfterRestart(0);
        assertTrue(Files.exists(c.dropIn()), "the killed apply had written its drop-in");
    }

    @Test
    @DisplayName("after a kill, status is not protected and names the interrupted change")
    void statusAfterKill() throws Exception {
        RigCli c = rig(81);
        killedApply(c, c.rig.untrustedServer());
        JsonNode s = c.json("status", "--json");
        assertNotEquals("PROTECTED", s.path("assessment").path("verdict").asText());
        assertTrue(ResolvedAdapterITBase.codes(s).contains("CHANGE_INTERRUPTED"), s.toString());
        assertFalse(s.path("pendingChange").isNull());
        TestRig.ExecResult asUser = c.runAsNobody("status", "--json");
        assertTrue(asUser.stdout().contains("CHANGE_INTERRUPTED"), "a desktop user sees it too: " + asUser.stdout());
    }

    @Test
    @DisplayName("after a kill, revert restores the state from before, byte for byte, and names resolve")
    void revertAfterKill() throws Exception {
        RigCli c = rig(82);
        killedApply(c, c.rig.untrustedServer());
        TestRig.ExecResult r = c.run("revert");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertFalse(Files.exists(c.dropIn()));
        assertEquals(0, c.lookup("example.com").exitCode(), "names resolve again");
        assertTrue(c.json("status", "--json").path("pendingChange").isNull());
    }

    @Test
    @DisplayName("after a kill, the same apply again is not a no-op: it checks and rolls back to the state before")
    void sameApplyAfterKill() throws Exception {
        RigCli c = rig(83);
        Files.writeString(c.dropIn(), "[Resolve]\n# the admin's own file, replaced by the killed apply\n");
        killedApply(c, c.rig.untrustedServer());
        TestRig.ExecResult dry = c.run("apply", "--server", c.rig.untrustedServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--dry-run");
        assertTrue(dry.stderr().contains("note: a change was interrupted before its check")
                && dry.stderr().contains("this apply would replace it"), "said, not taken over silently: " + dry.stderr());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.untrustedServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("ROLLED_BACK"), r.stdout());
        assertTrue(r.stderr().contains("this apply replaces it"), r.stderr());
        assertEquals("[Resolve]\n# the admin's own file, replaced by the killed apply\n", Files.readString(c.dropIn()));
        assertEquals(0, c.lookup("example.com").exitCode());
    }

    @Test
    @DisplayName("after a kill, the same apply --link-resolv-conf again keeps the link the killed run wrote")
    void sameLinkingApplyAfterKill() throws Exception {
        RigCli c = rig(95);
        c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "rm /etc/resolv.conf && printf 'nameserver 198.18.95.4\\n' > /etc/resolv.conf");
        killedApply(c, c.rig.goodServer(), "--link-resolv-conf");
        assertTrue(Files.isSymbolicLink(c.rig.resolvConfFile()), "the killed apply had linked resolv.conf");
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--link-resolv-conf");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("STUB", c.json("status", "--json").path("resolvConf").path("kind").asText(), r.stdout());
        assertTrue(c.json("status", "--json").path("pendingChange").isNull());
    }

    @Test
    @DisplayName("recover rolls back a bad interrupted change and keeps a good one")
    void recover() throws Exception {
        RigCli c = rig(84);
        killedApply(c, c.rig.untrustedServer());
        TestRig.ExecResult bad = c.run("recover", "--json");
        assertEquals(1, bad.exitCode(), bad.stdout() + bad.stderr());
        assertTrue(bad.stdout().contains("ROLLED_BACK"), bad.stdout());
        assertFalse(Files.exists(c.dropIn()));
        assertEquals(0, c.lookup("example.com").exitCode());

        killedApply(c, c.rig.goodServer());
        String written = Files.readString(c.dropIn());
        TestRig.ExecResult good = c.run("recover", "--json");
        assertEquals(0, good.exitCode(), good.stdout() + good.stderr());
        assertTrue(good.stdout().contains("\"outcome\" : \"KEPT\""), good.stdout());
        assertEquals(written, Files.readString(c.dropIn()));
        Versions.assertProtectedAsFarAsProvable(systemd(), c.json("status", "--json"));
        TestRig.ExecResult nothingLeft = c.run("recover");
        assertTrue(nothingLeft.stdout().contains("there is no interrupted change"), nothingLeft.stdout());
    }

    @Test
    @DisplayName("recover that keeps a change programs bypass (a static resolv.conf) says so, as its apply would have")
    void recoverKeptButBypassed() throws Exception {
        RigCli c = rig(96);
        c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "rm /etc/resolv.conf && printf 'nameserver 198.18.96.4\\n' > /etc/resolv.conf");
        killedApply(c, c.rig.goodServer());
        TestRig.ExecResult r = c.run("recover", "--json");
        assertEquals(3, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"NOT_COVERED\""), r.stdout());
        // the rig's /etc/nsswitch.conf is Debian's (hosts: files dns), so the C library follows the file too
        assertTrue(r.stdout().contains("so nearly every program on this machine bypasses this change (the C library "
                + "follows the file)"), r.stdout());
        assertTrue(c.json("status", "--json").path("pendingChange").isNull(), "the change was kept all the same");
    }

    /** Waits until an apply reached the rig's paused restart (it holds the change lock then). */
    private static void awaitPausedRestart(RigCli c, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(c.rig.pausedFile()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(c.rig.pausedFile()), "the apply reached the restart");
    }

    @Test
    @DisplayName("two applies, the second started while the first restarts, are serialised, end consistent, and revert restores the state before both")
    void concurrentApplies() throws Exception {
        RigCli c = rig(85);
        c.rig.pauseAfterRestart(2);
        Process first = c.startAsync("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        // the second starts once the first holds the lock (paused in its restart), not a fixed second later: on a busy
        // machine the first's JVM took longer than that to start, the second took the lock first and "won" too early
        awaitPausedRestart(c, 60);
        Process second = c.startAsync("apply", "--server", c.rig.goodServer6() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS));
        c.rig.pauseAfterRestart(0);
        assertEquals(0, first.exitValue());
        assertEquals(0, second.exitValue());
        // The serialisation itself: the journal's history shows two complete changes, and the second one began
        // (under the lock) only after the first had ended, although it was started while the first was paused.
        JsonNode journal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readString(c.rig.stateDir().resolve("journal.json")));
        JsonNode history = journal.path("history");
        assertEquals(2, history.size(), journal.toString());
        for (JsonNode h : history) {
            assertEquals("APPLIED", h.path("outcome").asText(), history.toString());
        }
        java.time.Instant firstEnded = java.time.Instant.parse(history.get(0).path("finished").asText());
        java.time.Instant secondBegan = java.time.Instant.parse(history.get(1).path("started").asText());
        java.time.Instant firstBegan = java.time.Instant.parse(history.get(0).path("started").asText());
        assertFalse(secondBegan.isBefore(firstEnded), "never two writers: the second began " + secondBegan
                + " before the first ended " + firstEnded);
        assertTrue(java.time.Duration.between(firstBegan, secondBegan).toMillis() >= 1900,
                "the second waited for the first's paused restart: " + history);
        assertTrue(Files.readString(c.dropIn()).contains(c.rig.goodServer6() + "#dot.test"), "the later one wins: "
                + Files.readString(c.dropIn()));
        JsonNode s = c.json("status", "--json");
        assertTrue(s.path("pendingChange").isNull());
        Versions.assertProtectedAsFarAsProvable(systemd(), s);
        assertEquals(0, c.run("revert").exitCode());
        assertFalse(Files.exists(c.dropIn()));
        assertEquals(0, c.lookup("example.com").exitCode());
    }

    @Test
    @DisplayName("a write that fails leaves everything as it was and names the file")
    void failedWrite() throws IOException {
        RigCli c = rig(86);
        TestRig.ExecResult ro = c.rig.exec(null, Duration.ofSeconds(10), "mount", "-o", "remount,bind,ro",
                "/etc/systemd/resolved.conf.d");
        assertEquals(0, ro.exitCode(), ro.stderr());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("/etc/systemd/resolved.conf.d/zz-port853.conf"), r.stderr());
        assertTrue(r.stderr().contains("nothing was changed"), r.stderr());
        assertFalse(Files.exists(c.dropIn()));
        JsonNode s = c.json("status", "--json");
        assertTrue(s.path("pendingChange").isNull(), "no half-done change is left");
        assertEquals(0, c.lookup("example.com").exitCode());
        assertTrue(c.rig.systemctlLog().stream().noneMatch(l -> l.contains("restart")), "no restart happened");
        List<String> files = List.of(c.rig.dropInDir().toFile().list());
        assertTrue(files.isEmpty(), "nothing left in the drop-in directory: " + files);
        for (Path d : List.of(c.rig.dropInDir(), c.rig.stateDir())) {
            String[] names = d.toFile().list();
            List<String> temps = names == null ? List.of() : java.util.Arrays.stream(names)
                    .filter(n -> n.contains(org.port853.change.AtomicFiles.TEMP_MARKER)).toList();
            assertTrue(temps.isEmpty(), "no temp file (" + org.port853.change.AtomicFiles.TEMP_MARKER + ") in " + d
                    + ": " + temps);
        }
    }
}
