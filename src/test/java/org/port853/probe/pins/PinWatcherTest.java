package org.port853.probe.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.pins.PinWatcher.Trigger;

@DisplayName("pin watcher: period and debounced network changes (fake clock)")
class PinWatcherTest {
    /** A scheduler on a fake clock: tasks run only when the test advances the time. */
    static final class FakeScheduler implements PinWatcher.Scheduler {
        private record Task(long due, long seq, Runnable run, boolean[] cancelled) {
        }

        private final PriorityQueue<Task> queue = new PriorityQueue<>(
                Comparator.comparingLong(Task::due).thenComparingLong(Task::seq));
        private long now;
        private long seq;

        @Override
        public PinWatcher.Cancellable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = {false};
            queue.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(Duration d) {
            long until = now + d.toMillis();
            while (!queue.isEmpty() && queue.peek().due() <= until) {
                Task t = queue.poll();
                now = t.due();
                if (!t.cancelled()[0]) {
                    t.run().run();
                }
            }
            now = until;
        }

        @Override
        public long nowMillis() {
            return now;
        }

        long pending() {
            return queue.stream().filter(t -> !t.cancelled()[0]).count();
        }
    }

    final FakeScheduler clock = new FakeScheduler();
    final List<String> log = new ArrayList<>();

    PinWatcher watcher(Duration period, Duration debounce) {
        return new PinWatcher(clock, period, debounce, () -> ServerPins.Result.NONE,
                c -> log.add(clock.now + ":" + c.trigger()));
    }

    @Test
    @DisplayName("checks every period, not before")
    void periodic() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(false);
        clock.advance(Duration.ofHours(6).minusMillis(1));
        assertEquals(List.of(), log);
        clock.advance(Duration.ofMillis(1));
        clock.advance(Duration.ofHours(6));
        assertEquals(List.of(hours(6) + ":PERIOD", hours(12) + ":PERIOD"), log);
    }

    @Test
    @DisplayName("a check at start, then the period")
    void atStart() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(true);
        clock.advance(Duration.ofHours(6));
        assertEquals(List.of("0:START", hours(6) + ":PERIOD"), log);
    }

    @Test
    @DisplayName("a burst of network events gives one check, debounce after the last event")
    void debounced() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(false);
        for (int i = 0; i < 5; i++) {
            w.networkChanged();
            clock.advance(Duration.ofMillis(500));
        }
        assertEquals(List.of(), log, "no check while events keep coming");
        clock.advance(Duration.ofMillis(1500));
        assertEquals(List.of("4000:NETWORK_CHANGE"), log);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, log.size(), "one check per burst");
    }

    @Test
    @DisplayName("a check after a network change restarts the period")
    void networkCheckRestartsPeriod() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(false);
        clock.advance(Duration.ofHours(5));
        w.networkChanged();
        clock.advance(Duration.ofHours(6).plusSeconds(2));
        assertEquals(List.of((hours(5) + 2000) + ":NETWORK_CHANGE", (hours(11) + 2000) + ":PERIOD"), log);
        assertEquals(1, clock.pending(), "exactly one periodic check stays scheduled");
    }

    @Test
    @DisplayName("network changes soon after a check wait until a minute has passed since it (no probe storm)")
    void minimumGap() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(true);
        clock.advance(Duration.ofSeconds(10));
        w.networkChanged();
        clock.advance(Duration.ofSeconds(49));
        assertEquals(List.of("0:START"), log, "not before a minute since the last check");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("0:START", "60000:NETWORK_CHANGE"), log);
        w.networkChanged();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of("0:START", "60000:NETWORK_CHANGE", "120000:NETWORK_CHANGE"), log);
    }

    @Test
    @DisplayName("after close nothing runs")
    void closed() {
        PinWatcher w = watcher(Duration.ofHours(6), Duration.ofSeconds(2));
        w.start(false);
        w.networkChanged();
        w.close();
        w.networkChanged();
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(), log);
    }

    @Test
    void refusesZeroPeriod() {
        assertThrows(IllegalArgumentException.class, () -> watcher(Duration.ZERO, Duration.ZERO));
    }

    @Test
    @DisplayName("periods: a unit, at least 10 s; a number too long for the unit says so, not 'must be a number'")
    void periods() {
        assertEquals(Duration.ofHours(6), PinWatcher.parsePeriod("6h"));
        assertEquals(Duration.ofSeconds(90), PinWatcher.parsePeriod("090s"));
        assertEquals("must be at least 10s", assertThrows(IllegalArgumentException.class,
                () -> PinWatcher.parsePeriod("5s")).getMessage());
        assertEquals("must be at most 999999h, not '99999999999h'", assertThrows(IllegalArgumentException.class,
                () -> PinWatcher.parsePeriod("99999999999h")).getMessage());
        assertEquals("must be a number with s, m or h, e.g. 6h or 30m, not '6d'", assertThrows(
                IllegalArgumentException.class, () -> PinWatcher.parsePeriod("6d")).getMessage());
    }

    static long hours(int h) {
        return Duration.ofHours(h).toMillis();
    }
}
