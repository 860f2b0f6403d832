package org.port853.capture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Packets and bytes per class in a fixed ring of per-second buckets, plus running totals and pcap drop
 * counters. Memory is fixed at construction (about 56 bytes per second of history) whatever the packet rate.
 * One writer (the capture thread) and any number of readers; all methods are thread-safe.
 */
public final class TrafficMeter {
    public static final int DEFAULT_SECONDS = 3600;
    private static final TrafficClass[] CLASSES = TrafficClass.values();

    private final int size;
    private final long[][] packets = new long[CLASSES.length][];
    private final long[][] bytes = new long[CLASSES.length][];
    private final long[] leakMarkers;
    private final long[] totalPackets = new long[CLASSES.length];
    private final long[] totalBytes = new long[CLASSES.length];
    private long head = Long.MIN_VALUE; // newest second written
    private long pcapDrops;
    private long ifDrops;

    public TrafficMeter() {
        this(DEFAULT_SECONDS);
    }

    public TrafficMeter(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds < 1");
        }
        size = seconds;
        for (int c = 0; c < CLASSES.length; c++) {
            packets[c] = new long[size];
            bytes[c] = new long[size];
        }
        leakMarkers = new long[size];
    }

    public int capacitySeconds() {
        return size;
    }

    public synchronized void add(long epochSecond, TrafficClass c, long frameBytes) {
        int ci = c.ordinal();
        totalPackets[ci]++;
        totalBytes[ci] += frameBytes;
        int i = slot(epochSecond);
        if (i >= 0) {
            packets[ci][i]++;
            bytes[ci][i] += frameBytes;
        }
    }

    public synchronized void addLeakMarker(long epochSecond) {
        int i = slot(epochSecond);
        if (i >= 0) {
            leakMarkers[i]++;
        }
    }

    public synchronized void setDrops(long pcapDrops, long ifDrops) {
        this.pcapDrops = pcapDrops;
        this.ifDrops = ifDrops;
    }

    public synchronized void clear() {
        for (int c = 0; c < CLASSES.length; c++) {
            java.util.Arrays.fill(packets[c], 0);
            java.util.Arrays.fill(bytes[c], 0);
            totalPackets[c] = 0;
            totalBytes[c] = 0;
        }
        java.util.Arrays.fill(leakMarkers, 0);
        head = Long.MIN_VALUE;
    }

    /** The newest second that holds data, or {@link Long#MIN_VALUE}. */
    public synchronized long newestSecond() {
        return head;
    }

    public synchronized ClassTotals total(TrafficClass c) {
        return new ClassTotals(totalPackets[c.ordinal()], totalBytes[c.ordinal()]);
    }

    /**
     * The last {@code seconds} seconds ending at {@code max(nowEpochSecond, newest second seen)}; seconds
     * older than the ring read as zero.
     */
    public synchronized MeterSnapshot snapshot(int seconds, long nowEpochSecond) {
        int n = Math.max(0, seconds);
        long end = head == Long.MIN_VALUE ? nowEpochSecond : Math.max(head, nowEpochSecond);
        long[][] series = new long[4][n];
        for (int k = 0; k < n; k++) {
            long s = end - n + 1 + k;
            if (head == Long.MIN_VALUE || s > head || s <= head - size) {
                continue;
            }
            int i = (int) Math.floorMod(s, (long) size);
            series[0][k] = packets[TrafficClass.ENCRYPTED.ordinal()][i];
            series[1][k] = packets[TrafficClass.LOCAL_PLAINTEXT.ordinal()][i];
            series[2][k] = packets[TrafficClass.LEAK.ordinal()][i];
            series[3][k] = leakMarkers[i];
        }
        Map<TrafficClass, ClassTotals> totals = new EnumMap<>(TrafficClass.class);
        for (TrafficClass c : CLASSES) {
            totals.put(c, new ClassTotals(totalPackets[c.ordinal()], totalBytes[c.ordinal()]));
        }
        return new MeterSnapshot(end, n, series[0], series[1], series[2], series[3],
                Collections.unmodifiableMap(totals), pcapDrops, ifDrops);
    }

    /** Bytes per second of one class over the ring (for callers that want byte graphs). */
    public synchronized long bytesAt(TrafficClass c, long epochSecond) {
        if (head == Long.MIN_VALUE || epochSecond > head || epochSecond <= head - size) {
            return 0;
        }
        return bytes[c.ordinal()][(int) Math.floorMod(epochSecond, (long) size)];
    }

    /** Ring index for a second, advancing (and zeroing) the ring when time moves on; -1 if too old. */
    private int slot(long s) {
        if (head == Long.MIN_VALUE) {
            head = s;
            return (int) Math.floorMod(s, (long) size);
        }
        if (s > head) {
            long gap = Math.min(s - head, size);
            for (long k = 1; k <= gap; k++) {
                int i = (int) Math.floorMod(head + k + (s - head - gap), (long) size);
                for (int c = 0; c < CLASSES.length; c++) {
                    packets[c][i] = 0;
                    bytes[c][i] = 0;
                }
                leakMarkers[i] = 0;
            }
            head = s;
        } else if (s <= head - size) {
            return -1;
        }
        return (int) Math.floorMod(s, (long) size);
    }
}
