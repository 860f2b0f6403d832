package org.port853.capture;

import java.util.Map;

/**
 * Per-second series, oldest first; every array has length {@code seconds} and index {@code i} is the second
 * {@code endEpochSecond - seconds + 1 + i}. {@code leakMarkers} counts leaked query messages per second.
 * Totals cover everything since start (or the last clear), also seconds that fell out of the ring.
 */
public record MeterSnapshot(long endEpochSecond, int seconds, long[] encryptedPackets, long[] localPlaintextPackets,
                            long[] leakPackets, long[] leakMarkers, Map<TrafficClass, ClassTotals> totals,
                            long pcapDrops, long ifDrops) {

    public ClassTotals total(TrafficClass c) {
        return totals.getOrDefault(c, ClassTotals.ZERO);
    }
}
