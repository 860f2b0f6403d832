package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Reassembles fragmented UDP datagrams whose first fragment was a DNS message with an unreadable question
 * (RFC 791 §3.2, RFC 8200 §4.5), only to read the name; fragments arrive in any order. Bounded: at most
 * {@link #MAX_DATAGRAMS} datagrams and {@link #BYTE_BUDGET} bytes in progress (the oldest goes first), each waits at
 * most {@link #WAIT_NANOS} of capture time. A datagram whose first fragment was seen but which never completes is
 * still delivered, as far as it got, however it was given up (timed out, pushed out of the table or the byte budget,
 * end of capture), and counted ({@link #incomplete()}): its first fragment carries the UDP header and the query's
 * header, so a query toward port 53 is still a leak entry (named unreadable when its question was cut), never
 * silently lost. Fragments held without their first fragment are given up uncounted: they carry no ports, were
 * already counted as non-first fragments, and may belong to any fragmented traffic (the live filter passes all IPv4
 * non-first fragments), or to a query whose readable first fragment was read at once.
 *
 * <p>A packet fragmented on the outside that carries a tunnel (IP-in-IP, 6in4, GRE) is held whole, so that its inner
 * packet is read as a whole: its tunnel payload goes to {@link Sink#tunnel} when complete, or as far as it got when
 * given up. Tunnel packets wait in a table of their own, with the same bounds, so that a flood of one kind cannot
 * push the other out ({@link #MAX_HELD_BYTES} in all). A fragment behind an IPsec AH does not say which kind it is
 * until its first fragment comes: it waits with the DNS datagrams, and moves when that first fragment is a tunnel's.
 */
final class IpFragments {
    /** Per kind (DNS datagrams, tunnel packets). */
    static final int MAX_DATAGRAMS = 64;
    /** Per kind (DNS datagrams, tunnel packets). */
    static final int BYTE_BUDGET = 1 << 20;
    static final int MAX_HELD_BYTES = 2 * BYTE_BUDGET;
    static final long WAIT_NANOS = 5_000_000_000L;
    private static final int MAX_DATAGRAM = 65535;

    interface Sink {
        /** The datagram's UDP payload {@code b[off, off+len)} (complete or as far as it got). */
        void datagram(MessageOrigin first, byte[] b, int off, int len);

        /**
         * A tunnel packet's payload {@code b[off, off+len)}, from its tunnel header on (complete or as far as it got);
         * {@code wireBytes}: the original lengths of the fragments seen. {@code b} is the sink's to keep.
         */
        void tunnel(TunnelOrigin first, long wireBytes, byte[] b, int off, int len);
    }

    static final class Datagram {
        byte[] data = new byte[0];
        final BitSet have = new BitSet();
        int total = -1;
        long nanos;
        MessageOrigin first;
        /** The first fragment of a tunnel packet, instead of a DNS datagram's. */
        TunnelOrigin tunnel;
        /** Where the UDP (or tunnel) header starts in the datagram: after an IPsec authentication header, not at 0. */
        int headerAt;
        long wireBytes;
        /** The table it waits in. */
        FragmentTable heldIn;
    }

    private final FragmentTable datagrams = new FragmentTable(MAX_DATAGRAMS, BYTE_BUDGET);
    private final FragmentTable tunnels = new FragmentTable(MAX_DATAGRAMS, BYTE_BUDGET);
    private long incomplete;

    /**
     * The first fragment of a leak-class UDP datagram ({@code f} parsed with ports). Returns true when the datagram is
     * now held for reassembly (the caller then does not deliver the fragment's partial payload itself).
     */
    boolean first(ParsedFrame f, MessageOrigin ctx, long nanos, Sink sink) {
        FragmentTable.GiveUp gone = expire(nanos, sink);
        Datagram d = datagrams.datagram(key(f), nanos, gone);
        ctx.udpLength = f.udpLength;
        d.first = ctx;
        hold(f, d, gone, sink);
        return true;
    }

    /**
     * The first fragment of a packet carrying a tunnel (outcome {@code TUNNEL_FRAGMENT}), {@code origLen} bytes on
     * the wire: held until the packet is complete (or given up), then its tunnel payload goes to {@link Sink#tunnel}.
     * Returns false when that packet's first fragment is held already: this one is a copy of it.
     */
    boolean firstOfTunnel(ParsedFrame f, TunnelOrigin ctx, long nanos, int origLen, Sink sink) {
        FragmentTable.GiveUp gone = expire(nanos, sink);
        ByteBuffer key = key(f);
        if (datagrams.holds(key)) { // later fragments behind an AH came first
            tunnels.adopt(key, datagrams.take(key), gone);
        }
        Datagram d = tunnels.datagram(key, nanos, gone);
        if (d.tunnel != null) {
            return false;
        }
        d.tunnel = ctx;
        d.wireBytes += origLen;
        hold(f, d, gone, sink);
        return true;
    }

    /** The first fragment's data from where its fragmentable part starts. */
    private void hold(ParsedFrame f, Datagram d, FragmentTable.GiveUp gone, Sink sink) {
        int start = f.fragDataOff;
        d.headerAt = f.transportOff - start;
        int len = f.payloadOff + f.payloadLen - start;
        add(d, 0, f.buf(), start, len, true, gone);
        complete(d, sink);
    }

    /** A non-first fragment (outcome {@code NON_FIRST_FRAGMENT}), {@code origLen} bytes on the wire. */
    void later(ParsedFrame f, long nanos, int origLen, Sink sink) {
        FragmentTable table = tableOf(f);
        if (table == null) {
            return;
        }
        FragmentTable.GiveUp gone = expire(nanos, sink);
        Datagram d = table.datagram(key(f), nanos, gone);
        d.wireBytes += origLen;
        add(d, f.fragOffset, f.buf(), f.payloadOff, f.payloadLen, f.fragMore, gone);
        complete(d, sink);
    }

    /**
     * Where a non-first fragment waits: with the DNS datagrams (UDP; behind an IPsec AH unless its tunnel packet's
     * first fragment came), with the tunnel packets, or nowhere (null).
     */
    private FragmentTable tableOf(ParsedFrame f) {
        if (!reassembles(f)) {
            return null;
        }
        return switch (f.fragProtocol) {
            case ParsedFrame.UDP -> datagrams;
            case ParsedFrame.AUTHENTICATION_HEADER -> tunnels.holds(key(f)) ? tunnels : datagrams;
            default -> tunnels;
        };
    }

    /**
     * Whether a non-first fragment may belong to what is reassembled here: a UDP datagram (maybe behind an IPsec AH)
     * or a tunnel packet fragmented on the outside.
     */
    static boolean reassembles(ParsedFrame f) {
        return switch (f.fragProtocol) {
            case ParsedFrame.UDP, ParsedFrame.AUTHENTICATION_HEADER -> true;
            case FrameParser.IPV4_IN_IP, FrameParser.IPV6_IN_IP, FrameParser.GRE -> f.tunnels == 0;
            default -> false;
        };
    }

    /** Delivers what the held datagrams have (end of capture). */
    void flush(Sink sink) {
        expire(Long.MAX_VALUE, sink);
    }

    long heldBytes() {
        return datagrams.bytes() + tunnels.bytes();
    }

    /** Datagrams with their first fragment given up before they completed (each delivered as far as it got). */
    long incomplete() {
        return incomplete;
    }

    void clear() {
        datagrams.clear();
        tunnels.clear();
    }

    /**
     * What tells a fragmented datagram apart (RFC 791 §3.2, RFC 8200 §4.5): its addresses, identification, the
     * protocol its fragments' IP header names and the IP version.
     */
    static ByteBuffer key(ParsedFrame f) {
        int al = f.addressLength();
        byte[] k = new byte[2 * al + 6];
        System.arraycopy(f.buf(), f.srcOffset(), k, 0, al);
        System.arraycopy(f.buf(), f.dstOffset(), k, al, al);
        k[2 * al] = (byte) (f.fragId >> 24);
        k[2 * al + 1] = (byte) (f.fragId >> 16);
        k[2 * al + 2] = (byte) (f.fragId >> 8);
        k[2 * al + 3] = (byte) f.fragId;
        k[2 * al + 4] = (byte) f.fragProtocol; // the first fragment's transport may follow an IPsec AH
        k[2 * al + 5] = (byte) f.ipVersion;
        return ByteBuffer.wrap(k);
    }

    private static void add(Datagram d, int offset, byte[] b, int off, int len, boolean more,
                            FragmentTable.GiveUp gone) {
        if (len <= 0 || offset + len > MAX_DATAGRAM) {
            return;
        }
        if (!more) {
            d.total = offset + len;
        }
        int need = offset + len;
        if (need > d.data.length && !d.heldIn.grow(d, need, gone)) {
            return;
        }
        System.arraycopy(b, off, d.data, offset, len);
        d.have.set(offset, offset + len);
    }

    private static void complete(Datagram d, Sink sink) {
        if (d.first == null && d.tunnel == null || d.total < 0 || d.have.nextClearBit(0) < d.total) {
            return;
        }
        d.heldIn.remove(d);
        deliver(d, sink);
    }

    private static void deliver(Datagram d, Sink sink) {
        int contiguous = Math.min(d.have.nextClearBit(0), d.data.length);
        if (d.tunnel != null) {
            // even with nothing past the tunnel's header it is delivered: its frame is counted there (a parse error)
            int from = Math.min(d.headerAt, contiguous);
            sink.tunnel(d.tunnel, d.wireBytes, d.data, from, contiguous - from);
            return;
        }
        int dns = d.headerAt + 8;
        int udpEnd = d.first.udpLength >= 8 ? Math.min(d.headerAt + d.first.udpLength, contiguous) : contiguous;
        if (udpEnd > dns) {
            sink.datagram(d.first, d.data, dns, udpEnd - dns);
        }
    }

    /** Gives up what waited too long by {@code nanos}; returns how this call gives up datagrams. */
    private FragmentTable.GiveUp expire(long nanos, Sink sink) {
        FragmentTable.GiveUp gone = d -> giveUp(d, sink);
        datagrams.expire(nanos, WAIT_NANOS, gone);
        tunnels.expire(nanos, WAIT_NANOS, gone);
        return gone;
    }

    /** A datagram just taken out of its table before it completed. */
    private void giveUp(Datagram d, Sink sink) {
        if (d.first != null) {
            incomplete++;
        }
        if (d.first != null || d.tunnel != null) {
            deliver(d, sink);
        }
    }
}
