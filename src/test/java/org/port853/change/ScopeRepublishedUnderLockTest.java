package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.linux.FileItemStore;

/**
 * A journal whose scope is missing (written by an earlier Port853) gets it published again by the next change. Only
 * under the change lock: another change that holds it may save a new journal between the reading of this one and the
 * stamp its scope is published with, which would give the new journal the old one's scope.
 */
@DisplayName("a change publishes the journal's missing revert scope once it holds the change lock")
class ScopeRepublishedUnderLockTest {
    @TempDir
    Path root;
    Path dir;
    ChangeEngine engine;

    @BeforeEach
    void aJournalWithoutItsScope() throws IOException {
        dir = root.resolve("var/lib/port853");
        Path dropIn = root.resolve("zz-port853.conf");
        engine = new ChangeEngine(new JournalStore(dir), new FileItemStore(Set.of(dropIn)),
                new ChangeEngineTest.RecordingControl(), Duration.ofMillis(200), List.of());
        assertEquals(Outcome.APPLIED, engine.apply(List.of(FileItemStore.file(dropIn, "[Resolve]\n")), "ours", true)
                .outcome());
        Files.delete(dir.resolve(RevertScope.FILE));
    }

    @Test
    void nothingIsPublishedWhileAnotherChangeHoldsTheLock() throws IOException {
        ChangeLock anotherChange = ChangeLock.acquire(dir, Duration.ZERO);
        try {
            assertThrows(ChangeLock.BusyException.class, engine::revert);
            assertFalse(Files.exists(dir.resolve(RevertScope.FILE)), "published while another change held the lock");
        } finally {
            anotherChange.close();
        }
    }

    @Test
    void theRefusalJudgesByTheScopePublishedUnderTheLock() throws IOException {
        AtomicReference<Optional<RevertScope>> seen = new AtomicReference<>();
        Outcome outcome = engine.revertUnless(restoring -> {
            seen.set(RevertScope.published(dir, List.of()));
            return Optional.of(Sentence.of("refused by the test", "refused.test"));
        }).outcome();

        assertEquals(Outcome.REFUSED, outcome);
        assertEquals(Optional.of(RevertScope.of(new JournalStore(dir).load(), List.of())), seen.get());
    }
}
