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
}
