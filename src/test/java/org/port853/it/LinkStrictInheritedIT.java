package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.rig.TestRig;

/**
 * A desktop whose router's plaintext DNS server sits on its link with the default route and the link's DNS-over-TLS
 * unset (NetworkManager's default), so the link inherits the global strict mode. Without all domains routed, the
 * encrypted server's "no such name" loses to the link's failure: names that do not exist (and names only the router
 * knows) fail after a wait instead of being answered. The rig's server answers like the internet (RIG_UPSTREAM=internet):
 * example.com exists, names under it do not.
 */
@DisplayName("strict mode inherited by a link with a plaintext router's DNS is caught before it is kept")
class LinkStrictInheritedIT {
    private static final int NET = 148;

    private static TestRig.ExecResult query(RigCli cli, String name) {
        return cli.rig.exec(null, Duration.ofSeconds(20), "resolvectl", "query", "--cache=no", name);
    }

    @ParameterizedTest(name = "systemd {0}")
    @ValueSource(ints = {252, 257})
    void strictWithoutAllDomainsRollsBackNamingTheLink(int systemd) {
        try (RigCli cli = RigCli.start("p853i" + NET, NET, systemd, Map.of("RIG_LINK_DNS", "198.18." + NET + ".4",
                "RIG_UPSTREAM", "internet"))) {
            strictWithoutAllDomainsRollsBack(cli);
        }
    }

    private static void strictWithoutAllDomainsRollsBack(RigCli cli) {
        TestRig.ExecResult preview = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "strict", "--dry-run");
        String planned = preview.stdout() + preview.stderr();
        assertTrue(planned.contains("note: link eth0 has its own DNS server (198.18." + NET + ".4, default route) "
                + "and would inherit strict mode"), planned);

        TestRig.ExecResult apply = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "strict");
        String said = apply.stdout() + apply.stderr();
        assertEquals(1, apply.exitCode(), said);
        assertTrue(said.contains("link eth0"), said);
        assertTrue(said.contains("198.18." + NET + ".4"), said);
        assertTrue(said.contains("--all-domains"), said);
        assertFalse(cli.dropIn().toFile().exists(), "rolled back: " + said);

        TestRig.ExecResult routed = cli.runTrustingRigCa("apply", "--server", cli.rig.goodServer() + "#dot.test",
                "--mode", "strict", "--all-domains");
        assertEquals(0, routed.exitCode(), routed.stdout() + routed.stderr());
        TestRig.ExecResult looked = query(cli, "nothere.example.com");
        String missing = looked.stdout() + looked.stderr();
        assertTrue(missing.contains("not found") || missing.contains("does not exist"), missing);
        RigCli.assertRevertExitMatchesMessage(cli.run("revert"));
    }
}
