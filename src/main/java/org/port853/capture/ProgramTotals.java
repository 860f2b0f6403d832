package org.port853.capture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leaked queries per program ({@link LeakRecord#program()}: the program that asked, "unknown" when it could not be
 * found), and in all since the session started ({@link #sinceStart()}, which {@link #clear()} leaves alone, and which
 * leaves out {@link LeakRecord#localNetworkName() the local network's own names}). Bounded:
 * at most {@link #MAX_PROGRAMS} names, the rest counted together as {@link #OTHER}. Thread-safe.
 */
public final class ProgramTotals {
    public static final int MAX_PROGRAMS = 64;
    public static final String OTHER = "(other)";
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long sinceStart;

    public synchronized void add(LeakRecord r) {
        String p = r.program();
        if (!counts.containsKey(p) && counts.size() >= MAX_PROGRAMS) {
            p = OTHER;
        }
        counts.merge(p, 1L, Long::sum);
        if (!r.localNetworkName()) {
            sinceStart++;
        }
    }

    /** Every leaked query since the session started, also those before a {@link #clear()}, but local names. */
    public synchronized long sinceStart() {
        return sinceStart;
    }

    /** Counts in order of first appearance. */
    public synchronized Map<String, Long> snapshot() {
        return Map.copyOf(counts).isEmpty() ? Map.of() : new LinkedHashMap<>(counts);
    }

    public synchronized void clear() {
        counts.clear();
    }
}
