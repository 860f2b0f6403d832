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

    /** Runs {@code change} with the two signals held off; {@code onSignal} runs (on a signal thread) for each one. */
    public static synchronized <T, E extends Exception> T run(Change<T, E> change, Runnable onSignal) throws E {
        SignalHandler[] before = new SignalHandler[SIGNALS.length];
        for (int i = 0; i < SIGNALS.length; i++) {
            before[i] = handle(SIGNALS[i], sig -> onSignal.run());
        }
        try {
            return change.call();
        } finally {
            for (int i = 0; i < SIGNALS.length; i++) {
                if (before[i] != null) {
                    handle(SIGNALS[i], before[i]);
                }
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
