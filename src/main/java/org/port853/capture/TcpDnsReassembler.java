package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassembles DNS messages carried over TCP (two-byte length prefix, RFC 1035 §4.2.2 / RFC 7766) per
 * direction of a connection, across segments. Bounded: at most {@link #MAX_FLOWS} flows (least recently
 * used evicted) and one message (≤ 65,537 bytes) of buffer per flow. Retransmitted bytes are skipped; after a
 * gap (a lost segment) the stream resynchronises on the next segment, assuming it starts a message.
 */
public final class TcpDnsReassembler {
    /** Receives each complete message; the bytes are valid only during the call. */
    public interface MessageSink {
        void message(byte[] b, int off, int len);
    }

    static final int MAX_FLOWS = 1024;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;

    private static final class Flow {
        long nextSeq = -1;
        byte[] buf = new byte[512];
        int len;
    }

    private final Map<ByteBuffer, Flow> flows = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Flow> e) {
            return size() > MAX_FLOWS;
        }
    };

    /** Feeds one TCP segment of a parsed frame (outcome PORTS, protocol TCP). */
    public void segment(ParsedFrame f, MessageSink sink) {
        if (!f.tcpHeaderComplete()) {
            return;
        }
        ByteBuffer key = key(f);
        int flags = f.tcpFlags();
        Flow flow = flows.get(key);
        if ((flags & SYN) != 0) {
            flow = new Flow();
            flow.nextSeq = (f.tcpSeq() + 1) & 0xffffffffL;
            flows.put(key, flow);
        }
        int plen = f.payloadLength();
        if (plen > 0 && !f.payloadTruncated()) {
            if (flow == null) {
                flow = new Flow();
                flows.put(key, flow);
            }
            append(flow, f.buf(), f.payloadOffset(), plen, f.tcpSeq(), sink);
        } else if (plen > 0 && flow != null) {
            flow.len = 0;          // bytes missing from the capture: lose sync until the next segment
            flow.nextSeq = -1;
        }
        if ((flags & (FIN | RST)) != 0) {
            flows.remove(key);
        }
    }

    public int flowCount() {
        return flows.size();
    }

    public void clear() {
        flows.clear();
    }

    private static void append(Flow flow, byte[] b, int off, int len, long seq, MessageSink sink) {
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
        if (flow.len + len > 2 * 65537) {
            flow.len = 0;
            return;
        }
        if (flow.len + len > flow.buf.length) {
            flow.buf = java.util.Arrays.copyOf(flow.buf, Math.max(flow.len + len, flow.buf.length * 2));
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
