package org.port853.capture;

/** At most {@code perSecond} permits in each second. One thread only. */
final class RateLimit {
    private final int perSecond;
    private long windowStart;
    private int used;

    RateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    boolean permit() {
        long now = System.nanoTime();
        if (now - windowStart > 1_000_000_000L) {
            windowStart = now;
            used = 0;
        }
        return used++ < perSecond;
    }
}
