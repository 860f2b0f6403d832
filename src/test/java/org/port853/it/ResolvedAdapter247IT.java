package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

@DisplayName("systemd-resolved 247 adapter against a real resolved and unbound")
class ResolvedAdapter247IT extends ResolvedAdapterITBase {
    @Override
    int systemd() {
        return 247;
    }

    @Test
    @DisplayName("247: replies carry flags 0x1 and refuse the request flags; a working strict apply is kept on the capture's proof")
    void strictOn247IsKeptOnCaptureProof() {
        RigCli c = rig(93);
        long[] pids = new long[2];
        TestRig.ExecResult r = applyStrictGood(c, pids);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"APPLIED\""), r.stdout());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());
        assertTrue(r.stdout().contains("packets on port 853 and none on 53"), r.stdout());
        assertTrue(c.resolveHostnameRaw("example.com", 0).endsWith("\"example.com\" 1"), "247 reports no transport");
        assertTrue(c.resolveHostnameRaw("example.com", 1L << 12).contains("Invalid flags parameter"),
                "247 has no NO_CACHE");
        assertTrue(pids[0] != pids[1], "247 restarts (no reload)");
    }

    @Test
    @DisplayName("247: the fresh name the check looks up does not exist on the internet; \"no such name\" over 853 proves it")
    void freshNameThatDoesNotExistIsAnAnswer() {
        RigCli c = rig(94);
        c.rig.upstreamLikeTheInternet();
        long[] pids = new long[2];
        TestRig.ExecResult r = applyStrictGood(c, pids);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());
        assertTrue(c.lookup("port853-0123.example.com").stdout().contains("status: NXDOMAIN"),
                "the server answers as on the internet");
    }
}
