package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ChangeLockTest {
    @TempDir
    Path dir;

    @Test
    void secondAcquireWaitsThenIsBusy() throws Exception {
        Path state = dir.resolve("state");
        ChangeLock held = ChangeLock.acquire(state, Duration.ZERO);
        try {
            assertTrue(Files.exists(state.resolve("lock")));
            long t0 = System.nanoTime();
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    ChangeLock.acquire(state, Duration.ofMillis(400)).close();
                    throw new AssertionError("two holders at once");
                } catch (java.io.IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> other.get(10, TimeUnit.SECONDS));
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ChangeLock.BusyException.class, e.getCause().getClass(), String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("another Port853 change is in progress"));
            assertTrue(waitedMs >= 390, "waited only " + waitedMs + " ms");
        } finally {
            held.close();
        }
    }

    @Test
    void releasedLockCanBeTakenAndAWaiterGetsIt() throws Exception {
        Path state = dir.resolve("state");
        ChangeLock.acquire(state, Duration.ZERO).close();
        ChangeLock.acquire(state, Duration.ZERO).close();
        assertTrue(Files.exists(state.resolve("lock")));
        CountDownLatch taken = new CountDownLatch(1);
        ChangeLock first = ChangeLock.acquire(state, Duration.ZERO);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                ChangeLock l = ChangeLock.acquire(state, Duration.ofSeconds(5));
                taken.countDown();
                l.close();
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(250);
        assertEquals(1, taken.getCount(), "the waiter must not get the lock while it is held");
        first.close();
        waiter.get(10, TimeUnit.SECONDS);
        assertEquals(0, taken.getCount());
    }

    /** True when another process can take a POSIX (fcntl) lock on the file, i.e. nobody holds it. */
    private static boolean freeForOtherProcesses(Path lockFile) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import fcntl,sys\n"
                + "f=open(sys.argv[1],'r+')\n"
                + "try:\n fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB); print('free')\n"
                + "except OSError: print('held')\n", lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertTrue(out.equals("free") || out.equals("held"), out);
        return out.equals("free");
    }

    @Test
    @Timeout(90) // three short python3 processes; slow on a loaded machine
    @org.junit.jupiter.api.DisplayName("a waiter in the same process that times out does not release the holder's lock")
    void timedOutWaiterKeepsTheHoldersLock() throws Exception {
        Path state = dir.resolve("state");
        ChangeLock held = ChangeLock.acquire(state, Duration.ZERO);
        try {
            assertFalse(freeForOtherProcesses(state.resolve("lock")), "held before the waiter");
            assertThrows(ChangeLock.BusyException.class, () -> ChangeLock.acquire(state, Duration.ofMillis(200)));
            assertFalse(freeForOtherProcesses(state.resolve("lock")),
                    "POSIX locks are per process: the waiter's close must not drop the holder's lock");
        } finally {
            held.close();
        }
        assertTrue(freeForOtherProcesses(state.resolve("lock")), "released by its holder");
    }
}
