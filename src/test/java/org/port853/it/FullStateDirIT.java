package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * A full file system under Port853's state directory (a tiny tmpfs mounted over /var/lib/port853 in the rig's mount
 * namespace, filled up): the journal cannot be written, so nothing changes, and the failure names where.
 */
class FullStateDirIT {
    private RigCli cli;

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    @DisplayName("with /var/lib/port853 full, revert changes nothing and says the journal there could not be written")
    void revertWithTheStateDirectoryFull() {
        cli = RigCli.start("p853s106", 106, Map.of("RIG_LINK_DNS", "198.18.106.4"));
        TestRig.ExecResult applied = cli.run("apply", "--server", cli.rig.goodServer() + "#dot.test", "--mode",
                "strict", "--all-domains");
        assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());
        // the state is carried over through a fresh folder, removed again
        TestRig.ExecResult full = cli.rig.exec(null, Duration.ofSeconds(10), "sh", "-c", "s=$(mktemp -d) && "
                + "cp -a /var/lib/port853/. \"$s\"/ && mount -t tmpfs -o size=16k tmpfs /var/lib/port853 && cp -a "
                + "\"$s\"/. /var/lib/port853/ && rm -rf \"$s\" && { dd if=/dev/zero of=/var/lib/port853/fill bs=1k "
                + "count=64 2>/dev/null; true; }");
        assertEquals(0, full.exitCode(), full.stderr());

        TestRig.ExecResult r = cli.run("revert");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("journal in /var/lib/port853") && r.stderr().contains("No space left on device"),
                r.stderr());
        assertTrue(Files.exists(cli.dropIn()), "nothing was reverted");
        assertEquals(0, cli.lookup("example.com").exitCode());
    }
}
