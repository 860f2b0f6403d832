package org.port853.ui.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every task at once on the calling thread, for unit tests of view models without the toolkit. With
 * {@link #hold()} the work waits in a queue until {@link #runNext()}, so a test can act while a task is under way.
 * Repeated actions run only when the test calls {@link #tick()}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final List<BackgroundTask<?>> held = new ArrayList<>();
    private final List<Ticking> repeating = new ArrayList<>();
    private boolean holding;
    private int executed;

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        executed++;
        task.begin();
        if (holding) {
            held.add(task);
        } else {
            task.runWork().run();
        }
        return task;
    }

    /** From now on, work waits until {@link #runNext()} or {@link #runAll()}. */
    public void hold() {
        holding = true;
    }

    /** Runs the oldest waiting task's work and its outcome. */
    public void runNext() {
        held.remove(0).runWork().run();
    }

    /** Runs the newest waiting task's work and its outcome (a pool may finish them in any order). */
    public void runNewest() {
        held.remove(held.size() - 1).runWork().run();
    }

    /** Runs what waits and stops holding. */
    public void runAll() {
        holding = false;
        while (!held.isEmpty()) {
            runNext();
        }
    }

    public int waiting() {
        return held.size();
    }

    /** How many tasks were handed over so far. */
    public int executed() {
        return executed;
    }

    @Override
    public Repeating every(Duration period, Runnable action) {
        Ticking t = new Ticking(action);
        repeating.add(t);
        return t;
    }

    /**
     * One period passes: every repeated action started before it runs once (one started during this tick waits for
     * the next, as its first run comes a period after its start).
     */
    public void tick() {
        List<Ticking> due = repeating.stream().filter(t -> t.started).toList();
        for (Ticking t : due) {
            if (t.started) t.action.run();
        }
    }

    /** True while some repeated action is started. */
    public boolean ticking() {
        return repeating.stream().anyMatch(t -> t.started);
    }

    private static final class Ticking implements Repeating {
        final Runnable action;
        boolean started;

        Ticking(Runnable action) {
            this.action = action;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void stop() {
            started = false;
        }
    }
}
