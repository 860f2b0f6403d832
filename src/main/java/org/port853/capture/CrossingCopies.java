package org.port853.capture;

/**
 * Recognises the copies of one packet that a capture on libpcap's {@code any} device sees on several interfaces
 * (a veth pair, a bridge and its port, a bond and its slave, before and after NAT): same IP protocol, same IPv4
 * identification, same TCP sequence/acknowledgement/flags, the same transport payload and the same server end
 * (address and port), on a different interface, within {@link #WINDOW_NANOS}. The client's end is left out because
 * masquerading rewrites it (the source on the way out, the destination on the way back); the server's end tells a
 * copy from the same query sent to two servers (dnsmasq asks every upstream with the same id and IPv4
 * identification 0, e.g. the router on wlan0 and the VPN's server on tun0).
 * A fixed table, no allocation; an entry is forgotten when its slot is reused.
 */
final class CrossingCopies {
    static final long WINDOW_NANOS = 50_000_000L;
    private static final int SLOTS = 1 << 12;
    /** Enough to tell packets apart: the DNS header and question, or a TLS record header and ciphertext. */
    private static final int HASHED_PAYLOAD = 128;

    private final long[] keys = new long[SLOTS];
    private final long[] times = new long[SLOTS];
    private final long[] ifIndex = new long[SLOTS];
    /** Meter bookkeeping of the counted copy, so it can move to the interface where the packet leaves. */
    final String[] iface = new String[SLOTS];
    final int[] packetType = new int[SLOTS];
    final int[] trafficClass = new int[SLOTS];
    final long[] second = new long[SLOTS];
    final int[] bytes = new int[SLOTS];
    private int lastSlot;

    /**
     * {@code toServer}: the frame goes to the server (its destination is the server's end, else its source).
     * {@code ifIndex}: the interface the frame was captured on ({@link #ofCaptureInterface} for a file's interface
     * id; an SLL2 index as it is). Frames with an SLL2 index and frames of a file's other interfaces are two
     * captures (e.g. of {@code any} and of eth0, merged): they are never taken for copies of each other.
     * Returns the slot of the earlier copy of this packet, or -1 when it is the first (then it is remembered and
     * {@link #lastSlot()} names its slot).
     */
    int copyOf(ParsedFrame f, boolean toServer, long nanos, long ifIndex) {
        if (!recognisable(f)) {
            return -1; // counted like every other frame, never taken for a copy of another
        }
        long key = key(f, toServer) ^ (ifIndex >>> 32);
        int slot = (int) (key ^ (key >>> 32)) & (SLOTS - 1);
        if (keys[slot] == key && nanos - times[slot] <= WINDOW_NANOS && nanos >= times[slot]
                && this.ifIndex[slot] != ifIndex) {
            this.ifIndex[slot] = ifIndex; // the copy moved on: the same bytes again here are a new packet
            times[slot] = nanos;
            return slot;
        }
        keys[slot] = key;
        times[slot] = nanos;
        this.ifIndex[slot] = ifIndex;
        lastSlot = slot;
        return -1;
    }

    /**
     * Only a frame whose transport header was captured whole can be told apart from other packets: without the TCP
     * sequence/acknowledgement (cut by the snap length) two different packets of the same size on two interfaces
     * (e.g. resets with IPv4 identification 0) would look alike and one would go uncounted.
     */
    private static boolean recognisable(ParsedFrame f) {
        if (f.protocol == ParsedFrame.TCP) {
            return f.tcpHeaderComplete;
        }
        return f.protocol == ParsedFrame.UDP && f.transportOff > 0;
    }

    /** The interface key of a file's interface id, apart from every SLL2 index. */
    static long ofCaptureInterface(int captureIf) {
        return 1L << 32 | captureIf;
    }

    int lastSlot() {
        return lastSlot;
    }

    void clear() {
        java.util.Arrays.fill(keys, 0);
        java.util.Arrays.fill(iface, null);
    }

    private static long key(ParsedFrame f, boolean toServer) {
        byte[] b = f.buf;
        long h = 0xcbf29ce484222325L ^ f.ipVersion ^ ((long) f.protocol << 8) ^ ((long) f.payloadLen << 16)
                ^ ((long) f.ipLength << 40);
        if (f.ipVersion == 4) {
            h = mix(h, f.fragId);
        }
        int server = toServer ? f.dstOff : f.srcOff;
        h = mix(h, toServer ? f.dstPort : f.srcPort);
        if (f.ipVersion == 4) {
            h = mix(h, FrameParser.u32(b, server));
        } else {
            h = mix(mix(h, FrameParser.u64(b, server)), FrameParser.u64(b, server + 8));
        }
        if (f.protocol == ParsedFrame.TCP && f.transportOff > 0) { // at least the fixed 20-byte header
            h = mix(h, f.tcpSeq);
            h = mix(h, FrameParser.u32(b, f.transportOff + 8)); // acknowledgement number
            h = mix(h, f.tcpFlags);
        }
        int n = Math.min(f.payloadLen, HASHED_PAYLOAD);
        int i = 0;
        long h2 = 0x27D4EB2F165667C5L; // a second lane: two independent multiply chains run side by side
        for (; i + 16 <= n; i += 16) {
            h = mix(h, FrameParser.u64(b, f.payloadOff + i));
            h2 = mix(h2, FrameParser.u64(b, f.payloadOff + i + 8));
        }
        for (; i < n; i++) {
            h = (h ^ (b[f.payloadOff + i] & 0xff)) * 0x100000001B3L;
        }
        h = mix(h, h2);
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x9E3779B97F4A7C15L;
    }
}
