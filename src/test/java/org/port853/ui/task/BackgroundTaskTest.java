package org.port853.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The task's life cycle and the one-at-a-time slot, on the current-thread executor (no toolkit). */
class BackgroundTaskTest {
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<String> events = new ArrayList<>();

    private BackgroundTask<String> recorded(BackgroundTask<String> t) {
        return t.onRunning(() -> events.add("running"))
                .onSuccess(v -> events.add("success " + v))
                .onFailure(e -> events.add("failure " + e.getMessage()))
                .onDiscarded(v -> events.add("discarded " + v))
                .onFinally(() -> events.add("finally"));
    }

    @Test
    @DisplayName("running, then success, then finally")
    void success() {
        executor.execute(recorded(BackgroundTask.of(() -> {
            events.add("work");
            return "v";
        })));
        assertEquals(List.of("running", "work", "success v", "finally"), events);
    }

    @Test
    @DisplayName("a failure goes to onFailure, then finally; nothing is thrown at the caller")
    void failure() {
        executor.execute(recorded(BackgroundTask.of(() -> {
            throw new java.io.IOException("disk full");
        })));
        assertEquals(List.of("running", "failure disk full", "finally"), events);
    }

    @Test
    @DisplayName("finally runs even when onSuccess throws")
    void finallyAfterThrowingSuccess() {
        BackgroundTask<String> t = BackgroundTask.of(() -> "v").onSuccess(v -> {
            throw new IllegalStateException("boom");
        }).onFinally(() -> events.add("finally"));
        try {
            executor.execute(t);
        } catch (IllegalStateException expected) {
            events.add("thrown");
        }
        assertEquals(List.of("finally", "thrown"), events);
    }

    @Test
    @DisplayName("cancelled before the work began: the work never runs, only finally")
    void cancelBeforeWork() {
        executor.hold();
        BackgroundTask<String> t = executor.execute(recorded(BackgroundTask.of(() -> {
            events.add("work");
            return "v";
        })));
        t.cancel();
        executor.runAll();
        assertEquals(List.of("running", "finally"), events);
    }

    @Test
    @DisplayName("a result that arrives after cancel is discarded, not delivered")
    void cancelWhileWorking() {
        BackgroundTask<String>[] self = new BackgroundTask[1];
        self[0] = recorded(BackgroundTask.of(() -> {
            self[0].cancel(); // the user cancels while the work runs
            return "session";
        }));
        executor.execute(self[0]);
        assertEquals(List.of("running", "discarded session", "finally"), events);
    }

    @Test
    @DisplayName("a slot runs one task at a time and is busy until its finally")
    void slotOneAtATime() {
        TaskSlot slot = new TaskSlot(executor);
        executor.hold();
        assertTrue(slot.run(recorded(BackgroundTask.of(() -> "first"))));
        assertTrue(slot.isBusy());
        assertFalse(slot.run(recorded(BackgroundTask.of(() -> "second"))), "a second task waits its turn");
        List<String> idle = new ArrayList<>();
        slot.whenIdle(() -> idle.add("idle, busy=" + slot.isBusy()));
        assertEquals(List.of(), idle);
        executor.runNext();
        assertFalse(slot.isBusy());
        assertEquals(List.of("running", "success first", "finally"), events);
        assertEquals(List.of("idle, busy=false"), idle);
        assertEquals(1, executor.executed());
    }

    @Test
    @DisplayName("a cancelled task frees the slot for the next one; its late end does not clear the new one's busy")
    void slotAfterCancel() {
        TaskSlot slot = new TaskSlot(executor);
        executor.hold();
        slot.run(recorded(BackgroundTask.of(() -> "old")));
        assertTrue(slot.cancel());
        assertTrue(slot.isBusy(), "busy until the cancelled work has ended");
        assertTrue(slot.run(recorded(BackgroundTask.of(() -> "new"))));
        executor.runNext(); // the old one ends
        assertTrue(slot.isBusy(), "the new task still runs");
        executor.runNext();
        assertFalse(slot.isBusy());
        assertEquals(List.of("running", "running", "finally", "success new", "finally"), events);
    }
}
