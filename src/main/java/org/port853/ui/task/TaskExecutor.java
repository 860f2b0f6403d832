package org.port853.ui.task;

import java.time.Duration;

/**
 * Runs {@link BackgroundTask}s: the work on a worker, everything else on the UI thread. View models take one of
 * these instead of touching threads, so they can be unit-tested with a current-thread executor and no toolkit.
 */
public interface TaskExecutor {
    /** Call on the UI thread: runs the task's onRunning now and its work on a worker. Returns the task. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** A UI-thread action repeated every {@code period} while started (e.g. polling a capture's snapshot). */
    Repeating every(Duration period, Runnable action);

    /** A repeated action; stopped until {@link #start()}. */
    interface Repeating {
        void start();

        void stop();
    }
}
