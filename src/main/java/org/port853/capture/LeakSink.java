package org.port853.capture;

/**
 * Receives leak entries: {@link #leak} once per leaked query, when the query is seen (response code still
 * {@code null}), and {@link #update} with the same {@link LeakCandidate#seq()} when its response arrives.
 */
@FunctionalInterface
public interface LeakSink {
    void leak(LeakCandidate c);

    /** The entry with {@code c.seq()} now has its response code. Default: ignored. */
    default void update(LeakCandidate c) {
    }
}
