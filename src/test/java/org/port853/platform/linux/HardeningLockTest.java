package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeLock;
import org.port853.change.ItemSnapshot;
import org.port853.helper.HelperRequest;
import org.port853.helper.PortHardening;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Harden and unharden beside an apply or a revert, as two helper processes: they share the list of directories Port853
 * created (the state directory's created-directories), which each reads and writes again, so they take turns by the
 * change lock. A line lost to the other's write would leave a directory Port853 created behind for good.
 */
@DisplayName("harden and unharden take the change lock that apply and revert hold")
class HardeningLockTest {
    static final Duration WAIT = DropInDirectoryRaceTest.WAIT;

    @TempDir
    Path root;
    LinuxPaths paths;
    LinuxChange platform;
    List<ItemSnapshot> target;
    Path nftDir;
    Path nft;

    /**
     * nft as a script over a file: -f loads (copies) the table, and the first load waits, once it has said so
     * ({@code loading}), until the test lets it go on ({@code go}).
     */
    @BeforeEach
    void fakeNft() throws IOException {
        paths = LinuxPaths.under(root);
        platform = new LinuxChange(paths, 252, () -> "yes");
        target = platform.targetItems(HelperRequest.apply(StubListenerOffTest.STRICT, false));
        nftDir = Files.createDirectories(root.resolve("nft"));
        nft = nftDir.resolve("nft");
        Files.writeString(nft, "#!/bin/sh\nd=" + nftDir + "\ncase \"$1\" in\n"
                + "-f) cp \"$2\" $d/table; touch $d/loading; i=0\n"
                + "    while [ ! -e $d/go ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; exit 0;;\n"
                + "list) cat $d/table 2>/dev/null && exit 0;;\n"
                + "delete) rm $d/table 2>/dev/null && exit 0;;\n"
                + "esac\necho 'Error: No such file or directory' >&2; exit 1\n");
        assertTrue(nft.toFile().setExecutable(true));
    }

    PortHardening hardening(Duration lockWait) {
        return new PortHardening(root.resolve("etc/nftables.d/port853-harden-dns.nft"), List.of(nft.toString()),
                paths.stateDir(), lockWait, root.resolve("no-systemctl"));
    }

    Path resolvedDir() {
        return paths.ourDropIn().getParent();
    }

    Path hardeningDir() {
        return root.resolve("etc/nftables.d");
    }

    void awaitFile(Path f) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(f)) {
            assertTrue(System.nanoTime() < deadline, "the harden never loaded its table");
            Thread.sleep(20);
        }
    }

    /** Reverts both changes and checks that each leaves no directory Port853 created. */
    void bothUndoneLeaveNothing() throws IOException {
        assertEquals(List.of(hardeningDir().toString(), resolvedDir().toString()), Files.readAllLines(
                paths.stateDir().resolve("created-directories")).stream().sorted().toList(), "both are listed");
        assertEquals(Outcome.REVERTED, hardening(WAIT).revert().outcome());
        assertFalse(Files.exists(hardeningDir()), "the directory the harden created went with the unharden");
        assertEquals(Outcome.REVERTED, platform.engine(WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .revert().outcome());
        assertFalse(Files.exists(resolvedDir()), "the directory the apply created went with the revert");
    }

    @Test
    @DisplayName("an apply that comes while a harden loads its table waits for it (here: is refused at once)")
    void aHardenHoldsTheLockWhileItWorks() throws Exception {
        FutureTask<ApplyResult> harden = new FutureTask<>(() -> hardening(WAIT).apply());
        Thread helper = new Thread(harden, "harden");
        helper.setDaemon(true);
        helper.start();
        awaitFile(nftDir.resolve("loading")); // the harden has written its file and runs nft -f

        assertThrows(ChangeLock.BusyException.class, () -> platform.engine(Duration.ZERO,
                DropInDirectoryRaceTest.resolver(() -> { }, () -> { })).apply(target, "during the harden", true));
        assertFalse(Files.exists(resolvedDir()), "the apply did not touch the list while the harden held it");

        Files.createFile(nftDir.resolve("go"));
        assertEquals(Outcome.APPLIED, harden.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(Outcome.APPLIED, platform.engine(WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .apply(target, "after the harden", true).outcome());
        bothUndoneLeaveNothing();
    }

    @Test
    @DisplayName("a harden or unharden that comes while a revert restarts the resolver waits for it (here: is refused "
            + "at once)")
    void aRevertHoldsTheLockAgainstHardenAndUnharden() throws Exception {
        Files.createFile(nftDir.resolve("go"));
        assertEquals(Outcome.APPLIED, platform.engine(WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .apply(target, "first", true).outcome());
        List<String> during = new ArrayList<>();
        Runnable hardenAndUnharden = () -> {
            for (String action : List.of("harden", "unharden")) {
                try {
                    ApplyResult r = action.equals("harden") ? hardening(Duration.ZERO).apply()
                            : hardening(Duration.ZERO).revert();
                    during.add(action + ": " + r.outcome());
                } catch (ChangeLock.BusyException e) {
                    during.add(action + ": waits");
                } catch (IOException e) {
                    during.add(action + ": " + e);
                }
            }
        };
        assertEquals(Outcome.REVERTED, platform.engine(WAIT, DropInDirectoryRaceTest.resolver(hardenAndUnharden,
                () -> { })).revert().outcome());
        assertEquals(List.of("harden: waits", "unharden: waits"), during);
        assertFalse(Files.exists(hardeningDir()));

        assertEquals(Outcome.APPLIED, hardening(WAIT).apply().outcome());
        assertEquals(Outcome.APPLIED, platform.engine(WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .apply(target, "again", true).outcome());
        bothUndoneLeaveNothing();
    }
}
