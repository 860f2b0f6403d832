package org.port853.probe.bench;

import org.port853.core.ServerAddress;

/**
 * One server's benchmark figures (milliseconds; null when it never answered). {@code rank} starts at 1;
 * {@code strictProblem} says why strict mode would not take the server (null when it would).
 */
public record BenchResult(int rank, ServerAddress server, String provider, boolean strictCapable, Double handshakeMillis,
                          Double coldMedian, Double coldP90, Double warmMedian, Double warmP90, int queries, int failures,
                          String tlsVersion, String error, String strictProblem) {
    /** What the ranking sorts by: a new connection's handshake plus a typical cold lookup. */
    public Double score() {
        return handshakeMillis == null || coldMedian == null ? null : handshakeMillis + coldMedian;
    }
}
