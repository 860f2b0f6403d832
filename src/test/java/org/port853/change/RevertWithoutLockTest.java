package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.linux.FileItemStore;

/** A state folder Port853 cannot write in (a read-only /var/lib; here chattr +i, as the tests run as root on ext4). */
@DisplayName("Revert when the change lock cannot be taken")
class RevertWithoutLockTest {
    @TempDir
    Path root;
    Path dropIn;
    Path stateDir;
    JournalStore journals;
    ChangeEngineTest.RecordingControl control;
    ChangeEngine engine;
    private final java.util.List<Path> immutable = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path dropIns = Files.createDirectories(root.resolve("etc/systemd/resolved.conf.d"));
        dropIn = dropIns.resolve("zz-port853.conf");
        stateDir = root.resolve("var/lib/port853");
        journals = new JournalStore(stateDir);
        control = new ChangeEngineTest.RecordingControl();
        engine = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), control, Duration.ofMillis(500),
                List.of(FileItemStore.absent(dropIn)));
    }

    @AfterEach
    void writableAgain() throws Exception {
        for (Path p : immutable) {
            chattr("-i", p);
        }
    }

    @Test
    @DisplayName("nothing to undo: said as under the lock, nothing written, no restart")
    void nothingToUndo() throws Exception {
        Files.createDirectories(stateDir);
        closeForWriting(stateDir);
        ApplyResult r = engine.revert();
        assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
        assertTrue(r.nothingToRevert(), r.reason());
        assertEquals(List.of(), control.calls);
        assertFalse(Files.exists(stateDir.resolve("lock")));
    }

    @Test
    @DisplayName("something to undo: fails naming the lock file and the reason, and changes nothing")
    void somethingToUndo() throws Exception {
        assertEquals(Outcome.APPLIED, engine.apply(List.of(FileItemStore.file(dropIn, ChangeEngineTest.A)), "strict",
                true).outcome());
        Journal applied = journals.load();
        control.calls.clear();
        closeForWriting(stateDir.resolve("lock"));
        closeForWriting(stateDir);
        IOException e = assertThrows(IOException.class, engine::revert);
        assertEquals("could not take Port853's change lock " + stateDir.resolve("lock") + ": Operation not permitted; "
                + "nothing was changed", e.getMessage());
        assertEquals(ChangeEngineTest.A, Files.readString(dropIn), "Port853's settings stay, so DNS works as before");
        assertEquals(List.of(), control.calls, "no restart");
        assertEquals(applied, journals.load());
        assertNull(JournalStore.readMarker(stateDir));
    }

    private void closeForWriting(Path p) throws Exception {
        chattr("+i", p);
        immutable.add(0, p);
    }

    private static void chattr(String flag, Path file) throws Exception {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "chattr " + flag + " (the tests run as root on ext4)");
    }
}
