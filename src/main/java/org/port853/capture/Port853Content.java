package org.port853.capture;

/**
 * Decides whether a packet on port 853 carries encryption, and which. UDP (DNS over QUIC, RFC 9250; DNS over DTLS,
 * RFC 8094) is encrypted unless it reads as a DNS message: a QUIC header (RFC 9000 §17: long header with the fixed
 * bit, or short header) names {@link EncryptedProtocol#DOQ}, a DTLS record (RFC 6347 §4.1: content type 20–25,
 * version 0xfe 0xff/0xfd/0xfc; or RFC 9147 §4's unified header) {@link EncryptedProtocol#DTLS}, anything else
 * {@link EncryptedProtocol#UNKNOWN}. TCP is {@link EncryptedProtocol#DOT} when it carries a TLS record (RFC 8446 §5.1:
 * content type 20–23, version 0x03 0x01–0x04, length ≤ 2^14 + 2048); a TLS record header wins over DNS (a TLS
 * ClientHello can read as a DNS header). A TCP connection is decided per direction on its first payload bytes and
 * remembered in a small fixed table (pure ACKs follow their flow; plaintext in one direction makes the other one
 * plaintext too, its ACKs, FIN, reset and replies; a flow not yet decided counts as encrypted, so a
 * TLS handshake's SYN is not called plaintext); a segment of a flow seen mid-stream is judged on its own bytes until
 * one starts with a TLS record. No allocation per packet; the table is bounded (oldest entry of a bucket replaced).
 */
final class Port853Content {
    private static final int SLOTS = 1 << 13;
    private static final int WAYS = 4;
    private static final byte UNKNOWN = 0;
    private static final byte TLS = 1;
    private static final byte PLAIN = 2;
    private static final byte OPENED = 3; // SYN seen, no payload yet

    private final long seed = new java.util.Random().nextLong() | 1;
    private final long[] keys = new long[SLOTS];
    private final byte[] states = new byte[SLOTS];
    private int victim;

    /** The encryption the packet on port 853 carries, or {@code null} when it is plaintext. */
    EncryptedProtocol protocol(ParsedFrame f) {
        if (f.protocol == ParsedFrame.UDP) {
            return udp(f.buf, f.payloadOff, f.payloadLen, f.payloadTruncated);
        }
        return encryptedTcp(f) ? EncryptedProtocol.DOT : null;
    }

    /**
     * A UDP payload on 853: {@code null} (plaintext) when it reads as a DNS message. One cut by the snap length before
     * a DNS question could be read is encrypted only when empty or when its first byte starts a QUIC or DTLS header.
     */
    static EncryptedProtocol udp(byte[] b, int off, int len, boolean truncated) {
        if (looksLikeDns(b, off, len)) {
            return null;
        }
        EncryptedProtocol p = isDtls(b, off, len) ? EncryptedProtocol.DTLS
                : isQuic(b, off, len) ? EncryptedProtocol.DOQ : EncryptedProtocol.UNKNOWN;
        if (truncated && len < MIN_DNS_MESSAGE && p == EncryptedProtocol.UNKNOWN && len > 0) {
            return startsQuicOrDtls(b[off]) ? p : null;
        }
        return p;
    }

    private static boolean startsQuicOrDtls(byte first) {
        int type = first & 0xff;
        return (type & 0x40) != 0 || type >= 20 && type <= 25 || (type & 0xe0) == 0x20;
    }

    /**
     * A DTLS record header (RFC 6347 §4.1, 13 bytes: type, version, epoch, sequence number, length) or a DTLS 1.3
     * ciphertext's unified header (RFC 9147 §4: first bits 001).
     */
    static boolean isDtls(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = b[off] & 0xff;
        if ((type & 0xe0) == 0x20) {
            return len >= 2;
        }
        if (len < 13 || type < 20 || type > 25 || (b[off + 1] & 0xff) != 0xfe) {
            return false;
        }
        int minor = b[off + 2] & 0xff;
        int recLen = FrameParser.u16(b, off + 11);
        return (minor == 0xff || minor == 0xfd || minor == 0xfc) && recLen <= (1 << 14) + 2048;
    }

    /** The smallest DNS message {@link #looksLikeDns} reads: a header and a one-byte name with type and class. */
    private static final int MIN_DNS_MESSAGE = 12 + 1 + 4;

    private boolean encryptedTcp(ParsedFrame f) {
        byte[] b = f.buf;
        int off = f.payloadOff;
        int len = f.payloadLen;
        if (f.payloadTruncated && len < 5) {
            len = 0; // the snap length cut the record header: the flow's state decides
        }
        long key = flowKey(f);
        int slot = find(key);
        byte state = slot >= 0 ? states[slot] : UNKNOWN;
        if ((f.tcpFlags & 0x02) != 0 && len == 0) {
            put(slot, key, OPENED);
            return true;
        }
        if (len == 0) {
            return state != PLAIN;
        }
        if (state == TLS) {
            return true;
        }
        if (state == PLAIN) {
            return false;
        }
        // TLS first: a ClientHello of 256-511 bytes also reads as a length-prefixed DNS header with one question
        // (found by CaptureVsTsharkIT); a DNS message would need a 5-6 KB length and a 0x030x id to look like TLS
        if (isTlsRecord(b, off, len)) {
            put(slot, key, TLS);
            return true;
        }
        boolean dns = len >= 2 && looksLikeDns(b, off + 2, Math.min(len - 2, FrameParser.u16(b, off)));
        if (dns || state == OPENED || (f.tcpFlags & 0x02) != 0) {
            put(slot, key, PLAIN); // the connection's first bytes are not TLS
            // nor is the other direction encrypted DNS: its ACKs, FIN and reset, or a TLS alert refusing the
            // plaintext, belong to a connection that carries plaintext
            long reverse = flowKey(f, true);
            put(find(reverse), reverse, PLAIN);
        }
        return false;
    }

    void clear() {
        java.util.Arrays.fill(keys, 0);
        java.util.Arrays.fill(states, UNKNOWN);
    }

    static boolean isTlsRecord(byte[] b, int off, int len) {
        if (len < 5) {
            return false;
        }
        int type = b[off] & 0xff;
        int minor = b[off + 2] & 0xff;
        int recLen = FrameParser.u16(b, off + 3);
        return type >= 20 && type <= 23 && b[off + 1] == 3 && minor >= 1 && minor <= 4 && recLen > 0
                && recLen <= (1 << 14) + 2048;
    }

    static boolean isQuic(byte[] b, int off, int len) {
        if (len < 1 || (b[off] & 0x40) == 0) {
            return false; // the fixed bit is set in every QUIC v1 packet (RFC 9000 §17.2, §17.3)
        }
        if ((b[off] & 0x80) == 0) {
            return len >= 1 + 1 + 16; // short header: destination id, packet number, AEAD tag at least
        }
        // long header: version (4), destination and source connection id lengths ≤ 20
        if (len < 7) {
            return false;
        }
        int dcid = b[off + 5] & 0xff;
        return dcid <= 20 && len >= 7 + dcid && (b[off + 6 + dcid] & 0xff) <= 20;
    }

    /**
     * Whether the bytes read as a DNS message: one question, a standard opcode, a well-formed first name (labels ≤ 63,
     * name ≤ 255, compression only in responses) followed by type and class.
     */
    static boolean looksLikeDns(byte[] b, int off, int len) {
        if (len < MIN_DNS_MESSAGE) {
            return false;
        }
        int flags = FrameParser.u16(b, off + 2);
        int opcode = (flags >> 11) & 0xf;
        if (FrameParser.u16(b, off + 4) != 1 || (opcode != 0 && opcode != 1 && opcode != 2 && opcode != 4
                && opcode != 5)) {
            return false;
        }
        int p = off + 12;
        int end = off + len;
        int nameLen = 1;
        while (true) {
            if (p >= end) {
                return false;
            }
            int l = b[p] & 0xff;
            if (l == 0) {
                p++;
                break;
            }
            if ((l & 0xc0) == 0xc0) {
                if ((flags & 0x8000) == 0) {
                    return false;
                }
                p += 2;
                break;
            }
            if (l > 63) {
                return false;
            }
            nameLen += l + 1;
            if (nameLen > 255) {
                return false;
            }
            p += l + 1;
        }
        return end - p >= 4;
    }

    private long flowKey(ParsedFrame f) {
        return flowKey(f, false);
    }

    /** The key of the frame's direction of its connection, or with {@code reverse} of the other direction. */
    private long flowKey(ParsedFrame f, boolean reverse) {
        byte[] b = f.buf;
        int al = f.addressLength();
        int from = reverse ? f.dstOff : f.srcOff;
        int to = reverse ? f.srcOff : f.dstOff;
        long ports = reverse ? (long) f.dstPort << 16 | f.srcPort : (long) f.srcPort << 16 | f.dstPort;
        long h = seed ^ ports * 0x9E3779B97F4A7C15L;
        if (al == 4) {
            h = mix(h, FrameParser.u32(b, from) << 32 | FrameParser.u32(b, to));
        } else {
            h = mix(mix(h, FrameParser.u64(b, from)), FrameParser.u64(b, from + 8));
            h = mix(mix(h, FrameParser.u64(b, to)), FrameParser.u64(b, to + 8));
        }
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, long v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private int find(long key) {
        int base = (int) (key & (SLOTS - 1)) & ~(WAYS - 1);
        for (int i = 0; i < WAYS; i++) {
            if (keys[base + i] == key) {
                return base + i;
            }
        }
        return -1 - base;
    }

    private void put(int found, long key, byte state) {
        int slot;
        if (found >= 0) {
            slot = found;
        } else {
            int base = -1 - found;
            slot = -1;
            for (int i = 0; i < WAYS; i++) {
                if (keys[base + i] == 0) {
                    slot = base + i;
                    break;
                }
            }
            if (slot < 0) {
                slot = base + (victim++ & (WAYS - 1));
            }
        }
        keys[slot] = key;
        states[slot] = state;
    }
}
