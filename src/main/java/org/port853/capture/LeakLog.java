package org.port853.capture;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent leaked queries (bounded; oldest dropped) and the "first leak" rule: a leak is a first leak
 * when none was seen in the {@code quietPeriod} before it (by capture time), or it is the first since start or
 * {@link #clear()}. Thread-safe.
 */
public final class LeakLog {
    public static final int DEFAULT_CAPACITY = 1000;
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMinutes(5);

    private final int capacity;
    private final Duration quietPeriod;
    private final ArrayDeque<LeakRecord> records = new ArrayDeque<>();
    private LeakRecord last;
    private long total;

    public LeakLog() {
        this(DEFAULT_CAPACITY, DEFAULT_QUIET_PERIOD);
    }

    public LeakLog(int capacity, Duration quietPeriod) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
        this.quietPeriod = quietPeriod;
    }

    /** Records a leak; returns true when it is a first leak (notify the user). */
    public synchronized boolean add(LeakRecord r) {
        boolean first = last == null
                || Duration.between(last.time(), r.time()).compareTo(quietPeriod) >= 0;
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(r);
        if (last == null || !r.time().isBefore(last.time())) {
            last = r;
        }
        total++;
        return first;
    }

    /**
     * Sets the response code of the record with {@code id} (newest first search; updates come seconds after their
     * query); returns the updated record, or {@code null} when it is no longer in the log.
     */
    public synchronized LeakRecord update(long id, String rcode) {
        if (id < 0) {
            return null;
        }
        var it = records.descendingIterator();
        int n = records.size();
        for (int i = n - 1; it.hasNext(); i--) {
            LeakRecord r = it.next();
            if (r.id() == id) {
                LeakRecord u = r.withRcode(rcode);
                replace(i, u);
                if (last == r) {
                    last = u;
                }
                return u;
            }
        }
        return null;
    }

    private void replace(int index, LeakRecord u) {
        List<LeakRecord> all = new ArrayList<>(records);
        all.set(index, u);
        records.clear();
        records.addAll(all);
    }

    /** Up to {@code max} most recent leaks, newest last. */
    public synchronized List<LeakRecord> recent(int max) {
        int n = Math.max(0, Math.min(max, records.size()));
        List<LeakRecord> out = new ArrayList<>(n);
        var it = records.descendingIterator();
        for (int i = 0; i < n; i++) {
            out.add(it.next());
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Leaks recorded since start or the last clear, including those dropped from the log. */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        records.clear();
        last = null;
        total = 0;
    }
}
