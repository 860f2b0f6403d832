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

    /**
     * A query from this machine to a resolver on loopback port 53 (e.g. systemd-resolved's stub 127.0.0.53): not a
     * leak, but it names the program behind the resolver's upstream query. Only sent when {@link #wantsStubQueries()}.
     */
    default void stubQuery(LeakCandidate c) {
    }

    /**
     * A query this machine sent ({@code address} and {@code port} its local end, protocol 6 or 17), seen as it left,
     * before its message reaches {@link #leak} or {@link #stubQuery}: the moment to look its socket up. Default:
     * ignored.
     */
    default void sent(int protocol, byte[] address, int port, long epochNanos) {
    }

    /** Whether {@link #stubQuery} and {@link #sent} are wanted (costs a parse per local query). Default: no. */
    default boolean wantsStubQueries() {
        return false;
    }
}
