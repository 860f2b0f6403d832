package org.port853.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work for a worker thread, described without the toolkit, with what happens on the UI thread around it:
 * {@link #onRunning} before the work is handed over, then {@link #onSuccess} or {@link #onFailure}, then
 * {@link #onFinally} (always, exactly once). A {@link TaskExecutor} runs it: the JavaFX one in the window, a
 * current-thread one in unit tests.
 *
 * <p>{@link #cancel()} means "the result is no longer wanted": work not yet begun never runs; a result that arrives
 * anyway goes to {@link #onDiscarded} (to release what it holds, e.g. a started capture) instead of
 * {@link #onSuccess}, and a failure is only logged. Work already running is not interrupted.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {
    private static final Logger LOG = Logger.getLogger(BackgroundTask.class.getName());

    /** The work itself; runs on a worker thread, may block, may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Work<T> work;
    private final List<Runnable> running = new ArrayList<>();
    private final List<Runnable> finishing = new ArrayList<>();
    private Consumer<? super T> success = v -> { };
    private Consumer<Throwable> failure = t -> LOG.log(Level.WARNING, "background work failed", t);
    private Consumer<? super T> discarded = v -> { };
    private volatile boolean cancelled;

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> of(Action action) {
        return new BackgroundTask<>(() -> {
            action.run();
            return null;
        });
    }

    /** Adds an action for the UI thread, run when the task is handed to its executor. */
    public BackgroundTask<T> onRunning(Runnable r) {
        running.add(r);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        success = c;
        return this;
    }

    /** Replaces the default (logging the failure). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        failure = c;
        return this;
    }

    /** What to do with a result that arrived after {@link #cancel()}. */
    public BackgroundTask<T> onDiscarded(Consumer<? super T> c) {
        discarded = c;
        return this;
    }

    /** Adds an action for the UI thread, run last whatever the outcome (also after a cancel). */
    public BackgroundTask<T> onFinally(Runnable r) {
        finishing.add(r);
        return this;
    }

    /** The result is no longer wanted (see the class comment). May be called from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    // ---- for executors ----

    /** Executors call this on the UI thread before handing the work to a worker. */
    void begin() {
        running.forEach(Runnable::run);
    }

    /**
     * Executors call this on the worker thread; it runs the work and returns what the UI thread must do with its
     * outcome (never throws).
     */
    Runnable runWork() {
        if (cancelled) {
            return this::finish;
        }
        try {
            T value = work.call();
            return () -> complete(value);
        } catch (Throwable e) {
            return () -> fail(e);
        }
    }

    /** Executors call this when the work could not even be handed over: the outcome of that failure. */
    Runnable notRun(Throwable why) {
        return () -> fail(why);
    }

    private void complete(T value) {
        try {
            if (cancelled) {
                discarded.accept(value);
            } else {
                success.accept(value);
            }
        } finally {
            finish();
        }
    }

    private void fail(Throwable t) {
        try {
            if (cancelled) {
                LOG.log(Level.FINE, "cancelled background work failed", t);
            } else {
                failure.accept(t);
            }
        } finally {
            finish();
        }
    }

    private void finish() {
        RuntimeException first = null;
        for (Runnable r : finishing) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) first = e; else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
