package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <p>A packet fragmented on the outside that carries a tunnel (IP-in-IP, 6in4, GRE) is held whole, in the same table,
 * so that its inner packet is read as a whole: its tunnel payload goes to {@link Sink#tunnel} when complete, or as far
 * as it got when given up.
 */
final class IpFragments {
    static final int MAX_DATAGRAMS = 64;
    static final int BYTE_BUDGET = 1 << 20;
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

    private static final class Datagram {
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
    }

    private final Map<ByteBuffer, Datagram> pending = new LinkedHashMap<>();
    private long bytes;
    private long incomplete;

    /**
     * The first fragment of a leak-class UDP datagram ({@code f} parsed with ports). Returns true when the datagram is
     * now held for reassembly (the caller then does not deliver the fragment's partial payload itself).
     */
    boolean first(ParsedFrame f, MessageOrigin ctx, long nanos, Sink sink) {
        expire(nanos, sink);
        Datagram d = datagram(f, nanos, sink);
        if (d == null) {
            return false;
        }
        ctx.udpLength = f.udpLength;
        d.first = ctx;
        hold(f, d, sink);
        return true;
    }

    /**
     * The first fragment of a packet carrying a tunnel (outcome {@code TUNNEL_FRAGMENT}), {@code origLen} bytes on
     * the wire: held until the packet is complete (or given up), then its tunnel payload goes to {@link Sink#tunnel}.
     */
    void firstOfTunnel(ParsedFrame f, TunnelOrigin ctx, long nanos, int origLen, Sink sink) {
        expire(nanos, sink);
        Datagram d = datagram(f, nanos, sink);
        d.tunnel = ctx;
        d.wireBytes += origLen;
        hold(f, d, sink);
    }

    /** The first fragment's data from where its fragmentable part starts. */
    private void hold(ParsedFrame f, Datagram d, Sink sink) {
        int start = f.fragDataOff;
        d.headerAt = f.transportOff - start;
        int len = f.payloadOff + f.payloadLen - start;
        add(d, 0, f.buf(), start, len, true, sink);
        complete(d, sink);
    }

    /** A non-first fragment (outcome {@code NON_FIRST_FRAGMENT}), {@code origLen} bytes on the wire. */
    void later(ParsedFrame f, long nanos, int origLen, Sink sink) {
        if (!mayBeHeld(f)) {
            return;
        }
        expire(nanos, sink);
        Datagram d = datagram(f, nanos, sink);
        d.wireBytes += origLen;
        add(d, f.fragOffset, f.buf(), f.payloadOff, f.payloadLen, f.fragMore, sink);
        complete(d, sink);
    }

    /** A DNS datagram's fragment (UDP, maybe behind IPsec AH) or one of a fragmented tunnel packet's. */
    private static boolean mayBeHeld(ParsedFrame f) {
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
        return bytes;
    }

    /** Datagrams with their first fragment given up before they completed (each delivered as far as it got). */
    long incomplete() {
        return incomplete;
    }

    void clear() {
        pending.clear();
        bytes = 0;
    }

    private Datagram datagram(ParsedFrame f, long nanos, Sink sink) {
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
        ByteBuffer key = ByteBuffer.wrap(k);
        Datagram d = pending.get(key);
        if (d == null) {
            if (pending.size() >= MAX_DATAGRAMS) {
                Iterator<Datagram> it = pending.values().iterator();
                Datagram old = it.next();
                it.remove();
                giveUp(old, sink);
            }
            d = new Datagram();
            d.nanos = nanos;
            pending.put(key, d);
        }
        return d;
    }

    private void add(Datagram d, int offset, byte[] b, int off, int len, boolean more, Sink sink) {
        if (len <= 0 || offset + len > MAX_DATAGRAM) {
            return;
        }
        if (!more) {
            d.total = offset + len;
        }
        int need = offset + len;
        if (need > d.data.length) {
            while (bytes + need - d.data.length > BYTE_BUDGET && pending.size() > 1) {
                Iterator<Datagram> it = pending.values().iterator();
                Datagram old = it.next();
                if (old == d) {
                    break;
                }
                it.remove();
                giveUp(old, sink);
            }
            if (bytes + need - d.data.length > BYTE_BUDGET) {
                return;
            }
            bytes += need - d.data.length;
            d.data = java.util.Arrays.copyOf(d.data, need);
        }
        System.arraycopy(b, off, d.data, offset, len);
        d.have.set(offset, offset + len);
    }

    private void complete(Datagram d, Sink sink) {
        if (d.first == null && d.tunnel == null || d.total < 0 || d.have.nextClearBit(0) < d.total) {
            return;
        }
        pending.values().remove(d);
        bytes -= d.data.length;
        deliver(d, sink);
    }

    private static void deliver(Datagram d, Sink sink) {
        int contiguous = Math.min(d.have.nextClearBit(0), d.data.length);
        if (d.tunnel != null) {
            if (contiguous > d.headerAt) {
                sink.tunnel(d.tunnel, d.wireBytes, d.data, d.headerAt, contiguous - d.headerAt);
            }
            return;
        }
        int dns = d.headerAt + 8;
        int udpEnd = d.first.udpLength >= 8 ? Math.min(d.headerAt + d.first.udpLength, contiguous) : contiguous;
        if (udpEnd > dns) {
            sink.datagram(d.first, d.data, dns, udpEnd - dns);
        }
    }

    private void expire(long nanos, Sink sink) {
        Iterator<Datagram> it = pending.values().iterator();
        while (it.hasNext()) {
            Datagram d = it.next();
            if (nanos - d.nanos < WAIT_NANOS) {
                break;
            }
            it.remove();
            giveUp(d, sink);
        }
    }

    /** A datagram just taken out of the table before it completed. */
    private void giveUp(Datagram d, Sink sink) {
        bytes -= d.data.length;
        if (d.first != null) {
            incomplete++;
        }
        if (d.first != null || d.tunnel != null) {
            deliver(d, sink);
        }
    }
}
