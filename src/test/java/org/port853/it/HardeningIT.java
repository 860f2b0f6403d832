package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.helper.PortHardening;
import org.port853.platform.ApplyResult;
import org.port853.platform.ProcessRunner;
import org.port853.rig.TestRig;

/** The port 53 hardening change with the real nft, in a network namespace of its own. */
class HardeningIT {
    private String ns;

    @BeforeEach
    void namespace() throws Exception {
        assertTrue(TestRig.available() && Files.isExecutable(Path.of("/usr/sbin/nft")), "needs root and nftables");
        ns = "hard" + TestRig.withWorktreeSuffixForLab("");
        run("ip", "netns", "del", ns);
        assertTrue(run("ip", "netns", "add", ns).ok());
    }

    @AfterEach
    void remove() throws Exception {
        run("ip", "netns", "del", ns);
    }

    private static ProcessRunner.Result run(String... cmd) throws Exception {
        return ProcessRunner.run(List.of(cmd), null, Duration.ofSeconds(10));
    }

    private String table() throws Exception {
        return run("ip", "netns", "exec", ns, "nft", "list", "ruleset").stdout();
    }

    @Test
    void appliesIdempotentlyAndReverts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nftables.d/port853-harden-dns.nft");
        PortHardening h = new PortHardening(file, List.of("ip", "netns", "exec", ns, "nft"),
                dir.resolve("state"), Duration.ofSeconds(5), dir.resolve("no-systemctl"));
        assertEquals(ApplyResult.Outcome.APPLIED, h.apply().outcome());
        ApplyResult again = h.apply();
        assertEquals(ApplyResult.Outcome.UNCHANGED, again.outcome(), "in place already: " + again.reason());
        assertTrue(again.reason().contains("in place already"), again.reason());
        assertTrue(run("ip", "netns", "exec", ns, "nft", "delete", "table", "inet", PortHardening.TABLE).ok());
        assertEquals(ApplyResult.Outcome.APPLIED, h.apply().outcome(), "the file alone (a restart dropped the table) "
                + "is loaded again");
        String live = table();
        assertEquals(1, live.split("udp dport 53 drop", -1).length - 1, live);
        assertTrue(live.contains("iifname != \"lo\" tcp dport 53 drop"), live);
        assertTrue(Files.exists(file));
        assertEquals(ApplyResult.Outcome.REVERTED, h.revert().outcome());
        assertFalse(table().contains("port853"));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(file.getParent()), "the directory the first apply created is gone again");
        ApplyResult twice = h.revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, twice.outcome(), "reverting twice is harmless and says so");
        assertEquals("there is no hardening rule to remove", twice.reason());
    }

    @Test
    void aFailedLoadLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nftables.d/port853-harden-dns.nft");
        // nft that accepts the delete but cannot load the file: the change must roll back completely
        Path fake = dir.resolve("nft-broken");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = -f ] && { echo 'Error: simulated' >&2; exit 1; }\nexec ip netns exec " + ns + " nft \"$@\"\n");
        fake.toFile().setExecutable(true);
        ApplyResult r = new PortHardening(file, List.of(fake.toString()), dir.resolve("state"), Duration.ofSeconds(5),
                dir.resolve("no-systemctl")).apply();
        assertEquals(ApplyResult.Outcome.ROLLED_BACK, r.outcome(), r.toString());
        assertFalse(Files.exists(file), "no file left after a failed load");
        assertFalse(Files.exists(file.getParent()), "nor the directory the apply created");
        assertFalse(table().contains("port853"));
    }
}
