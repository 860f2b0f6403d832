package org.port853.helper;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a change to the system's DNS so that Ctrl-C or a closed terminal (SIGINT, SIGHUP) cannot stop it half-way:
 * cut off between writing the settings and the health check, it would leave them untested until {@code recover} or the
 * next boot. The signal is reported and the change finishes, or is rolled back, as usual; SIGTERM and SIGKILL still
 * end the process (the journal covers that).
 */
public final class UninterruptedChange {
    private static final String[] SIGNALS = {"INT", "HUP"};

    private UninterruptedChange() {
    }

    /** A change that may throw {@code E}. */
    @FunctionalInterface
    public interface Change<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Runs {@code change} with the two signals held off; {@code onSignal} runs (on a signal thread) for each one. With
     * {@code thenStop} the first signal held off is raised again once the change is over, so the process stops as
     * asked, only later (the helper passes false: it must still hand its result to the caller).
     */
    public static synchronized <T, E extends Exception> T run(Change<T, E> change, Runnable onSignal, boolean thenStop)
            throws E {
        SignalHandler[] before = new SignalHandler[SIGNALS.length];
        java.util.concurrent.atomic.AtomicReference<Signal> held = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < SIGNALS.length; i++) {
            before[i] = handle(SIGNALS[i], sig -> {
                held.compareAndSet(null, sig);
                onSignal.run();
            });
        }
        try {
            return change.call();
        } finally {
            for (int i = 0; i < SIGNALS.length; i++) {
                if (before[i] != null) {
                    handle(SIGNALS[i], before[i]);
                }
            }
            if (thenStop && held.get() != null) {
                Signal.raise(held.get());
            }
        }
    }

    /** The previous handler, or null where the signal does not exist (Windows has no SIGHUP) or is the JVM's own. */
    private static SignalHandler handle(String name, SignalHandler h) {
        try {
            return Signal.handle(new Signal(name), h);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
