package org.port853.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-test of the rig: strict DoT through a real resolved to a real unbound, proved by a capture. */
class TestRigTest {

    private static final Duration T = Duration.ofSeconds(15);

    @Test
    void strictDotGoesOverPort853Only(@TempDir Path tmp) throws Exception {
        assumeTrue(TestRig.available(), "needs root, unbound, systemd-resolved, iproute2");
        try (TestRig rig = TestRig.start("rigself", 250, Map.of())) {
            assertEquals("198.18.250.2", rig.goodServer());
            Files.writeString(rig.dropInDir().resolve("zz-test.conf"),
                    "[Resolve]\nDNS=" + rig.goodServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\n");
            assertTrue(rig.exec(null, T, "systemctl", "restart", "systemd-resolved").ok());
            assertEquals("restart systemd-resolved", rig.systemctlLog().get(0));

            Path pcap = tmp.resolve("dot.pcap");
            rig.captureStart(pcap);
            TestRig.ExecResult r = rig.exec(null, T, "busctl", "call", "org.freedesktop.resolve1",
                    "/org/freedesktop/resolve1", "org.freedesktop.resolve1.Manager", "ResolveHostname",
                    "isit", "0", "example.com", "0", "0");
            rig.captureStop();
            assertTrue(r.ok(), r.stderr());
            long flags = Long.parseLong(r.stdout().trim().replaceAll(".* ", ""));
            assertTrue((flags & 0x40000) != 0, "SD_RESOLVED_CONFIDENTIAL in " + r.stdout());
            assertTrue(r.stdout().contains("198 51 100 1"), r.stdout());

            TestRig.ExecResult p53 = rig.exec(null, T, "tcpdump", "-nr", pcap.toString(), "port", "53");
            TestRig.ExecResult p853 = rig.exec(null, T, "tcpdump", "-nr", pcap.toString(), "port", "853");
            assertTrue(p53.stdout().isBlank(), p53.stdout());
            assertFalse(p853.stdout().isBlank());

            TestRig.ExecResult echo = rig.exec("hello\n", T, "sh", "-c", "cat; exit 3");
            assertEquals(new TestRig.ExecResult(3, "hello\n", ""), echo);
        }
    }

    /** The fix Port853 gives for a stopped resolver, "systemctl enable --now systemd-resolved.service", works here. */
    @Test
    void enableNowStartsAndDisableNowStops() {
        assumeTrue(TestRig.available(), "needs root, unbound, systemd-resolved, iproute2");
        try (TestRig rig = TestRig.start("rigself", 250, Map.of())) {
            assertTrue(rig.exec(null, T, "systemctl", "disable", "--now", "systemd-resolved.service").ok());
            assertEquals("inactive\n", rig.exec(null, T, "systemctl", "is-active", "systemd-resolved").stdout());
            assertEquals("disabled\n", rig.exec(null, T, "systemctl", "is-enabled", "systemd-resolved").stdout());
            assertTrue(rig.exec(null, T, "systemctl", "enable", "--now", "systemd-resolved.service").ok());
            assertEquals("active\n", rig.exec(null, T, "systemctl", "is-active", "systemd-resolved").stdout());
            assertEquals("enabled\n", rig.exec(null, T, "systemctl", "is-enabled", "systemd-resolved").stdout());
        }
    }

    /**
     * A desktop user's Port853 reads the version and the resolver's state through systemctl as the real one answers
     * anyone: the stand-in failed for a user who may not write its log, so status as nobody took systemd 247 for an
     * unknown release.
     */
    @Test
    void theStandInAnswersAnUnprivilegedUser() {
        assumeTrue(TestRig.available(), "needs root, unbound, systemd-resolved, iproute2");
        try (TestRig rig = TestRig.start("rignobody", 136, Map.of())) {
            TestRig.ExecResult version = rig.exec(null, T, "setpriv", "--reuid=65534", "--regid=65534",
                    "--clear-groups", "systemctl", "--version");
            assertEquals(0, version.exitCode(), version.stderr());
            assertTrue(version.stdout().startsWith("systemd "), version.stdout());
            assertEquals("active\n", rig.exec(null, T, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "systemctl", "is-active", "systemd-resolved").stdout());
        }
    }
}
