package org.port853.ui.common;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when a leak deserves a notification: the first leak after a quiet period, and never more often
 * than the minimum interval, however many leaks arrive.
 */
public final class LeakAlerter {
    private final Duration quiet;
    private final Duration minInterval;
    private Instant lastLeak;
    private Instant lastAlert;
    /** Before the last alert: what {@link #missed} goes back to. */
    private Instant leakBeforeAlert;
    private Instant alertBeforeAlert;

    public LeakAlerter(Duration quiet, Duration minInterval) {
        this.quiet = quiet;
        this.minInterval = minInterval;
    }

    /** Records leaks seen at {@code now}; returns true when the user should be told. */
    public boolean onLeaks(Instant now, int count) {
        if (count <= 0) {
            return false;
        }
        boolean afterQuiet = lastLeak == null || Duration.between(lastLeak, now).compareTo(quiet) >= 0;
        boolean allowed = lastAlert == null || Duration.between(lastAlert, now).compareTo(minInterval) >= 0;
        Instant previousLeak = lastLeak;
        lastLeak = now;
        if (afterQuiet && allowed) {
            leakBeforeAlert = previousLeak;
            alertBeforeAlert = lastAlert;
            lastAlert = now;
            return true;
        }
        return false;
    }

    /**
     * The last alert could not be shown at all: it does not count, neither for the rate limit nor as the end of a
     * quiet period, so the next leak is told.
     */
    public void missed() {
        lastLeak = leakBeforeAlert;
        lastAlert = alertBeforeAlert;
    }
}
