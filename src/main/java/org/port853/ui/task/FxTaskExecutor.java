package org.port853.ui.task;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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

    @Override
    public Repeating every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        return new Repeating() {
            @Override
            public void start() {
                timeline.play();
            }

            @Override
            public void stop() {
                timeline.stop();
            }
        };
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
