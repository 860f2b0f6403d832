package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.ItemSnapshot;
import org.port853.change.ResolverControl;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * A revert and an apply in two helper processes at once, on a system that ships no /etc/systemd/resolved.conf.d (so
 * Port853 created it): the revert removes the directory once it is empty, and the apply writes into it. Each helper
 * has its own engine from {@link LinuxChange}; they share only the files and the change lock, as two processes do.
 */
@DisplayName("an apply waiting for a revert's lock still has the drop-in directory it writes into")
class DropInDirectoryRaceTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;
    final ExecutorService helpers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    /** A resolver that restarts and answers over TLS; {@code atRestart} runs when the engine restarts it. */
    static ResolverControl resolver(Runnable atRestart, Runnable atBootQuestion) {
        return new ResolverControl() {
            @Override
            public boolean offAtBoot() {
                atBootQuestion.run();
                return false;
            }

            @Override
            public void reload() {
                atRestart.run();
            }

            @Override
            public Health check(boolean requireEncrypted) {
                return new Health(true, true, "resolved example.com over an encrypted connection", null);
            }
        };
    }

    static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(10, TimeUnit.SECONDS), "the other helper never got there");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRevertsTidyingAndTheApplyDoNotInterleave() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path dir = paths.ourDropIn().getParent();
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        List<ItemSnapshot> target = platform.targetItems(HelperRequest.apply(StubListenerOffTest.STRICT, false));
        Runnable nothing = () -> { };
        assertEquals(Outcome.APPLIED, platform.engine(WAIT, resolver(nothing, nothing)).apply(target, "first", true)
                .outcome());
        assertTrue(Files.isDirectory(dir), "the first apply created the directory");

        // The revert has removed the drop-in and restarts the resolver, holding the lock, when the apply starts.
        CountDownLatch revertRestarts = new CountDownLatch(1);
        CountDownLatch applyStarted = new CountDownLatch(1);
        ChangeEngine reverting = platform.engine(WAIT, resolver(() -> {
            revertRestarts.countDown();
            await(applyStarted);
        }, nothing));
        Future<ApplyResult> revert = helpers.submit(reverting::revert);
        await(revertRestarts);
        // The apply's engine writes only once the revert's helper has finished, whatever it did after its engine.
        ChangeEngine applying = platform.engine(WAIT, resolver(nothing, () -> {
            try {
                revert.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        Future<ApplyResult> apply = helpers.submit(() -> {
            applyStarted.countDown();
            return applying.apply(target, "second", true);
        });

        assertEquals(Outcome.REVERTED, revert.get(10, TimeUnit.SECONDS).outcome());
        ApplyResult applied = apply.get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.APPLIED, applied.outcome(), applied.reason());
        assertTrue(Files.isRegularFile(paths.ourDropIn()), "the drop-in was written");

        assertEquals(Outcome.REVERTED, platform.engine(WAIT, resolver(nothing, nothing)).revert().outcome());
        assertFalse(Files.exists(dir), "the directory Port853 created was recorded, so the next revert removes it");
    }
}
