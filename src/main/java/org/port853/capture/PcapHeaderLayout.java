package org.port853.capture;

import com.sun.jna.Pointer;

/**
 * Where the fields of libpcap's {@code struct pcap_pkthdr} sit. It starts with a {@code struct timeval}, whose two
 * fields are {@code long}: 64-bit on Linux/macOS (LP64: 24-byte header) but 32-bit on Windows (LLP64, Npcap:
 * 16-byte header). Reading a Windows header with the LP64 layout would take caplen from past the end.
 */
public enum PcapHeaderLayout {
    LP64(24, 8, 16, 20), WINDOWS(16, 4, 8, 12);

    private final int size;
    private final int timeFieldWidth;
    private final int caplenOffset;
    private final int lenOffset;

    PcapHeaderLayout(int size, int timeFieldWidth, int caplenOffset, int lenOffset) {
        this.size = size;
        this.timeFieldWidth = timeFieldWidth;
        this.caplenOffset = caplenOffset;
        this.lenOffset = lenOffset;
    }

    public static PcapHeaderLayout forThisOs() {
        return LivePermission.isWindows() ? WINDOWS : LP64;
    }

    public int size() {
        return size;
    }

    public int caplenOffset() {
        return caplenOffset;
    }

    public int lenOffset() {
        return lenOffset;
    }

    /** The capture time in nanoseconds since the epoch. */
    public long nanos(Pointer hdr) {
        long sec = timeFieldWidth == 8 ? hdr.getLong(0) : hdr.getInt(0) & 0xffffffffL;
        long usec = timeFieldWidth == 8 ? hdr.getLong(8) : hdr.getInt(4) & 0xffffffffL;
        return sec * 1_000_000_000L + usec * 1000L;
    }

    public int caplen(Pointer hdr) {
        return hdr.getInt(caplenOffset);
    }

    public int len(Pointer hdr) {
        return hdr.getInt(lenOffset);
    }
}
