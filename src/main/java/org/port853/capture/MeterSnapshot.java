package org.port853.capture;

import java.util.List;
import java.util.Map;

/**
 * Per-second series, oldest first; every array has length {@code seconds} and index {@code i} is the second
 * {@code endEpochSecond - seconds + 1 + i}. {@code leakMarkers} counts leaked query messages per second.
 * Totals cover everything since start (or the last clear), also seconds that fell out of the ring.
 * {@code interfaces}: the same seconds per interface, in order of first appearance. {@code queries}: encrypted and
 * local queries per second, the unit the window shows (leaked queries are {@code leakMarkers}).
 */
public record MeterSnapshot(long endEpochSecond, int seconds, long[] encryptedPackets, long[] localPlaintextPackets,
                            long[] leakPackets, long[] leakMarkers, Map<TrafficClass, ClassTotals> totals,
                            long pcapDrops, long ifDrops, List<InterfaceSeries> interfaces,
                            long[] plaintext853Packets, Queries queries) {

    /**
     * Queries per second. Encrypted: the client's TLS application-data records to port 853 that start a segment
     * (a DNS query each; the handshake, bare ACKs and answers are not counted); QUIC short-header packets to 853.
     * Local: DNS questions (not answers) to port 53 between this computer's own addresses.
     */
    public record Queries(long[] encrypted, long[] local) {
        public static Queries none(int seconds) {
            return new Queries(new long[seconds], new long[seconds]);
        }
    }

    /** Without query series (all zero). */
    public MeterSnapshot(long endEpochSecond, int seconds, long[] encryptedPackets, long[] localPlaintextPackets,
                         long[] leakPackets, long[] leakMarkers, Map<TrafficClass, ClassTotals> totals,
                         long pcapDrops, long ifDrops, List<InterfaceSeries> interfaces, long[] plaintext853Packets) {
        this(endEpochSecond, seconds, encryptedPackets, localPlaintextPackets, leakPackets, leakMarkers, totals,
                pcapDrops, ifDrops, interfaces, plaintext853Packets, Queries.none(seconds));
    }

    /** Without the plaintext-on-853 series (all zero). */
    public MeterSnapshot(long endEpochSecond, int seconds, long[] encryptedPackets, long[] localPlaintextPackets,
                         long[] leakPackets, long[] leakMarkers, Map<TrafficClass, ClassTotals> totals,
                         long pcapDrops, long ifDrops, List<InterfaceSeries> interfaces) {
        this(endEpochSecond, seconds, encryptedPackets, localPlaintextPackets, leakPackets, leakMarkers, totals,
                pcapDrops, ifDrops, interfaces, new long[seconds]);
    }

    /** Without per-interface series. */
    public MeterSnapshot(long endEpochSecond, int seconds, long[] encryptedPackets, long[] localPlaintextPackets,
                         long[] leakPackets, long[] leakMarkers, Map<TrafficClass, ClassTotals> totals,
                         long pcapDrops, long ifDrops) {
        this(endEpochSecond, seconds, encryptedPackets, localPlaintextPackets, leakPackets, leakMarkers, totals,
                pcapDrops, ifDrops, List.of());
    }

    /**
     * One interface's per-second packets and bytes per class over the same seconds as the snapshot (name
     * {@link TrafficMeter#OTHER_INTERFACES} for the interfaces beyond {@link TrafficMeter#MAX_INTERFACES}).
     */
    public record InterfaceSeries(String name, long[] encryptedPackets, long[] localPlaintextPackets,
                                  long[] leakPackets, long[] encryptedBytes, long[] localPlaintextBytes,
                                  long[] leakBytes, long[] plaintext853Packets, long[] plaintext853Bytes) {

        public InterfaceSeries(String name, long[] encryptedPackets, long[] localPlaintextPackets,
                               long[] leakPackets, long[] encryptedBytes, long[] localPlaintextBytes,
                               long[] leakBytes) {
            this(name, encryptedPackets, localPlaintextPackets, leakPackets, encryptedBytes, localPlaintextBytes,
                    leakBytes, new long[encryptedPackets.length], new long[encryptedPackets.length]);
        }

        public long[] packets(TrafficClass c) {
            return switch (c) {
                case ENCRYPTED -> encryptedPackets;
                case LOCAL_PLAINTEXT -> localPlaintextPackets;
                case LEAK -> leakPackets;
                case PLAINTEXT_853 -> plaintext853Packets;
            };
        }

        public long[] bytes(TrafficClass c) {
            return switch (c) {
                case ENCRYPTED -> encryptedBytes;
                case LOCAL_PLAINTEXT -> localPlaintextBytes;
                case LEAK -> leakBytes;
                case PLAINTEXT_853 -> plaintext853Bytes;
            };
        }
    }

    public ClassTotals total(TrafficClass c) {
        return totals.getOrDefault(c, ClassTotals.ZERO);
    }
}
