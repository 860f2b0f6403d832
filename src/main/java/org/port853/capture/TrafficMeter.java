package org.port853.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;

/**
 * Packets and bytes per class in a fixed ring of per-second buckets, plus running totals and pcap drop
 * counters, also per interface (at most {@link #MAX_INTERFACES} named interfaces, the rest together as
 * {@link #OTHER_INTERFACES}). Memory is bounded whatever the packet rate: about 80 bytes per second of history, plus
 * 16 bytes per second for each class seen on each interface (an interface's series of a class it never carried are
 * not allocated; 3600 s × 17 interfaces × 4 classes at most: about 4 MB).
 * One writer (the capture thread) and any number of readers; all methods are thread-safe.
 */
public final class TrafficMeter {
    public static final int DEFAULT_SECONDS = 3600;
    private static final TrafficClass[] CLASSES = TrafficClass.values();

    private final int size;
    private final long[][] packets = new long[CLASSES.length][];
    private final long[][] bytes = new long[CLASSES.length][];
    private final long[] leakMarkers;
    /** Queries per class and second: DNS questions on port 53, the client's TLS application records on 853. */
    private final long[][] queries = new long[CLASSES.length][];
    private final long[] stamp; // the second each slot holds
    private final long[] totalPackets = new long[CLASSES.length];
    private final long[] totalBytes = new long[CLASSES.length];
    /** Interfaces with their own per-second buckets; the others share {@link #OTHER_INTERFACES}. */
    public static final int MAX_INTERFACES = 16;
    public static final String OTHER_INTERFACES = "(other)";
    private final String[] ifNames = new String[MAX_INTERFACES + 1];
    private int ifCount;
    // [slot][class] -> ring of packets / bytes per second, allocated when that class is first counted there
    private final long[][][] ifPackets = new long[MAX_INTERFACES + 1][][];
    private final long[][][] ifBytes = new long[MAX_INTERFACES + 1][][];
    private long head = Long.MIN_VALUE; // newest second written
    private long first = Long.MAX_VALUE; // oldest second written
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
            queries[c] = new long[size];
        }
        leakMarkers = new long[size];
        stamp = new long[size];
        java.util.Arrays.fill(stamp, Long.MIN_VALUE);
    }

    public int capacitySeconds() {
        return size;
    }

    public synchronized void add(long epochSecond, TrafficClass c, long frameBytes) {
        add(epochSecond, c, frameBytes, -1);
    }

    /**
     * Counts a packet; {@code ifSlot} from {@link #interfaceSlot(String)} also counts it in that interface's
     * buckets ({@code -1}: no interface).
     */
    public synchronized void add(long epochSecond, TrafficClass c, long frameBytes, int ifSlot) {
        int ci = c.ordinal();
        totalPackets[ci]++;
        totalBytes[ci] += frameBytes;
        int i = slot(epochSecond);
        if (i >= 0) {
            packets[ci][i]++;
            bytes[ci][i] += frameBytes;
            if (ifSlot >= 0) {
                ensureInterfaceSeries(ifSlot, ci);
                ifPackets[ifSlot][ci][i]++;
                ifBytes[ifSlot][ci][i] += frameBytes;
            }
        }
        if (epochSecond < first) {
            first = epochSecond;
        }
    }

    /** Moves one counted packet of second {@code epochSecond} from one interface's buckets to another's. */
    public synchronized void moveInterface(long epochSecond, TrafficClass c, long frameBytes, int fromSlot, int toSlot) {
        int i = readSlot(epochSecond);
        if (i < 0 || fromSlot == toSlot) {
            return;
        }
        int ci = c.ordinal();
        if (fromSlot >= 0 && ifPackets[fromSlot] != null && ifPackets[fromSlot][ci] != null) {
            ifPackets[fromSlot][ci][i]--;
            ifBytes[fromSlot][ci][i] -= frameBytes;
        }
        if (toSlot >= 0 && ifPackets[toSlot] != null) {
            ensureInterfaceSeries(toSlot, ci);
            ifPackets[toSlot][ci][i]++;
            ifBytes[toSlot][ci][i] += frameBytes;
        }
    }

    /**
     * The bucket index of an interface: the first {@link #MAX_INTERFACES} names get their own, later ones share
     * {@link #OTHER_INTERFACES}. Names stay assigned until the meter is discarded (also across {@link #clear()}).
     */
    public synchronized int interfaceSlot(String name) {
        for (int k = 0; k < ifCount; k++) {
            if (ifNames[k].equals(name)) {
                return k;
            }
        }
        int k = ifCount < MAX_INTERFACES || name.equals(OTHER_INTERFACES) && ifCount == MAX_INTERFACES
                ? ifCount : MAX_INTERFACES;
        if (ifNames[k] == null) {
            ifNames[k] = k == MAX_INTERFACES ? OTHER_INTERFACES : name;
            ifPackets[k] = new long[CLASSES.length][];
            ifBytes[k] = new long[CLASSES.length][];
            ifCount = k + 1;
        }
        return k;
    }

    /** The oldest second that holds data (since start or clear), or {@link Long#MIN_VALUE}. */
    public synchronized long oldestSecond() {
        return head == Long.MIN_VALUE ? Long.MIN_VALUE : Math.max(first, head - size + 1);
    }

    public synchronized void addLeakMarker(long epochSecond) {
        int i = slot(epochSecond);
        if (i >= 0) {
            leakMarkers[i]++;
        }
    }

    /** Counts a query of class {@code c} (its packet is counted with {@link #add} as well). */
    public synchronized void addQuery(long epochSecond, TrafficClass c) {
        int i = slot(epochSecond);
        if (i >= 0) {
            queries[c.ordinal()][i]++;
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
            java.util.Arrays.fill(queries[c], 0);
            totalPackets[c] = 0;
            totalBytes[c] = 0;
        }
        java.util.Arrays.fill(leakMarkers, 0);
        java.util.Arrays.fill(stamp, Long.MIN_VALUE);
        for (int k = 0; k < ifCount; k++) {
            for (int c = 0; c < CLASSES.length; c++) {
                if (ifPackets[k][c] != null) {
                    java.util.Arrays.fill(ifPackets[k][c], 0);
                    java.util.Arrays.fill(ifBytes[k][c], 0);
                }
            }
        }
        head = Long.MIN_VALUE;
        first = Long.MAX_VALUE;
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
        long[][] series = new long[7][n];
        for (int k = 0; k < n; k++) {
            int i = readSlot(end - n + 1 + k);
            if (i < 0) {
                continue;
            }
            series[0][k] = packets[TrafficClass.ENCRYPTED.ordinal()][i];
            series[1][k] = packets[TrafficClass.LOCAL_PLAINTEXT.ordinal()][i];
            series[2][k] = packets[TrafficClass.LEAK.ordinal()][i];
            series[3][k] = leakMarkers[i];
            series[4][k] = packets[TrafficClass.PLAINTEXT_853.ordinal()][i];
            series[5][k] = queries[TrafficClass.ENCRYPTED.ordinal()][i];
            series[6][k] = queries[TrafficClass.LOCAL_PLAINTEXT.ordinal()][i];
        }
        Map<TrafficClass, ClassTotals> totals = new EnumMap<>(TrafficClass.class);
        for (TrafficClass c : CLASSES) {
            totals.put(c, new ClassTotals(totalPackets[c.ordinal()], totalBytes[c.ordinal()]));
        }
        List<MeterSnapshot.InterfaceSeries> ifs = new ArrayList<>(ifCount);
        for (int k = 0; k < ifCount; k++) {
            long[][] p = new long[CLASSES.length][n];
            long[][] by = new long[CLASSES.length][n];
            for (int j = 0; j < n; j++) {
                int i = readSlot(end - n + 1 + j);
                if (i < 0) {
                    continue;
                }
                for (int c = 0; c < CLASSES.length; c++) {
                    if (ifPackets[k][c] != null) {
                        p[c][j] = ifPackets[k][c][i];
                        by[c][j] = ifBytes[k][c][i];
                    }
                }
            }
            ifs.add(new MeterSnapshot.InterfaceSeries(ifNames[k], p[0], p[1], p[2], by[0], by[1], by[2], p[3], by[3]));
        }
        return new MeterSnapshot(end, n, series[0], series[1], series[2], series[3],
                Collections.unmodifiableMap(totals), pcapDrops, ifDrops, List.copyOf(ifs), series[4],
                new MeterSnapshot.Queries(series[5], series[6]));
    }

    /** Bytes per second of one class over the ring (for callers that want byte graphs). */
    public synchronized long bytesAt(TrafficClass c, long epochSecond) {
        int i = readSlot(epochSecond);
        return i < 0 ? 0 : bytes[c.ordinal()][i];
    }

    /**
     * Ring index for a second, or -1 if it is too old. Each slot remembers which second it holds and is zeroed
     * lazily when it is reused, so a jump in time costs nothing (hostile files cannot make this slow).
     */
    private int slot(long s) {
        if (head == Long.MIN_VALUE || s > head) {
            head = s;
        } else if (s <= head - size) {
            return -1;
        }
        int i = (int) Math.floorMod(s, (long) size);
        if (stamp[i] != s) {
            stamp[i] = s;
            for (int c = 0; c < CLASSES.length; c++) {
                packets[c][i] = 0;
                bytes[c][i] = 0;
                queries[c][i] = 0;
            }
            leakMarkers[i] = 0;
            for (int f = 0; f < ifCount; f++) {
                for (int c = 0; c < CLASSES.length; c++) {
                    if (ifPackets[f][c] != null) {
                        ifPackets[f][c][i] = 0;
                        ifBytes[f][c][i] = 0;
                    }
                }
            }
        }
        return i;
    }

    /** A series allocated now is all zeros, which is right for every second the ring holds: none was counted. */
    private void ensureInterfaceSeries(int ifSlot, int ci) {
        if (ifPackets[ifSlot][ci] == null) {
            ifPackets[ifSlot][ci] = new long[size];
            ifBytes[ifSlot][ci] = new long[size];
        }
    }

    /** Whether an interface's series of one class exist (for tests: a class never counted there costs nothing). */
    synchronized boolean hasInterfaceSeries(int ifSlot, TrafficClass c) {
        return ifPackets[ifSlot] != null && ifPackets[ifSlot][c.ordinal()] != null;
    }

    /** Ring index holding second {@code s}, or -1 when it holds no data for it. */
    private int readSlot(long s) {
        if (head == Long.MIN_VALUE || s > head || s <= head - size) {
            return -1;
        }
        int i = (int) Math.floorMod(s, (long) size);
        return stamp[i] == s ? i : -1;
    }
}
