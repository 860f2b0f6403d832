package org.port853.probe.pins;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Re-checks the recorded pins every {@code period} and shortly after the network changes (a new Wi-Fi, a VPN, a
 * captive portal's network: where an interceptor would sit). Network events come in bursts (address, route, link),
 * so they are debounced: the check runs once, {@code debounce} after the last event of a burst, and at least
 * {@link #MIN_GAP} after the previous check. Any check restarts the period. Checks run one at a time on the scheduler's thread, never on the caller's.
 */
public final class PinWatcher implements AutoCloseable {
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(6);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(2);
    /**
     * Network-triggered checks are at least this far apart: some networks announce routes again every few minutes
     * (IPv6 router advertisements), which must not turn into a probe of every server each time.
     */
    public static final Duration MIN_GAP = Duration.ofMinutes(1);

    /** Why a check ran. */
    public enum Trigger { START, PERIOD, NETWORK_CHANGE }

    /** Runs a task once after a delay; tasks run one at a time. */
    public interface Scheduler extends AutoCloseable {
        Cancellable schedule(Duration delay, Runnable task);

        /** A monotonic clock in milliseconds (only differences count). */
        long nowMillis();

        @Override
        default void close() {
        }
    }

    public interface Cancellable {
        void cancel();
    }

    private final Scheduler scheduler;
    private final Duration period;
    private final Duration debounce;
    private final Supplier<ServerPins.Result> check;
    private final Consumer<Checked> listener;
    private Cancellable periodic;
    private Cancellable debounced;
    private boolean closed;
    private long lastRun = Long.MIN_VALUE;

    /** One finished check. */
    public record Checked(Trigger trigger, ServerPins.Result result) {
    }

    public PinWatcher(Scheduler scheduler, Duration period, Duration debounce, Supplier<ServerPins.Result> check,
                      Consumer<Checked> listener) {
        if (period.isNegative() || period.isZero() || debounce.isNegative()) {
            throw new IllegalArgumentException("the period must be positive and the debounce not negative");
        }
        this.scheduler = scheduler;
        this.period = period;
        this.debounce = debounce;
        this.check = check;
        this.listener = listener;
    }

    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("0*([1-9][0-9]*)([smh])");

    /** "6h", "30m", "90s" (at least 10 s, at most 999999 of a unit); the refusal reads after the option's name. */
    public static Duration parsePeriod(String text) {
        java.util.regex.Matcher m = PERIOD.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a number with s, m or h, e.g. 6h or 30m, not '" + text + "'");
        }
        if (m.group(1).length() > 6) {
            throw new IllegalArgumentException("must be at most 999999" + m.group(2) + ", not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("must be at least 10s");
        }
        return d;
    }

    /** A scheduler on one daemon thread. */
    public static Scheduler daemonScheduler() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "port853-pin-watcher");
            t.setDaemon(true);
            return t;
        });
        return new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                ScheduledFuture<?> f = ex.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public long nowMillis() {
                return System.nanoTime() / 1_000_000;
            }

            @Override
            public void close() {
                ex.shutdownNow();
            }
        };
    }

    /** Starts watching: with {@code checkAtStart} a check runs at once, else the first after one period. */
    public synchronized void start(boolean checkAtStart) {
        if (checkAtStart) {
            scheduler.schedule(Duration.ZERO, () -> run(Trigger.START));
        } else {
            schedulePeriodic();
        }
    }

    /** The network changed: check once the burst of events is over. Safe from any thread. */
    public synchronized void networkChanged() {
        if (closed) {
            return;
        }
        if (debounced != null) {
            debounced.cancel();
        }
        long now = scheduler.nowMillis();
        long wait = lastRun == Long.MIN_VALUE ? debounce.toMillis()
                : Math.max(debounce.toMillis(), lastRun + MIN_GAP.toMillis() - now);
        debounced = scheduler.schedule(Duration.ofMillis(wait), () -> run(Trigger.NETWORK_CHANGE));
    }

    private void run(Trigger trigger) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (trigger == Trigger.NETWORK_CHANGE) {
                debounced = null;
            }
            lastRun = scheduler.nowMillis();
            schedulePeriodic();
        }
        ServerPins.Result r = check.get();
        listener.accept(new Checked(trigger, r));
    }

    private void schedulePeriodic() {
        if (periodic != null) {
            periodic.cancel();
        }
        periodic = scheduler.schedule(period, () -> run(Trigger.PERIOD));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (periodic != null) periodic.cancel();
        if (debounced != null) debounced.cancel();
        scheduler.close();
    }
}
