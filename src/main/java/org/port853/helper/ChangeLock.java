package org.port853.helper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * Serialises changes: one writer at a time across processes (an advisory lock on {@code lock} in the state
 * directory, released by the kernel if the holder dies). A second caller waits a bounded time, then gives up.
 */
public final class ChangeLock implements AutoCloseable {
    /** Thrown when another change holds the lock for longer than the caller is willing to wait. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(Duration waited) {
            super("another Port853 change is in progress (waited " + waited.toSeconds() + " s); try again when it has finished");
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private ChangeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static ChangeLock acquire(Path stateDir, Duration maxWait) throws IOException {
        AtomicFiles.ensureDirectory(stateDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        FileChannel ch = FileChannel.open(stateDir.resolve("lock"), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                AtomicFiles.PRIVATE));
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this very process (a second change in the same JVM)
                }
                if (l != null) {
                    return new ChangeLock(ch, l);
                }
                if (System.nanoTime() > deadline) {
                    throw new BusyException(maxWait);
                }
                Thread.sleep(100);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for another change", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
