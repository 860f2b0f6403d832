package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * {@code port853 harden} as root in a rig whose /etc is Debian 12's as shipped (nftables.conf includes nothing,
 * nftables.service not enabled): what it says about the next boot (exit 3 while the rule is lost at reboot), and what
 * its undo says about an include line left.
 * The rig's systemctl stand-in hands {@code is-enabled nftables.service} to the real systemctl, which has no systemd to
 * ask there, so the unit folders of the rig's /etc decide.
 */
class HardeningRigIT {
    private static final int NET = 183;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void sh(RigCli cli, String script) {
        TestRig.ExecResult r = cli.rig.exec(null, Duration.ofSeconds(20), "sh", "-euc", script);
        assertTrue(r.ok(), script + ": " + r.stderr());
    }

    @Test
    void saysEveryMissingStepAtOnceAndWhatTheUndoLeaves() throws Exception {
        try (RigCli cli = RigCli.start("p853h" + NET, NET, Map.of())) {
            sh(cli, "printf '#!/usr/sbin/nft -f\\n\\nflush ruleset\\n' > /etc/nftables.conf; "
                    + "rm -f /etc/systemd/system/*.wants/nftables.service");
            TestRig.ExecResult hardening = cli.run("harden", "--json");
            // done, but port 53 opens again at the next boot: exit 3, as the undo that leaves a broken boot file
            assertEquals(3, hardening.exitCode(), hardening.stdout() + hardening.stderr());
            JsonNode first = JSON.readTree(hardening.stdout());
            assertEquals("APPLIED", first.get("outcome").asText(), first.toString());
            assertEquals("inbound DNS is dropped on non-loopback interfaces, until the next reboot: /etc/nftables.conf "
                    + "does not include /etc/nftables.d/port853-harden-dns.nft, and nftables.service, which loads it at "
                    + "boot, is not enabled; to keep the rule, add the line include \"/etc/nftables.d/*.nft\" to "
                    + "/etc/nftables.conf and run systemctl enable nftables", first.get("reason").asText(),
                    "both steps in the first answer (root is told no sudo)");

            TestRig.ExecResult again = cli.run("harden");
            assertEquals(3, again.exitCode(), "in place, still lost at the next boot: " + again.stderr());
            assertTrue(again.stderr().startsWith("Unchanged: the hardening rule is in place already: inbound DNS is "
                    + "dropped on non-loopback interfaces, until the next reboot: "), again.stderr());

            sh(cli, "echo 'include \"/etc/nftables.d/port853-harden-dns.nft\"' >> /etc/nftables.conf; "
                    + "mkdir -p /etc/systemd/system/sysinit.target.wants; "
                    + "ln -s /lib/systemd/system/nftables.service /etc/systemd/system/sysinit.target.wants/");
            TestRig.ExecResult keeping = cli.run("harden", "--json");
            assertEquals(0, keeping.exitCode(), keeping.stdout() + keeping.stderr());
            JsonNode kept = JSON.readTree(keeping.stdout());
            assertEquals("the hardening rule is in place already: inbound DNS is dropped on non-loopback interfaces",
                    kept.get("reason").asText(), kept.toString());

            TestRig.ExecResult undoing = cli.run("harden", "--revert", "--json");
            // done, but the boot file now fails to load: exit 3, as a revert that leaves DNS broken
            assertEquals(3, undoing.exitCode(), undoing.stdout() + undoing.stderr());
            JsonNode undone = JSON.readTree(undoing.stdout());
            assertEquals("REVERTED", undone.get("outcome").asText(), undone.toString());
            assertEquals("the hardening rule is gone; /etc/nftables.conf still includes "
                    + "/etc/nftables.d/port853-harden-dns.nft by name: remove that line, or loading /etc/nftables.conf "
                    + "fails as a whole (nftables.service at boot, nft -f) and none of its rules take effect",
                    undone.get("reason").asText());
            TestRig.ExecResult boot = cli.rig.exec(null, Duration.ofSeconds(20), "nft", "-c", "-f", "/etc/nftables.conf");
            assertTrue(!boot.ok() && boot.stderr().contains("File not found"), "what the undo warns of: " + boot.stderr());
            TestRig.ExecResult undoneAgain = cli.run("harden", "--revert");
            assertEquals(3, undoneAgain.exitCode(), "nothing left to remove, the line still there: " + undoneAgain.stderr());
            sh(cli, "sed -i '/port853-harden-dns/d' /etc/nftables.conf");
            TestRig.ExecResult clean = cli.run("harden", "--revert");
            assertEquals(0, clean.exitCode(), clean.stdout() + clean.stderr());
        }
    }
}
