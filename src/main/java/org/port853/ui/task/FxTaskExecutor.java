package org.port853.ui.task;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/** The window's executor: work on the injected worker pool, outcomes on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private final Executor workers;

    public FxTaskExecutor(Executor workers) {
        this.workers = workers;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        onFxThread(task::begin);
        try {
            workers.execute(() -> Platform.runLater(task.runWork()));
        } catch (RejectedExecutionException e) {
            // the pool is shut down (the app is quitting): still end the task, so nothing stays "busy"
            Platform.runLater(task.notRun(e));
        }
        return task;
    }

    /**
     * Ticks come from a timer thread, not from a JavaFX Timeline: a running animation keeps the toolkit pulsing 60
     * times a second for as long as it runs, which for a window that polls once a second all day (and in the tray)
     * means 60 wake-ups a second for nothing. A tick is not queued again while the last one waits for the JavaFX
     * thread, so a busy thread gets one call, not a backlog.
     */
    @Override
    public Repeating every(Duration period, Runnable action) {
        return new Repeating() {
            // null while stopped; touched on the JavaFX thread only
            private ScheduledFuture<?> ticks;
            // set by the timer thread while a tick waits for the JavaFX thread
            private final AtomicBoolean queued = new AtomicBoolean();

            @Override
            public void start() {
                if (ticks != null) {
                    return;
                }
                long ms = Math.max(1, period.toMillis());
                ticks = Ticks.TIMER.scheduleAtFixedRate(() -> {
                    if (queued.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            queued.set(false);
                            if (ticks != null) {
                                action.run();
                            }
                        });
                    }
                }, ms, ms, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (ticks != null) {
                    ticks.cancel(false);
                    ticks = null;
                }
            }
        };
    }

    /** One timer thread for every repeated action of the window; a daemon, so it never keeps the app alive. */
    private static final class Ticks {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "port853-ticks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code r} now when on the JavaFX thread, else as soon as that thread is free. */
    public static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
