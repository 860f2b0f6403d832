package org.port853.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's executor on the real (headless) toolkit: work on the workers, everything else on the FX thread. */
class FxTaskExecutorTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static String where() {
        return Platform.isFxApplicationThread() ? "fx" : Thread.currentThread().getName();
    }

    @Test
    @DisplayName("onRunning, onSuccess and onFinally on the FX thread, the work on a worker, in that order")
    void threads() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor(workers);
        WaitForAsyncUtils.asyncFx(() -> executor.execute(BackgroundTask.of(() -> {
            events.add("work " + where());
            return 1;
        }).onRunning(() -> events.add("running " + where()))
                .onSuccess(v -> events.add("success " + where()))
                .onFinally(() -> {
                    events.add("finally " + where());
                    done.countDown();
                }))).get();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("running fx", "work test-worker", "success fx", "finally fx"), events);
    }

    @Test
    @DisplayName("a failure arrives on the FX thread; called from another thread, onRunning still runs on the FX thread first")
    void failureFromOtherThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        new FxTaskExecutor(workers).execute(BackgroundTask.of(() -> {
            throw new IllegalStateException("x");
        }).onRunning(() -> events.add("running " + where()))
                .onFailure(e -> events.add("failure " + where()))
                .onFinally(done::countDown));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("running fx", "failure fx"), events);
    }

    @Test
    @DisplayName("a pool that refuses work (shut down) still ends the task: failure, then finally")
    void refusedWork() throws Exception {
        workers.shutdown();
        CountDownLatch done = new CountDownLatch(1);
        TaskSlot slot = WaitForAsyncUtils.asyncFx(() -> {
            TaskSlot s = new TaskSlot(new FxTaskExecutor(workers));
            s.run(BackgroundTask.of(() -> 1).onFailure(e -> events.add("failure " + where()))
                    .onFinally(done::countDown));
            return s;
        }).get();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("failure fx"), events);
        assertEquals(false, WaitForAsyncUtils.asyncFx(slot::isBusy).get(), "not left busy");
    }

    @Test
    @DisplayName("a repeated action runs on the FX thread until stopped")
    void repeats() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        TaskExecutor.Repeating[] r = new TaskExecutor.Repeating[1];
        WaitForAsyncUtils.asyncFx(() -> {
            r[0] = new FxTaskExecutor(workers).every(Duration.ofMillis(20), () -> {
                events.add(where());
                three.countDown();
            });
            r[0].start();
        }).get();
        assertTrue(three.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.asyncFx(() -> r[0].stop()).get();
        int n = events.size();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(n, events.size(), "stopped");
        assertTrue(events.stream().allMatch("fx"::equals), events.toString());
    }
    @Test
    @DisplayName("a busy JavaFX thread gets one call when it is free again, not a backlog of missed ticks")
    void aBusyThreadGetsNoBacklog() throws Exception {
        // 0 calls means the timer thread itself got no CPU in those 500 ms (a loaded machine): busy again
        int afterBusy = 0;
        for (int attempt = 0; attempt < 3 && afterBusy == 0; attempt++) {
            afterBusy = callsAfterHalfASecondBusy();
            assertTrue(afterBusy <= 1, "calls queued while the thread was busy: " + afterBusy);
        }
        assertEquals(1, afterBusy, "one call once the thread is free");
    }

    private int callsAfterHalfASecondBusy() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<Integer> whenFree = new java.util.concurrent.CompletableFuture<>();
        TaskExecutor.Repeating[] r = new TaskExecutor.Repeating[1];
        WaitForAsyncUtils.asyncFx(() -> {
            r[0] = new FxTaskExecutor(workers).every(Duration.ofMillis(10), calls::incrementAndGet);
            r[0].start();
            Thread.sleep(500); // 50 periods with the JavaFX thread busy
            javafx.application.Platform.runLater(() -> whenFree.complete(calls.get())); // after what was queued
            return null;
        }).get();
        int afterBusy = whenFree.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> r[0].stop()).get();
        return afterBusy;
    }
}
