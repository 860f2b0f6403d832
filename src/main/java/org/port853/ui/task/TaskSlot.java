package org.port853.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One kind of work that runs at most once at a time (a refresh, a capture start, a Verify run): {@link #busyProperty()}
 * is true from the moment a task is handed over until its onFinally has run. A cancelled task no longer occupies the
 * slot: the next {@link #run} starts at once. UI thread only.
 */
public final class TaskSlot {
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private BackgroundTask<?> current;

    public TaskSlot(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code task} unless another is under way; false (and nothing runs) when one is. */
    public boolean run(BackgroundTask<?> task) {
        if (current != null && !current.isCancelled()) {
            return false;
        }
        current = task;
        busy.set(true);
        task.onFinally(() -> {
            if (current == task) {
                current = null;
                busy.set(false);
            }
        });
        executor.execute(task);
        return true;
    }

    /** Cancels the task under way, if any (see {@link BackgroundTask#cancel()}); true when there was one. */
    public boolean cancel() {
        BackgroundTask<?> t = current;
        if (t == null || t.isCancelled()) {
            return false;
        }
        t.cancel();
        return true;
    }

    /** Runs {@code r} once the slot is free: now when it is, else right after the task under way has finished. */
    public void whenIdle(Runnable r) {
        if (!busy.get()) {
            r.run();
            return;
        }
        busy.addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!busy.get()) {
                    busy.removeListener(this);
                    r.run();
                }
            }
        });
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
