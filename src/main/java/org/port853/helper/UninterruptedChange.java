package org.port853.helper;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a change to the system's DNS so that Ctrl-C, a closed terminal or a polite stop (SIGINT, SIGHUP, SIGTERM as
 * {@code timeout(1)}, a CI cancel or an Ansible timeout send) cannot stop it half-way: cut off between writing the
 * settings and the health check, it would leave them untested until {@code recover} or the next boot. The signal is
 * reported and the change finishes, or is rolled back, as usual. A SIGTERM is held off only {@link #TERM_GRACE}: the
 * call may include waits a stop must not outlast (the boot unit's five minutes of patience for the network, a password
 * dialog), so after that the process ends, saying that the change is left to {@code recover} (the journal covers it,
 * as it covers SIGKILL).
 */
public final class UninterruptedChange {
    private static final String[] SIGNALS = {"INT", "HUP", "TERM"};
    /**
     * How long a SIGTERM waits for the change to finish (systemd sends SIGKILL after 90 s by default); tests shorten it
     * with {@code -Dport853.termGraceMillis}.
     */
    static final java.time.Duration TERM_GRACE = java.time.Duration.ofMillis(Long.getLong("port853.termGraceMillis",
            20_000));
    /** Set by the command line: a signal held off during a change stops the process only after the outcome is said. */
    private static volatile boolean stopDeferred;
    private static volatile Signal pendingStop;

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
     * asked, only later (the helper passes false: it must still hand its result to the caller); after
     * {@link #deferStopToCaller()}, the caller exits with {@link #exitCode(int)} once it has said the outcome.
     */
    public static synchronized <T, E extends Exception> T run(Change<T, E> change, Runnable onSignal, boolean thenStop)
            throws E {
        SignalHandler[] before = new SignalHandler[SIGNALS.length];
        java.util.concurrent.atomic.AtomicReference<Signal> held = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean termSeen = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < SIGNALS.length; i++) {
            before[i] = handle(SIGNALS[i], sig -> {
                held.compareAndSet(null, sig);
                onSignal.run();
                // the first TERM starts the grace, also after a Ctrl-C or a hang-up held off before it
                if ("TERM".equals(sig.getName()) && termSeen.compareAndSet(false, true)) {
                    endAfterGrace(over, 128 + sig.getNumber());
                }
            });
        }
        // Ctrl-Z would stop the process holding the change lock, maybe between a restart and its health check
        SignalHandler suspendBefore = handle("TSTP", SignalHandler.SIG_IGN);
        try {
            return change.call();
        } finally {
            if (suspendBefore != null) {
                handle("TSTP", suspendBefore);
            }
            over.set(true);
            for (int i = 0; i < SIGNALS.length; i++) {
                if (before[i] != null) {
                    handle(SIGNALS[i], before[i]);
                }
            }
            if (thenStop && held.get() != null) {
                if (stopDeferred) {
                    pendingStop = held.get();
                } else {
                    Signal.raise(held.get());
                }
            }
        }
    }

    /** After {@link #TERM_GRACE}, a change that is still not {@code over} is left to recover, and the process ends. */
    private static void endAfterGrace(java.util.concurrent.atomic.AtomicBoolean over, int exitCode) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(TERM_GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!over.get()) {
                System.err.println("port853: stopped (SIGTERM) before the DNS change finished: it is left pending "
                        + "(or its privileged helper is still finishing it); 'port853 status' says, and 'port853 "
                        + "recover' checks it and keeps or rolls it back (the next boot does too)");
                System.err.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        }, "port853-term-grace");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The command line says how a change ended before it stops: a signal held off during the change then only sets
     * {@link #exitCode(int)} (the window, which never calls this, stops right after the change).
     */
    public static void deferStopToCaller() {
        stopDeferred = true;
    }

    /** Whether {@link #deferStopToCaller()} was called: the caller says the outcome before it stops. */
    public static boolean stopDeferred() {
        return stopDeferred;
    }

    /** Whether a signal held off during a change still waits to stop the process: skip what is not needed. */
    public static boolean stopAsked() {
        return pendingStop != null;
    }

    /**
     * The exit code for a command line that ended with {@code code}: as the JVM exits on the signal held off during a
     * change ({@code 128 +} its number: 130 for Ctrl-C), if one was, else {@code code}.
     */
    public static int exitCode(int code) {
        Signal s = pendingStop;
        return s == null ? code : 128 + s.getNumber();
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
