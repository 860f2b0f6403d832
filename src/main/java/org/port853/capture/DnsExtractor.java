package org.port853.capture;

import java.nio.ByteBuffer;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.WireParseException;

/**
 * Reads the header and the first question of a DNS message (RFC 1035 §4.1) with dnsjava's bounds-checked
 * {@link DNSInput} and {@link Name} (which rejects bad and looping compression pointers). Only the header and
 * question are needed, so a message cut by the snap length or by IP fragmentation still gives its name.
 */
public final class DnsExtractor {
    private DnsExtractor() {
    }

    /**
     * Whether the first question can be read from these bytes (no allocation): a fragment or a cut message may end
     * inside it. Without a question (QDCOUNT 0) there is nothing to read.
     */
    static boolean questionReadable(byte[] b, int off, int len) {
        if (len < 12) {
            return false;
        }
        if (FrameParser.u16(b, off + 4) == 0) {
            return true;
        }
        int e = questionNameEnd(b, off + 12, off + len);
        return e == NAME_TOO_LONG || e >= 0 && off + len - e >= 4;
    }

    /**
     * How many of the {@code len} bytes at {@code off} hold the header and the first question (type and class
     * included): all that {@link #parse} reads. All {@code len} when the question does not end within them.
     */
    static int questionLength(byte[] b, int off, int len) {
        if (len < 12 || FrameParser.u16(b, off + 4) == 0) {
            return Math.min(len, 12);
        }
        int e = questionNameEnd(b, off + 12, off + len);
        return e < 0 ? len : Math.min(e + 4 - off, len);
    }

    private static final int NAME_CUT = -1;
    private static final int NAME_TOO_LONG = -2;

    /**
     * The offset after the question name that starts at {@code p}: after its zero byte, or after a compression
     * pointer (or bad label: dnsjava decides). {@link #NAME_CUT} when it runs past {@code end},
     * {@link #NAME_TOO_LONG} when it has not ended after 128 labels.
     */
    private static int questionNameEnd(byte[] b, int p, int end) {
        for (int n = 0; n < 128; n++) {
            if (p >= end) {
                return NAME_CUT;
            }
            int l = b[p] & 0xff;
            if (l == 0) {
                return p + 1;
            }
            if ((l & 0xc0) != 0) {
                return p + 2;
            }
            p += l + 1;
        }
        return NAME_TOO_LONG;
    }

    /**
     * True when the bytes hold at least a DNS header with the QR bit clear that a DNS client can have sent: an
     * assigned opcode (RFC 6895 §2.2) with the section counts its RFC requires: QUERY and STATUS at most one question
     * and no answer or authority records (RFC 9619; resolvers answer anything else with FORMERR); IQUERY no question
     * and one answer (RFC 1035 §6.4.1); NOTIFY one question, at most one answer, no authority (RFC 1996 §3.7); UPDATE
     * exactly one zone (RFC 2136 §2.3); DSO no records at all (RFC 8490 §5.4). Another protocol on port 53 (a VPN
     * such as WireGuard or OpenVPN run there to pass firewalls) is therefore no query: its packets start with a type
     * byte and random bytes, which read as a QR=0 header (with any count allowed, one random datagram in six read as
     * a query of another opcode).
     */
    public static boolean isQuery(byte[] b, int off, int len) {
        if (len < 12 || (b[off + 2] & 0x80) != 0) {
            return false;
        }
        int opcode = (b[off + 2] >> 3) & 0xf;
        int qd = FrameParser.u16(b, off + 4);
        int an = FrameParser.u16(b, off + 6);
        int ns = FrameParser.u16(b, off + 8);
        return switch (opcode) {
            case 0, 2 -> qd <= 1 && an == 0 && ns == 0;
            case 1 -> qd == 0 && an == 1 && ns == 0;
            case 4 -> qd == 1 && an <= 1 && ns == 0;
            case 5 -> qd == 1;
            case 6 -> qd == 0 && an == 0 && ns == 0 && FrameParser.u16(b, off + 10) == 0;
            default -> false;
        };
    }

    /**
     * Parses header and first question; {@code null} when not even the 12-byte header is there. A readable header
     * with an unreadable question (cut short, bad or looping compression, name over 255 bytes) gives the name
     * {@link LeakRecord#UNREADABLE} and type {@code ""}.
     */
    public static DnsMessageInfo parse(byte[] b, int off, int len) {
        if (off < 0 || len < 12 || off > b.length - len) {
            return null;
        }
        int id = FrameParser.u16(b, off);
        int flags = FrameParser.u16(b, off + 2);
        int qd = FrameParser.u16(b, off + 4);
        boolean response = (flags & 0x8000) != 0;
        int opcode = (flags >> 11) & 0xf;
        String rcode = Rcode.string(flags & 0xf);
        if (qd == 0) {
            return new DnsMessageInfo(id, response, opcode, rcode, "", "");
        }
        int plainEnd = plainNameEnd(b, off + 12, off + len);
        if (plainEnd > 0 && off + len - plainEnd >= 2) {
            return new DnsMessageInfo(id, response, opcode, rcode, plainName(b, off + 12, plainEnd),
                    RecordTypes.name(FrameParser.u16(b, plainEnd)));
        }
        try {
            DNSInput in = new DNSInput(ByteBuffer.wrap(b, off, len).slice());
            in.jump(12);
            Name name = new Name(in);
            int type = in.readU16();
            return new DnsMessageInfo(id, response, opcode, rcode, name.toString(true), RecordTypes.name(type));
        } catch (WireParseException | RuntimeException e) {
            return new DnsMessageInfo(id, response, opcode, rcode, LeakRecord.UNREADABLE, "");
        }
    }

    /**
     * The common case without dnsjava's objects (a quarter of the leak stage's allocation): a name of ordinary
     * labels, no compression pointer, within the 255-byte limit, made only of characters that {@link Name#toString}
     * prints as they are. Returns the offset after the name's final zero byte, or -1 for anything else (dnsjava
     * decides those).
     */
    static int plainNameEnd(byte[] b, int p, int end) {
        int start = p;
        while (p < end) {
            int l = b[p] & 0xff;
            if (l == 0) {
                return p == start || p + 1 - start > 255 ? -1 : p + 1; // the root name prints as "."
            }
            if (l > 63 || p + 1 + l >= end) {
                return -1;
            }
            for (int i = p + 1; i <= p + l; i++) {
                if (!printsAsItself(b[i])) {
                    return -1;
                }
            }
            p += l + 1;
        }
        return -1;
    }

    /** Characters dnsjava's {@code Name.toString} writes without a backslash escape. */
    private static boolean printsAsItself(byte c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != '(' && c != ')' && c != '.' && c != ';' && c != '\\'
                && c != '@' && c != '$';
    }

    /** The text of a name accepted by {@link #plainNameEnd}: labels joined by dots, no final dot. */
    private static String plainName(byte[] b, int p, int end) {
        char[] out = new char[end - p - 2];
        int n = 0;
        while (true) {
            int l = b[p] & 0xff;
            if (l == 0) {
                return new String(out, 0, n);
            }
            if (n > 0) {
                out[n++] = '.';
            }
            for (int i = p + 1; i <= p + l; i++) {
                out[n++] = (char) b[i];
            }
            p += l + 1;
        }
    }
}
