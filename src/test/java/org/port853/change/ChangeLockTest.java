package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
