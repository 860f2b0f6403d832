package org.port853.change;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.port853.core.UnwritableFileSystem;

/**
 * Serialises changes: one writer at a time across processes (an advisory lock on {@code lock} in the state
 * directory, released by the kernel if the holder dies) and across threads of one process. A second caller
 * waits a bounded time, then gives up.
 *
 * <p>POSIX record locks belong to the process, not to the file descriptor: if a waiter in the same JVM opened
 * the lock file and closed it again, the kernel would drop the holder's lock too. So a process-wide registry
 * decides first, and only a caller that no thread of this JVM blocks ever opens the file.
 */
public final class ChangeLock implements AutoCloseable {
    /** Thrown when another change holds the lock for longer than the caller is willing to wait. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(Duration waited) {
            super("another Port853 change is in progress (waited " + waited.toSeconds() + " s); try again when it has finished");
        }
    }

    /**
     * Thrown when the lock file cannot be made or opened because its file system takes no writes (read-only, full or
     * over quota, see {@link UnwritableFileSystem}): no change can be made then, but one that would change nothing can
     * still say so. Any other reason (the state folder a symbolic link, the lock a directory, permission denied) is a
     * plain IOException, after which nothing is read or written.
     */
    public static final class UnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        UnavailableException(Path file, IOException cause) {
            super(cannotTake(file, cause), cause);
        }
    }

    /** Why the lock was not taken, as {@link UnavailableException} where the file system refuses writes. */
    private static IOException notTaken(Path file, IOException cause) {
        return UnwritableFileSystem.refused(cause) ? new UnavailableException(file, cause)
                : new IOException(cannotTake(file, cause), cause);
    }

    private static String cannotTake(Path file, IOException cause) {
        return "could not take Port853's change lock " + file + ": " + org.port853.core.IoReasons.of(cause)
                + "; nothing was changed";
    }

    /** Lock files held by this process; guarded by the class monitor. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;
    private Runnable beforeRelease = () -> { };

    private ChangeLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static ChangeLock acquire(Path stateDir, Duration maxWait) throws IOException {
        Path file = stateDir.resolve("lock").toAbsolutePath().normalize();
        try {
            AtomicFiles.ensureDirectory(stateDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw notTaken(file, e);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                ChangeLock l = tryTake(file);
                if (l != null) {
                    return l;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new BusyException(maxWait);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for another change", e);
        }
    }

    private static synchronized ChangeLock tryTake(Path file) throws IOException {
        if (HELD.contains(file)) {
            return null; // another thread of this process holds it: do not touch the file at all
        }
        FileChannel ch;
        try {
            // Windows has no POSIX modes: the state directory's ACL (set by the Windows helper) protects the file.
            ch = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE))
                    : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw notTaken(file, e);
        }
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close(); // safe: this process holds no lock on the file (checked above)
                return null;
            }
            HELD.add(file);
            return new ChangeLock(file, ch, l);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** {@code action} runs once, just before the lock is released (still holding it). */
    public void beforeRelease(Runnable action) {
        this.beforeRelease = action;
    }

    @Override
    public void close() throws IOException {
        synchronized (ChangeLock.class) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                beforeRelease.run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ChangeLock.class.getName()).warning("before releasing the change "
                        + "lock: " + e);
            }
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD.remove(file);
                }
            }
        }
    }
}
