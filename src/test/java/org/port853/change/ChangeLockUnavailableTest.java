package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.UnwritableFileSystem;

/**
 * Only a file system that takes no writes (read-only, full, over quota) makes the change lock unavailable, the case in
 * which a revert with nothing to undo may still say so; any other failure is plain. Real files; tests run as root.
 */
@Timeout(60)
@DisplayName("The change lock is unavailable only where the file system takes no writes")
class ChangeLockUnavailableTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a read-only state folder: unavailable")
    void readOnlyStateFolder() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        try (PrivateMount ro = PrivateMount.readOnly(state)) {
            Path seen = ro.path(state);
            IOException e = failure(seen, ChangeLock.UnavailableException.class);
            assertEquals("could not take Port853's change lock " + seen.resolve("lock") + ": Read-only file system; "
                    + "nothing was changed", e.getMessage());
        }
    }

    @Test
    @DisplayName("a state folder that cannot be made on a read-only file system: unavailable")
    void stateFolderOnAReadOnlyFileSystem() throws Exception {
        Path varLib = Files.createDirectories(dir.resolve("var-lib"));
        try (PrivateMount ro = PrivateMount.readOnly(varLib)) {
            Path state = ro.path(varLib).resolve("port853");
            IOException e = failure(state, ChangeLock.UnavailableException.class);
            assertTrue(e.getMessage().endsWith(": Read-only file system; nothing was changed"), e.getMessage());
            assertFalse(Files.exists(state));
        }
    }

    @Test
    @DisplayName("a full file system: unavailable")
    void fullFileSystem() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        try (PrivateMount full = PrivateMount.full(state)) {
            Path seen = full.path(state);
            IOException e = failure(seen, ChangeLock.UnavailableException.class);
            assertTrue(e.getMessage().endsWith(": No space left on device; nothing was changed"), e.getMessage());
        }
    }

    @Test
    @DisplayName("over quota (EDQUOT, as the JDK reports it: the C library's text): unavailable")
    void overQuota() throws Exception {
        // no quota can be set up here (this kernel's tmpfs has none, root ignores limits): the JDK's exception is made
        // as the JDK makes it, with the C library's own text for errno 122, asked of another process
        Process p = new ProcessBuilder("python3", "-c", "import errno, os; print(os.strerror(errno.EDQUOT))").start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor());
        assertTrue(UnwritableFileSystem.refused(new FileSystemException(dir.resolve("lock").toString(), null, text)),
                text);
    }

    @Test
    @DisplayName("the state folder a symbolic link: a plain failure that names it, nothing made")
    void stateFolderASymbolicLink() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path state = Files.createSymbolicLink(dir.resolve("state"), elsewhere);
        IOException e = failure(state, IOException.class);
        assertEquals("could not take Port853's change lock " + state.resolve("lock") + ": " + state + " is a symbolic "
                + "link; refusing to use it; nothing was changed", e.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("lock")));
    }

    @Test
    @DisplayName("the lock a directory: a plain failure")
    void lockADirectory() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createDirectory(state.resolve("lock"));
        IOException e = failure(state, IOException.class);
        assertEquals("could not take Port853's change lock " + state.resolve("lock") + ": Is a directory; nothing was "
                + "changed", e.getMessage());
    }

    @Test
    @DisplayName("the state folder closed to writes (chattr +i: operation not permitted): a plain failure")
    void stateFolderNotPermitted() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        chattr("+i", state);
        try {
            IOException e = failure(state, IOException.class);
            assertEquals("could not take Port853's change lock " + state.resolve("lock") + ": Operation not permitted; "
                    + "nothing was changed", e.getMessage());
        } finally {
            chattr("-i", state);
        }
    }

    @Test
    @DisplayName("permission denied (a state folder root may only read, without root's override): a plain failure")
    void permissionDenied() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(state, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        IOException e = WithoutFileOverride.run(() -> failure(state, IOException.class));
        assertEquals("could not take Port853's change lock " + state.resolve("lock") + ": permission denied; nothing was "
                + "changed", e.getMessage());
        assertTrue(Files.isWritable(state), "root's override is back on this thread");
    }

    /** Taking the lock at {@code state} fails with exactly {@code type}. */
    private static IOException failure(Path state, Class<? extends IOException> type) {
        IOException e = assertThrows(IOException.class, () -> ChangeLock.acquire(state, Duration.ZERO));
        assertEquals(type, e.getClass(), e.toString());
        return e;
    }

    static void chattr(String flag, Path file) throws Exception {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "chattr " + flag + " (the tests run as root on ext4)");
    }
}
