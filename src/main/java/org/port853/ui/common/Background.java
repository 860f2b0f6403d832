package org.port853.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Runs system work on the injected executor and hands the result back on the JavaFX thread. */
public final class Background {
    private final Executor executor;

    public Background(Executor executor) {
        this.executor = executor;
    }

    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        executor.execute(() -> {
            try {
                T value = work.call();
                fx(() -> onResult.accept(value));
            } catch (Throwable t) {
                fx(() -> onError.accept(t));
            }
        });
    }

    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** One sentence for people from any exception. */
    public static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
