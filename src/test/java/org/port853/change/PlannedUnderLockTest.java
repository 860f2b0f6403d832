package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.linux.FileItemStore;

/** A platform's plan and its "nothing to revert" are asked holding the change lock, never before it. */
@DisplayName("an apply's plan and a revert's 'nothing to revert' are asked under the change lock")
class PlannedUnderLockTest {
    @TempDir
    Path root;
    Path dir;
    Path dropIn;
    ChangeEngine engine;

    @BeforeEach
    void engine() {
        dir = root.resolve("var/lib/port853");
        dropIn = root.resolve("zz-port853.conf");
        engine = new ChangeEngine(new JournalStore(dir), new FileItemStore(Set.of(dropIn)),
                new ChangeEngineTest.RecordingControl(), Duration.ofMillis(200), List.of());
    }

    private void lockIsHeld() {
        assertThrows(ChangeLock.BusyException.class, () -> ChangeLock.acquire(dir, Duration.ZERO).close());
    }

    @Test
    void thePlanIsMadeHoldingTheLock() throws IOException {
        ApplyResult r = engine.applyPlanned(() -> {
            lockIsHeld();
            return ApplyPlan.of(List.of(FileItemStore.file(dropIn, "[Resolve]\n")), "planned");
        }, true);
        assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
        assertEquals("planned", new JournalStore(dir).load().history().get(0).description());
    }

    @Test
    void aRefusedPlanWritesNothing() throws IOException {
        ApplyResult r = engine.applyPlanned(() -> ApplyPlan.refused(Sentence.of("refused by the test",
                "refused.test")), true);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertEquals("refused by the test", r.reason());
        assertFalse(Files.exists(dropIn));
        assertTrue(new JournalStore(dir).load().isEmpty());
    }

    @Test
    void nothingToRevertIsAskedWithTheJournalUnderTheLock() throws IOException {
        engine.apply(List.of(FileItemStore.file(dropIn, "[Resolve]\n")), "ours", true);
        Journal[] seen = {null};
        ApplyResult r = engine.revertUnless(ChangeEngine.RevertRefusal.NONE, journal -> {
            lockIsHeld();
            seen[0] = journal;
            return Optional.of(Sentence.of("nothing of ours, says the test", "result.test"));
        });
        assertEquals(Outcome.UNCHANGED, r.outcome());
        assertEquals("nothing of ours, says the test", r.reason());
        assertEquals(new JournalStore(dir).load(), seen[0]);
        assertTrue(Files.exists(dropIn), "nothing is reverted");
    }
}
