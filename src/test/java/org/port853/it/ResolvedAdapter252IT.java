package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

@DisplayName("systemd-resolved 252 (this host's) adapter against a real resolved and unbound")
class ResolvedAdapter252IT extends ResolvedAdapterITBase {
    @Override
    int systemd() {
        return 252;
    }

    @Test
    @DisplayName("252: strict apply restarts resolved (no reload before 256) and replies say confidential, from network")
    void strictOn252RestartsAndReportsTransport() {
        RigCli c = rig(93);
        long[] pids = new long[2];
        TestRig.ExecResult r = applyStrictGood(c, pids);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("over an encrypted connection (answered by global server "
                + c.rig.goodServer() + "#dot.test"), r.stdout());
        assertTrue(pids[0] != pids[1], "a new process");
        assertTrue(c.rig.systemctlLog().stream().anyMatch(l -> l.startsWith("restart ")), c.rig.systemctlLog().toString());
        assertTrue(c.resolveHostnameRaw("example.com", 1L << 12).endsWith(" " + 0x840001));
    }

    @Test
    @DisplayName("252: a change that fails its check on a machine without resolved at boot (a static resolv.conf) is "
            + "rolled back with the start at boot it turned on, and says the resolver runs until the next boot")
    void aRolledBackChangeTurnsTheBootStartItTurnedOnOffAgain() {
        RigCli c = rig(115);
        String ownServer = "198.18.115.4";
        assertTrue(c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c", "rm -f /etc/resolv.conf && echo "
                + "'nameserver " + ownServer + "' > /etc/resolv.conf").ok());
        assertTrue(c.rig.exec(null, java.time.Duration.ofSeconds(20), "systemctl", "disable", "--now",
                "systemd-resolved.service").ok());
        TestRig.ExecResult r = c.runTrustingRigCa("apply", "--server", c.rig.untrustedServer() + "#dot.test", "--mode",
                "strict", "--all-domains");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        String said = r.stdout() + r.stderr();
        assertTrue(said.contains("Rolled back: ") && said.contains("; systemd-resolved, whose start at boot Port853 had "
                + "turned on, keeps running until the next boot"), said);
        TestRig.ExecResult atBoot = c.rig.exec(null, java.time.Duration.ofSeconds(10), "systemctl", "is-enabled",
                "systemd-resolved.service");
        assertEquals("disabled", atBoot.stdout().strip(), "off at boot again, as before the change");
        TestRig.ExecResult revert = c.run("revert");
        assertEquals(0, revert.exitCode(), revert.stdout() + revert.stderr());
        assertTrue(revert.stdout().startsWith("Nothing to revert") || revert.stdout().contains("nothing to revert"),
                "the rollback left nothing for revert: " + revert.stdout());
    }
}
