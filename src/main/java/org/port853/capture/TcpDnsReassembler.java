package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassembles DNS messages carried over TCP (two-byte length prefix, RFC 1035 §4.2.2 / RFC 7766) per
 * direction of a connection, across segments. Retransmitted bytes are skipped; after a gap (a lost segment) the
 * stream resynchronises on the next segment, assuming it starts a message. Data in a SYN (TCP Fast Open,
 * RFC 7413) starts the stream.
 *
 * <p>Bounded whatever arrives: at most {@link #MAX_FLOWS} flows, at most one message plus one segment buffered per
 * flow, and all buffers together at most {@link #BYTE_BUDGET} bytes — when a flow needs more, the least recently
 * used flows are dropped (and counted: {@link #droppedFlows()}, {@link #droppedBytes()}). Flows idle for
 * {@link #IDLE_NANOS} of capture time are forgotten.
 */
public final class TcpDnsReassembler {
    /** Receives each complete message; the bytes are valid only during the call. */
    public interface MessageSink {
        void message(byte[] b, int off, int len);
    }

    static final int MAX_FLOWS = 1024;
    static final int BYTE_BUDGET = 4 << 20;
    static final long IDLE_NANOS = 30_000_000_000L;
    private static final int MAX_MESSAGE = 2 + 65535;
    private static final int INITIAL_BUFFER = 512;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;

    private static final class Flow {
        long nextSeq = -1;
        byte[] buf = new byte[INITIAL_BUFFER];
        int len;
        long lastNanos;
    }

    private final Map<ByteBuffer, Flow> flows = new LinkedHashMap<>(64, 0.75f, true);
    private long buffered;
    private long droppedFlows;
    private long droppedBytes;
    private long lastExpiry = Long.MIN_VALUE;

    /** Feeds one TCP segment of a parsed frame (outcome PORTS, protocol TCP) captured at {@code nanos}. */
    public void segment(ParsedFrame f, long nanos, MessageSink sink) {
        if (!f.tcpHeaderComplete()) {
            return;
        }
        expire(nanos);
        ByteBuffer key = key(f);
        int flags = f.tcpFlags();
        Flow flow = flows.get(key);
        long dataSeq = f.tcpSeq();
        if ((flags & SYN) != 0) {
            remove(key, flow, false);
            flow = newFlow(key);
            dataSeq = (dataSeq + 1) & 0xffffffffL; // the SYN takes one sequence number; Fast Open data follows it
            flow.nextSeq = dataSeq;
        }
        int plen = f.payloadLength();
        if (plen > 0 && !f.payloadTruncated()) {
            if (flow == null) {
                if (flows.size() >= MAX_FLOWS) {
                    Iterator<Map.Entry<ByteBuffer, Flow>> it = flows.entrySet().iterator();
                    Map.Entry<ByteBuffer, Flow> eldest = it.next();
                    dropped(eldest.getValue());
                    buffered -= eldest.getValue().buf.length;
                    it.remove();
                }
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
            remove(key, flows.get(key), false);
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

    private Flow newFlow(ByteBuffer key) {
        Flow flow = new Flow();
        flows.put(key, flow);
        buffered += flow.buf.length;
        makeRoom(0, flow);
        return flow;
    }

    private void remove(ByteBuffer key, Flow flow, boolean countDrop) {
        if (flow != null && flows.remove(key) != null) {
            buffered -= flow.buf.length;
            if (countDrop) {
                dropped(flow);
            }
        }
    }

    private void dropped(Flow flow) {
        if (flow.len > 0) {
            droppedFlows++;
            droppedBytes += flow.len;
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
            buffered -= victim.buf.length;
            dropped(victim);
            if (victim.len == 0) {
                droppedFlows++; // dropped for room even without pending bytes
            }
        }
    }

    /** Forgets flows idle for {@link #IDLE_NANOS} (checked at most once per second of capture time). */
    private void expire(long nanos) {
        if (nanos - lastExpiry < 1_000_000_000L && lastExpiry != Long.MIN_VALUE) {
            return;
        }
        lastExpiry = nanos;
        Iterator<Flow> it = flows.values().iterator();
        while (it.hasNext()) {
            Flow flow = it.next();
            if (nanos - flow.lastNanos < IDLE_NANOS) {
                break; // access order: the rest were used more recently
            }
            it.remove();
            buffered -= flow.buf.length;
            dropped(flow);
        }
    }

    private void append(Flow flow, byte[] b, int off, int len, long seq, MessageSink sink) {
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
        if (flow.len + len > MAX_MESSAGE + 65535) {
            droppedBytes += flow.len;
            flow.len = 0;
            return;
        }
        if (flow.len + len > flow.buf.length) {
            int size = Math.min(MAX_MESSAGE + 65535, Math.max(flow.len + len, flow.buf.length * 2));
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
        int p = 0;
        while (flow.len - p >= 2) {
            int mlen = FrameParser.u16(flow.buf, p);
            if (flow.len - p - 2 < mlen) {
                break;
            }
            if (mlen > 0) {
                sink.message(flow.buf, p + 2, mlen);
            }
            p += 2 + mlen;
        }
        if (p > 0) {
            System.arraycopy(flow.buf, p, flow.buf, 0, flow.len - p);
            flow.len -= p;
        }
        if (flow.len == 0 && flow.buf.length > INITIAL_BUFFER) {
            buffered -= flow.buf.length - INITIAL_BUFFER; // give a large buffer back once its message is done
            flow.buf = new byte[INITIAL_BUFFER];
        }
    }

    private static ByteBuffer key(ParsedFrame f) {
        int al = f.addressLength();
        byte[] k = new byte[2 * al + 4];
        System.arraycopy(f.buf(), f.srcOffset(), k, 0, al);
        System.arraycopy(f.buf(), f.dstOffset(), k, al, al);
        k[2 * al] = (byte) (f.srcPort() >> 8);
        k[2 * al + 1] = (byte) f.srcPort();
        k[2 * al + 2] = (byte) (f.dstPort() >> 8);
        k[2 * al + 3] = (byte) f.dstPort();
        return ByteBuffer.wrap(k);
    }
}
