package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * A desktop whose router's DNS server comes with DNS-over-TLS switched off on its link (RIG_LINK_DOT=no): in
 * opportunistic mode without all domains routed, its plaintext answers are the link's doing, not a fallback of
 * opportunistic mode, and every command says so.
 */
@DisplayName("a link whose own server is never asked over TLS is named as the cause of plaintext answers")
class LinkPlaintextIT {
    private static RigCli cli;
    private static final int NET = 102;

    @BeforeAll
    static void start() {
        cli = RigCli.start("p853l" + NET, NET, Map.of("RIG_LINK_DNS", "198.18." + NET + ".4", "RIG_LINK_DOT", "no"));
    }

    @AfterAll
    static void stop() {
        if (cli != null) cli.close();
    }

    private static List<String> codes(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.path("assessment").path("reasons").forEach(r -> out.add(r.path("code").asText()));
        return out;
    }

    @Test
    void theLinkIsNamedNotAFallback() {
        TestRig.ExecResult routed = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "opportunistic", "--all-domains");
        assertEquals(0, routed.exitCode(), routed.stdout() + routed.stderr());
        assertFalse(codes(cli.json("status", "--json")).contains("LINK_ANSWERED_PLAINTEXT"), "all names routed");

        // without all domains (the settings before routed every name: the link is judged as the change leaves it)
        TestRig.ExecResult apply = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "opportunistic");
        String said = apply.stdout() + apply.stderr();
        assertEquals(3, apply.exitCode(), said);
        assertTrue(said.contains("link eth0 has its own DNS server (198.18." + NET + ".4)"), said);
        assertTrue(said.contains("--all-domains"), said);
        assertFalse(said.contains("plaintext fallback"), said);

        JsonNode status = cli.json("status", "--json");
        List<String> codes = codes(status);
        assertFalse(codes.contains("DOT_DOWNGRADED"), "TLS to the global server works: " + status);
        assertTrue(codes.contains("LINK_PLAINTEXT_DEFAULT_ROUTE"), status.toString());
        // resolved asks the link's server beside the encrypted one for every name (verify counts each query leaked):
        // whichever answered the status's own lookup first, the verdict is the same, and it is not "at risk"
        assertEquals("NOT_ENCRYPTED", status.path("assessment").path("verdict").asText(), status.toString());
        assertEquals(0, cli.run("revert").exitCode());
    }
}
