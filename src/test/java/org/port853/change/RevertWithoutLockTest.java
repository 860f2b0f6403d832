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

/**
 * A state folder on a file system that takes no writes (a read-only or full /var/lib; here mounted so in a mount
 * namespace of its own, see {@link PrivateMount}), against one that is wrong or closed to writes in another way, where a
 * revert fails plainly and reads nothing. Tests run as root on ext4.
 */
@DisplayName("Revert when the change lock cannot be taken")
class RevertWithoutLockTest {
    @TempDir
    Path root;
    Path dropIn;
    Path stateDir;
    ChangeEngineTest.RecordingControl control;
    private final java.util.List<Path> immutable = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path dropIns = Files.createDirectories(root.resolve("etc/systemd/resolved.conf.d"));
        dropIn = dropIns.resolve("zz-port853.conf");
        stateDir = root.resolve("var/lib/port853");
        control = new ChangeEngineTest.RecordingControl();
    }

    private ChangeEngine engine(Path state) {
        return new ChangeEngine(new JournalStore(state), new FileItemStore(Set.of(dropIn)), control,
                Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
    }

    @AfterEach
    void writableAgain() throws Exception {
        for (Path p : immutable) {
            ChangeLockUnavailableTest.chattr("-i", p);
        }
    }

    @Test
    @DisplayName("read-only, nothing to undo: said as under the lock, nothing written, no restart")
    void nothingToUndo() throws Exception {
        Files.createDirectories(stateDir);
        try (PrivateMount ro = PrivateMount.readOnly(stateDir)) {
            ApplyResult r = engine(ro.path(stateDir)).revert();
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertTrue(r.nothingToRevert(), r.reason());
        }
        assertEquals(List.of(), control.calls);
        assertFalse(Files.exists(stateDir.resolve("lock")));
    }

    @Test
    @DisplayName("full, nothing to undo: said as under the lock, no restart")
    void nothingToUndoOnAFullFileSystem() throws Exception {
        Files.createDirectories(stateDir);
        try (PrivateMount full = PrivateMount.full(stateDir)) {
            ApplyResult r = engine(full.path(stateDir)).revert();
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertTrue(r.nothingToRevert(), r.reason());
        }
        assertEquals(List.of(), control.calls);
    }

    @Test
    @DisplayName("read-only, something to undo: fails naming the lock file and the reason, and changes nothing")
    void somethingToUndo() throws Exception {
        Journal applied = applied();
        try (PrivateMount ro = PrivateMount.readOnly(stateDir)) {
            Path seen = ro.path(stateDir);
            IOException e = assertThrows(ChangeLock.UnavailableException.class, engine(seen)::revert);
            assertEquals("could not take Port853's change lock " + seen.resolve("lock") + ": Read-only file system; "
                    + "nothing was changed", e.getMessage());
        }
        assertNothingChanged(applied);
    }

    @Test
    @DisplayName("closed to writes otherwise (chattr +i: not permitted), nothing to undo: a plain failure, no reading")
    void notPermittedNothingToUndo() throws Exception {
        Files.createDirectories(stateDir);
        closeForWriting(stateDir);
        IOException e = assertThrows(IOException.class, engine(stateDir)::revert);
        assertEquals("could not take Port853's change lock " + stateDir.resolve("lock") + ": Operation not permitted; "
                + "nothing was changed", e.getMessage());
        assertFalse(e instanceof ChangeLock.UnavailableException, e.toString());
        assertEquals(List.of(), control.calls);
    }

    @Test
    @DisplayName("closed to writes otherwise (chattr +i), something to undo: fails and changes nothing")
    void notPermittedSomethingToUndo() throws Exception {
        Journal applied = applied();
        closeForWriting(stateDir.resolve("lock"));
        closeForWriting(stateDir);
        IOException e = assertThrows(IOException.class, engine(stateDir)::revert);
        assertFalse(e instanceof ChangeLock.UnavailableException, e.toString());
        assertTrue(e.getMessage().endsWith(": Operation not permitted; nothing was changed"), e.getMessage());
        assertNothingChanged(applied);
    }

    @Test
    @DisplayName("the state folder a symbolic link: fails naming it; the journal behind it is not read")
    void stateFolderASymbolicLink() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(stateDir.getParent());
        Files.createSymbolicLink(stateDir, elsewhere);
        IOException e = assertThrows(IOException.class, engine(stateDir)::revert);
        assertFalse(e instanceof ChangeLock.UnavailableException, e.toString());
        assertTrue(e.getMessage().contains(stateDir + " is a symbolic link"), e.getMessage());
        assertEquals(List.of(), control.calls);
        assertEquals(List.of(), List.of(elsewhere.toFile().list()));
    }

    @Test
    @DisplayName("the lock a directory: fails saying so")
    void lockADirectory() throws Exception {
        Files.createDirectories(stateDir.resolve("lock"));
        IOException e = assertThrows(IOException.class, engine(stateDir)::revert);
        assertFalse(e instanceof ChangeLock.UnavailableException, e.toString());
        assertTrue(e.getMessage().endsWith(": Is a directory; nothing was changed"), e.getMessage());
        assertEquals(List.of(), control.calls);
    }

    /** Port853's drop-in applied and journalled in the state folder; the calls it made forgotten. */
    private Journal applied() throws IOException {
        assertEquals(Outcome.APPLIED, engine(stateDir).apply(List.of(FileItemStore.file(dropIn, ChangeEngineTest.A)),
                "strict", true).outcome());
        control.calls.clear();
        return new JournalStore(stateDir).load();
    }

    private void assertNothingChanged(Journal applied) throws IOException {
        assertEquals(ChangeEngineTest.A, Files.readString(dropIn), "Port853's settings stay, so DNS works as before");
        assertEquals(List.of(), control.calls, "no restart");
        assertEquals(applied, new JournalStore(stateDir).load());
        assertNull(JournalStore.readMarker(stateDir));
    }

    private void closeForWriting(Path p) throws Exception {
        ChangeLockUnavailableTest.chattr("+i", p);
        immutable.add(0, p);
    }
}
