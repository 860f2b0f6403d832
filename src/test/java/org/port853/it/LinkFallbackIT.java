package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * A desktop whose router's DNS server comes with opportunistic DNS-over-TLS on its link (RIG_LINK_DOT=opportunistic)
 * and no TLS there (the plain-only server): resolved asks it beside the encrypted servers for every name and falls
 * back to plaintext each time, while the encrypted answer may come first. Strict mode without all domains routed must
 * not be reported as encrypted.
 */
@DisplayName("a link whose own opportunistic mode falls back beside the encrypted servers fails strict mode's check")
class LinkFallbackIT {
    private static RigCli cli;
    private static final int NET = 105;

    @BeforeAll
    static void start() {
        cli = RigCli.start("p853b" + NET, NET, Map.of("RIG_LINK_DNS", "198.18." + NET + ".4",
                "RIG_LINK_DOT", "opportunistic"));
    }

    @AfterAll
    static void stop() {
        if (cli != null) cli.close();
    }

    @Test
    void strictWithoutAllDomainsRollsBackNamingTheLink() {
        TestRig.ExecResult apply = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "strict");
        String said = apply.stdout() + apply.stderr();
        assertEquals(1, apply.exitCode(), said);
        assertTrue(said.contains("link eth0 falls back to plaintext DNS (198.18." + NET + ".4"), said);
        assertTrue(said.contains("--all-domains"), said);

        TestRig.ExecResult routed = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "strict", "--all-domains");
        assertEquals(0, routed.exitCode(), routed.stdout() + routed.stderr());
        JsonNode status = cli.json("status", "--json");
        assertEquals("PROTECTED", status.path("assessment").path("verdict").asText(), status.toString());
        assertEquals(0, cli.run("revert").exitCode());
    }
}
