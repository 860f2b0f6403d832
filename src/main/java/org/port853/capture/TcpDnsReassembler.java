package org.port853.capture;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassembles DNS messages carried over TCP (two-byte length prefix, RFC 1035 §4.2.2 / RFC 7766) per
 * direction of a connection, across segments. Retransmitted bytes are skipped. A segment that arrives ahead of a
 * missing one (reordering) is held until the missing bytes come, up to {@link #MAX_AHEAD} segments; when more arrive,
 * or the connection ends or the capture does ({@link #flush}) first, the missing bytes were lost: the stream
 * resynchronises on the earliest segment held, assuming it starts a message (a wrong guess in the server's direction
 * cannot invent a leak: {@link LeakStage} reads no query there). Data in a SYN (TCP Fast Open, RFC 7413) starts the
 * stream. A flow joined mid-stream (no SYN seen) is framed on a guess until it gives a message that reads as DNS;
 * while it holds part of a guessed message, a segment starting with a whole DNS message ends the guess.
 *
 * <p>Bounded whatever arrives: at most {@link #MAX_FLOWS} flows, at most one message plus one segment buffered per
 * flow besides its held segments, and all buffers together at most {@link #BYTE_BUDGET} bytes — when a flow needs more, the least recently
 * used flows are dropped (and counted: {@link #droppedFlows()}, {@link #droppedBytes()}). Flows idle for
 * {@link #IDLE_NANOS} of capture time are forgotten.
 */
public final class TcpDnsReassembler {
    /** Receives each complete message; the bytes are valid only during the call. */
    public interface MessageSink {
        /** A message of the flow of the frame being fed. */
        void message(byte[] b, int off, int len);

        /** What the frame being fed says of its flow (addresses, ports, time), kept with segments held for later. */
        default Object flowContext() {
            return null;
        }

        /** A held message delivered while another flow's frame (or none) is being fed: {@code context} is its own. */
        default void message(Object context, byte[] b, int off, int len) {
            message(b, off, len);
        }
    }

    static final int MAX_FLOWS = 1024;
    /** Segments held per flow while an earlier one is missing; one more means the missing one was lost. */
    static final int MAX_AHEAD = 8;
    static final int BYTE_BUDGET = 4 << 20;
    static final long IDLE_NANOS = 30_000_000_000L;
    private static final int MAX_MESSAGE = 2 + 65535;
    private static final int INITIAL_BUFFER = 512;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;

    private static final byte[] NO_BUFFER = new byte[0];

    /** A direction of a connection; its buffer is taken only when a message spans segments. */
    private static final class Flow {
        long nextSeq = -1;
        byte[] buf = NO_BUFFER;
        int len;
        long lastNanos;
        /** Segments that arrived ahead of a missing one, in arrival order (null: none yet). */
        java.util.List<Ahead> ahead;
        int aheadBytes;
        /** The flow as its last held segment's frame told it ({@link MessageSink#flowContext}). */
        Object context;
        /** Its SYN was seen, or it gave a message that reads as DNS: its framing is known to be right. */
        boolean anchored;

        /** Bytes this flow holds, counted in the budget. */
        long held() {
            return buf.length + aheadBytes;
        }
    }

    /** A segment held until the bytes before it arrive. */
    private record Ahead(long seq, byte[] data) {
    }

    private final Map<FlowKey, Flow> flows = new LinkedHashMap<>(64, 0.75f, true);
    /** Reused for look-ups; a copy becomes the map's key only when a flow is created. */
    private final FlowKey probe = new FlowKey();
    private long buffered;
    private long droppedFlows;
    private long droppedBytes;
    private long lastExpiry = Long.MIN_VALUE;

    /** Feeds one TCP segment of a parsed frame (outcome PORTS, protocol TCP) captured at {@code nanos}. */
    public void segment(ParsedFrame f, long nanos, MessageSink sink) {
        if (!f.tcpHeaderComplete()) {
            return;
        }
        expire(nanos, sink);
        FlowKey key = probe.set(f);
        int flags = f.tcpFlags();
        Flow flow = flows.get(key);
        long dataSeq = f.tcpSeq();
        if ((flags & SYN) != 0) {
            if (flow != null) {
                flushAhead(flow, sink); // a new connection on the same ports: the old one's missing bytes never come
            }
            remove(key, flow, false);
            flow = newFlow(key);
            flow.anchored = true;
            dataSeq = (dataSeq + 1) & 0xffffffffL; // the SYN takes one sequence number; Fast Open data follows it
            flow.nextSeq = dataSeq;
        }
        int plen = f.payloadLength();
        if (plen > 0 && !f.payloadTruncated()) {
            if (flow == null) {
                flow = newFlow(key);
            }
            flow.lastNanos = nanos;
            append(flow, f.buf(), f.payloadOffset(), plen, dataSeq, sink);
        } else if (flow != null) {
            flow.lastNanos = nanos;
            if (plen > 0) {
                flow.len = 0;          // bytes missing from the capture: lose sync until the next segment
                flow.nextSeq = -1;
            }
        }
        if ((flags & (FIN | RST)) != 0) {
            Flow ending = flows.get(key);
            if (ending != null) {
                flushAhead(ending, sink); // the connection ends: what is still missing never comes
            }
            remove(key, ending, false);
        }
    }

    public int flowCount() {
        return flows.size();
    }

    /** Bytes held in flow buffers now (at most {@link #BYTE_BUDGET}). */
    public long bufferedBytes() {
        return buffered;
    }

    /** Flows dropped to stay within {@link #MAX_FLOWS} or {@link #BYTE_BUDGET} while holding part of a message. */
    public long droppedFlows() {
        return droppedFlows;
    }

    /** Bytes of partial messages those drops lost. */
    public long droppedBytes() {
        return droppedBytes;
    }

    public void clear() {
        flows.clear();
        buffered = 0;
    }

    /** The capture ended: segments still waiting for missing bytes are read as they are (see the class comment). */
    public void flush(MessageSink sink) {
        for (Flow flow : new java.util.ArrayList<>(flows.values())) {
            flushAhead(flow, inOwnContext(flow, sink)); // one dropped meanwhile to make room holds nothing any more
        }
    }

    /** {@code sink} for {@code flow}'s held messages while no frame of its own is being fed. */
    private static MessageSink inOwnContext(Flow flow, MessageSink sink) {
        Object context = flow.context;
        return (b, off, len) -> sink.message(context, b, off, len);
    }

    private Flow newFlow(FlowKey key) {
        if (flows.size() >= MAX_FLOWS) {
            Iterator<Map.Entry<FlowKey, Flow>> it = flows.entrySet().iterator();
            Map.Entry<FlowKey, Flow> eldest = it.next();
            dropped(eldest.getValue());
            forget(eldest.getValue());
            it.remove();
        }
        Flow flow = new Flow();
        flows.put(key.copy(), flow);
        return flow;
    }

    private void remove(FlowKey key, Flow flow, boolean countDrop) {
        if (flow != null && flows.remove(key) != null) {
            forget(flow);
            if (countDrop) {
                dropped(flow);
            }
        }
    }

    /** A flow that is no longer kept: its bytes leave the budget, and nothing of it is read any more. */
    private void forget(Flow flow) {
        buffered -= flow.held();
        flow.ahead = null;
        flow.aheadBytes = 0;
        flow.context = null;
    }

    private void dropped(Flow flow) {
        if (flow.len > 0 || flow.aheadBytes > 0) {
            droppedFlows++;
            droppedBytes += flow.len + flow.aheadBytes;
        }
    }

    /** Drops least recently used flows other than {@code keep} until {@code extra} more bytes fit the budget. */
    private void makeRoom(long extra, Flow keep) {
        Iterator<Flow> it = flows.values().iterator();
        while (buffered + extra > BYTE_BUDGET && it.hasNext()) {
            Flow victim = it.next();
            if (victim == keep) {
                continue;
            }
            it.remove();
            boolean pending = victim.len > 0 || victim.aheadBytes > 0;
            dropped(victim);
            forget(victim);
            if (!pending) {
                droppedFlows++; // dropped for room even without pending bytes
            }
        }
    }

    /** Forgets flows idle for {@link #IDLE_NANOS} (checked at most once per second of capture time). */
    private void expire(long nanos, MessageSink sink) {
        if (nanos - lastExpiry < 1_000_000_000L && lastExpiry != Long.MIN_VALUE) {
            return;
        }
        lastExpiry = nanos;
        java.util.List<FlowKey> idle = new java.util.ArrayList<>();
        for (Map.Entry<FlowKey, Flow> e : flows.entrySet()) {
            if (nanos - e.getValue().lastNanos < IDLE_NANOS) {
                break; // access order: the rest were used more recently
            }
            idle.add(e.getKey());
        }
        for (FlowKey key : idle) {
            Flow flow = flows.get(key); // null when reading another's held segments made room by dropping it
            if (flow != null) {
                flushAhead(flow, inOwnContext(flow, sink)); // what it still waits for never came
                remove(key, flow, true);
            }
        }
    }

    private void append(Flow flow, byte[] b, int off, int len, long seq, MessageSink sink) {
        if (flow.nextSeq >= 0 && (int) (seq - flow.nextSeq) > 0) {
            hold(flow, b, off, len, seq); // bytes before it are missing: they may still come (reordering)
            flow.context = sink.flowContext();
            if (flow.ahead != null && flow.ahead.size() > MAX_AHEAD) {
                resync(flow, sink);
            }
            return;
        }
        appendInOrder(flow, b, off, len, seq, sink);
        drain(flow, sink);
    }

    private void hold(Flow flow, byte[] b, int off, int len, long seq) {
        makeRoom(len, flow);
        if (buffered + len > BYTE_BUDGET) {
            droppedBytes += len;
            return;
        }
        if (flow.ahead == null) {
            flow.ahead = new java.util.ArrayList<>(2);
        }
        flow.ahead.add(new Ahead(seq, java.util.Arrays.copyOfRange(b, off, off + len)));
        flow.aheadBytes += len;
        buffered += len;
    }

    /** The missing bytes were lost: the message they belonged to is given up, reading goes on at the earliest held. */
    private void resync(Flow flow, MessageSink sink) {
        Ahead earliest = flow.ahead.get(0);
        for (Ahead a : flow.ahead) {
            if ((int) (a.seq() - earliest.seq()) < 0) {
                earliest = a;
            }
        }
        droppedBytes += flow.len;
        flow.len = 0;
        flow.nextSeq = -1;
        take(flow, earliest, sink);
        drain(flow, sink);
    }

    /** Reads the held segments that now follow on, in order. */
    private void drain(Flow flow, MessageSink sink) {
        while (flow.ahead != null && !flow.ahead.isEmpty()) {
            Ahead next = null;
            for (Ahead a : flow.ahead) {
                if (flow.nextSeq < 0 || (int) (a.seq() - flow.nextSeq) <= 0) {
                    next = a;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            take(flow, next, sink);
        }
    }

    private void flushAhead(Flow flow, MessageSink sink) {
        while (flow.ahead != null && !flow.ahead.isEmpty()) {
            resync(flow, sink);
        }
    }

    private void take(Flow flow, Ahead a, MessageSink sink) {
        flow.ahead.remove(a);
        flow.aheadBytes -= a.data().length;
        buffered -= a.data().length;
        appendInOrder(flow, a.data(), 0, a.data().length, a.seq(), sink);
    }

    private void appendInOrder(Flow flow, byte[] b, int off, int len, long seq, MessageSink sink) {
        if (flow.nextSeq < 0) {
            flow.nextSeq = seq;
            flow.len = 0;
        }
        int diff = (int) (seq - flow.nextSeq);
        if (diff < 0) {
            if (diff + len <= 0) {
                return; // pure retransmission
            }
            off -= diff;
            len += diff;
        } else if (diff > 0) {
            flow.len = 0; // gap: resynchronise here
        }
        flow.nextSeq = (seq + (diff < 0 ? -diff : 0) + len) & 0xffffffffL;
        if (flow.len > 0 && !flow.anchored && startsWithDnsMessage(b, off, len)) {
            // joined mid-stream, the held bytes were framed on a guess (the tail of a message read as a length)
            // that would swallow every later message: the senders write each message at a segment's start
            droppedBytes += flow.len;
            flow.len = 0;
        }
        if (flow.len == 0) {
            // the common case: whole messages in one segment are read in place, only a partial tail is kept
            int used = messages(flow, b, off, len, sink);
            off += used;
            len -= used;
            if (len == 0) {
                return;
            }
        }
        if (flow.len + len > MAX_MESSAGE + 65535) {
            droppedBytes += flow.len;
            flow.len = 0;
            return;
        }
        if (flow.len + len > flow.buf.length) {
            int size = Math.min(MAX_MESSAGE + 65535, Math.max(flow.len + len,
                    Math.max(INITIAL_BUFFER, flow.buf.length * 2)));
            makeRoom(size - flow.buf.length, flow);
            if (buffered + size - flow.buf.length > BYTE_BUDGET) {
                droppedBytes += flow.len + len; // even alone this flow does not fit: give up its message
                flow.len = 0;
                flow.nextSeq = -1;
                return;
            }
            buffered += size - flow.buf.length;
            flow.buf = java.util.Arrays.copyOf(flow.buf, size);
        }
        System.arraycopy(b, off, flow.buf, flow.len, len);
        flow.len += len;
        int p = messages(flow, flow.buf, 0, flow.len, sink);
        if (p > 0) {
            System.arraycopy(flow.buf, p, flow.buf, 0, flow.len - p);
            flow.len -= p;
        }
        if (flow.len == 0 && flow.buf.length > INITIAL_BUFFER) {
            buffered -= flow.buf.length; // give a large buffer back once its message is done
            flow.buf = NO_BUFFER;
        }
    }

    /** Whether the bytes start with a whole length-prefixed message that reads as DNS. */
    private static boolean startsWithDnsMessage(byte[] b, int off, int len) {
        return len >= 2 && FrameParser.u16(b, off) <= len - 2
                && Port853Content.looksLikeDns(b, off + 2, FrameParser.u16(b, off));
    }

    /**
     * Passes on the complete length-prefixed messages at the start of {@code b[off, off+len)} of {@code flow};
     * returns bytes used.
     */
    private static int messages(Flow flow, byte[] b, int off, int len, MessageSink sink) {
        int p = 0;
        while (len - p >= 2) {
            int mlen = FrameParser.u16(b, off + p);
            if (len - p - 2 < mlen) {
                break;
            }
            if (mlen > 0) {
                if (!flow.anchored) {
                    flow.anchored = Port853Content.looksLikeDns(b, off + p + 2, mlen);
                }
                sink.message(b, off + p + 2, mlen);
            }
            p += 2 + mlen;
        }
        return p;
    }

    /** Addresses and ports of one direction, packed into longs (IPv4 in the low words). */
    private static final class FlowKey {
        long src0;
        long src1;
        long dst0;
        long dst1;
        long ports;
        int hash;

        FlowKey set(ParsedFrame f) {
            byte[] b = f.buf();
            if (f.addressLength() == 4) {
                src0 = -1; // with dst0 = -1 and the version bit in ports: IPv4 never equals an IPv6 key
                src1 = FrameParser.u32(b, f.srcOffset());
                dst0 = -1;
                dst1 = FrameParser.u32(b, f.dstOffset());
            } else {
                src0 = FrameParser.u64(b, f.srcOffset());
                src1 = FrameParser.u64(b, f.srcOffset() + 8);
                dst0 = FrameParser.u64(b, f.dstOffset());
                dst1 = FrameParser.u64(b, f.dstOffset() + 8);
            }
            ports = (long) f.srcPort() << 17 | f.dstPort() << 1 | (f.addressLength() == 4 ? 0 : 1);
            long h = src0 * 31 + src1;
            h = h * 31 + dst0;
            h = h * 31 + dst1;
            h = h * 31 + ports;
            hash = Long.hashCode(h * 0x9E3779B97F4A7C15L);
            return this;
        }

        FlowKey copy() {
            FlowKey k = new FlowKey();
            k.src0 = src0;
            k.src1 = src1;
            k.dst0 = dst0;
            k.dst1 = dst1;
            k.ports = ports;
            k.hash = hash;
            return k;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowKey k && k.ports == ports && k.src1 == src1 && k.dst1 == dst1 && k.src0 == src0
                    && k.dst0 == dst0;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
