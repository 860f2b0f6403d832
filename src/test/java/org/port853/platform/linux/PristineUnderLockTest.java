package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.ItemSnapshot;
import org.port853.change.JournalStore;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Without a journal, what counts as "before Port853" is decided from the file at Port853's drop-in path (its header
 * makes it Port853's, to be removed; anyone else's file stays). Two helpers: one builds its engine while Port853's
 * drop-in is in place, then waits for the change lock while the other reverts, which puts back the file someone else
 * had at that path and forgets the journal. The waiting helper must judge that file as it is once it holds the lock.
 */
@DisplayName("without a journal, a change judges the file at Port853's path as it is once it holds the change lock")
class PristineUnderLockTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String THEIRS = "[Resolve]\nDNS=192.0.2.1\n";

    @TempDir
    Path root;
    LinuxPaths paths;
    LinuxChange platform;
    List<ItemSnapshot> target;

    @BeforeEach
    void appliedOverSomeoneElsesFile() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        Files.writeString(paths.ourDropIn(), THEIRS);
        platform = new LinuxChange(paths, 252, () -> "yes");
        target = platform.targetItems(HelperRequest.apply(StubListenerOffTest.STRICT, false));
        assertEquals(Outcome.APPLIED, engine().apply(target, "ours", true).outcome());
    }

    ChangeEngine engine() {
        return platform.engine(WAIT, LinkAfterInterruptedApplyTest.resolver(false));
    }

    /** The engine of a helper that started while Port853's drop-in was in place, after the other helper's revert. */
    ChangeEngine waitedForTheOthersRevert() throws IOException {
        ChangeEngine waiting = engine();
        assertEquals(Outcome.REVERTED, engine().revert().outcome());
        assertTheirsInPlace("the other revert put their file back");
        assertFalse(Files.exists(paths.stateDir().resolve(JournalStore.JOURNAL)), "and forgot the journal");
        return waiting;
    }

    void assertTheirsInPlace(String why) throws IOException {
        assertTrue(Files.exists(paths.ourDropIn()), why + ", but it is gone");
        assertEquals(THEIRS, Files.readString(paths.ourDropIn()), why);
    }

    @Test
    void aRevertLeavesTheFileTheOtherRevertPutBack() throws IOException {
        ApplyResult second = waitedForTheOthersRevert().revert();

        assertEquals(Outcome.UNCHANGED, second.outcome(), second.reason());
        assertTheirsInPlace("their file is not Port853's to remove");
    }

    @Test
    void anApplyRecordsTheFileTheOtherRevertPutBackAsBeforePort853() throws IOException {
        assertEquals(Outcome.APPLIED, waitedForTheOthersRevert().apply(target, "ours again", true).outcome());

        assertEquals(Outcome.REVERTED, engine().revert().outcome());
        assertTheirsInPlace("the next revert puts their file back");
    }
}
