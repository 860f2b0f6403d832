package org.port853.ui;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On SIGTERM the JVM's shutdown stops JavaFX's render pool while the JavaFX thread may still draw a frame: that frame's
 * render job is rejected and the JavaFX thread printed its stack trace. A job rejected while the JVM shuts down is
 * expected, so it is logged quietly; every other exception still goes to the thread's previous handler.
 */
final class QuietShutdown implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(QuietShutdown.class.getName());
    private static volatile boolean jvmShuttingDown;
    private final Thread.UncaughtExceptionHandler previous;
    private final BooleanSupplier shuttingDown;

    QuietShutdown(Thread.UncaughtExceptionHandler previous, BooleanSupplier shuttingDown) {
        this.previous = previous;
        this.shuttingDown = shuttingDown;
    }

    /** Installs the handler on the calling (JavaFX) thread, with a shutdown hook that says when the JVM is quitting. */
    static void installOnThisThread() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> jvmShuttingDown = true, "port853-shutdown-flag"));
        Thread t = Thread.currentThread();
        t.setUncaughtExceptionHandler(new QuietShutdown(t.getUncaughtExceptionHandler(), () -> jvmShuttingDown));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (e instanceof RejectedExecutionException && shuttingDown.getAsBoolean()) {
            LOG.log(Level.FINE, "work submitted after shutdown was dropped", e);
            return;
        }
        previous.uncaughtException(t, e);
    }
}
