package org.port853.capture;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the capture service sends on {@code /run/port853/capture.sock}: a classic pcap stream with nanosecond
 * timestamps (little-endian; link type SLL2), so {@code nc -U /run/port853/capture.sock > dns.pcap} is a file
 * Wireshark opens. When the capture cannot start, the service sends one line {@code ERROR <reason>} instead.
 * The service never reads from its clients. See docs/capture.md, "Capture without root".
 *
 * <p><b>Drop counts</b> travel in-band as an ordinary record ({@link #drops}): an SLL2 header with protocol type
 * {@link #DROPS_PROTOCOL} (IEEE 802 Local Experimental EtherType 1), interface index 0, then {@link #DROPS_MAGIC}
 * and three big-endian u64 totals since the client connected: the kernel's drops ({@code pcap_stats} ps_drop),
 * the interfaces' drops (ps_ifdrop) and the frames the service's queue for this client dropped. Why a record and
 * not a new format: the stream stays a pcap file Wireshark and {@code port853 analyze} open (the record is a
 * non-IP frame there, counted as "other", never as DNS); a client from before drop records reads it the same way,
 * as one uncounted non-IP frame, and with {@code --interface} skips it (no interface has index 0); a client
 * reading a service from before drop records simply never gets one. The service's own capture can never send
 * such a frame (it passes only IP frames with port 53 or 853). Totals rather than increments, so a record that
 * comes late or twice changes nothing; one is sent at most once a second and only when a count changed, so a
 * stream without drops is exactly what it was before.
 *
 * <p><b>Queries as they left</b> ({@link #sent}) travel the same way: protocol type {@link #SENT_PROTOCOL} (Local
 * Experimental EtherType 2), {@link #SENT_MAGIC}, then the first bytes of an SLL2 frame from the service's sender
 * handle ({@link LiveCaptureSession}): a query to port 53 that left up to 100 ms before its counted frame comes, so
 * the client looks its socket up in time ({@link PacketPipeline#acceptSent}). Never counted by a client that knows
 * them; an older client or a file reader counts them as non-IP frames ("other").
 */
final class CaptureStream {
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int SNAPLEN = 65535;
    static final int GLOBAL_HEADER = 24;
    static final int RECORD_HEADER = 16;
    private static final byte[] ERROR_PREFIX = "ERROR ".getBytes(StandardCharsets.US_ASCII);
    static final int DROPS_PROTOCOL = 0x88b5;
    static final byte[] DROPS_MAGIC = "P853DROP".getBytes(StandardCharsets.US_ASCII);
    private static final int SLL2_HEADER = 20;
    private static final int ARPHRD_VOID = 0xffff;
    private static final int DROPS_COUNTS = SLL2_HEADER + 8;
    static final int DROPS_FRAME = DROPS_COUNTS + 3 * 8;
    static final int SENT_PROTOCOL = 0x88b6;
    static final byte[] SENT_MAGIC = "P853SENT".getBytes(StandardCharsets.US_ASCII);
    /** Where the sent query's own frame starts in a {@link #sent} record's frame. */
    static final int SENT_FRAME = SLL2_HEADER + 8;

    private CaptureStream() {
    }

    static byte[] globalHeader(int linkType) {
        ByteBuffer b = ByteBuffer.allocate(GLOBAL_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC_NANOS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(linkType);
        return b.array();
    }

    /** One record: header and frame in one array, written to every client as it is. */
    static byte[] record(long epochNanos, byte[] frame, int caplen, int len) {
        ByteBuffer b = ByteBuffer.allocate(RECORD_HEADER + caplen).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) (epochNanos / 1_000_000_000L)).putInt((int) (epochNanos % 1_000_000_000L)).putInt(caplen)
                .putInt(len).put(frame, 0, caplen);
        return b.array();
    }

    /** A frame's drop counts: totals since the client connected (see the class comment). */
    record Drops(long kernel, long iface, long queue) {
        static final Drops NONE = new Drops(0, 0, 0);

        Drops minus(Drops earlier) {
            return new Drops(kernel - earlier.kernel, iface - earlier.iface, queue - earlier.queue);
        }
    }

    /** The record that tells a client the drop counts {@code d}. */
    static byte[] drops(long epochNanos, Drops d) {
        ByteBuffer frame = marked(DROPS_PROTOCOL, DROPS_MAGIC, DROPS_FRAME);
        frame.putLong(d.kernel()).putLong(d.iface()).putLong(d.queue());
        return record(epochNanos, frame.array(), DROPS_FRAME, DROPS_FRAME);
    }

    /** The record that gives a client a query as it left: the sender handle's {@code caplen} bytes of it. */
    static byte[] sent(long epochNanos, byte[] sentFrame, int caplen) {
        ByteBuffer frame = marked(SENT_PROTOCOL, SENT_MAGIC, SENT_FRAME + caplen);
        frame.put(sentFrame, 0, caplen);
        return record(epochNanos, frame.array(), frame.capacity(), frame.capacity());
    }

    /** An SLL2 header of {@code protocol} from no interface, then {@code magic}; big-endian like the SLL2 header. */
    private static ByteBuffer marked(int protocol, byte[] magic, int size) {
        return ByteBuffer.allocate(size).putShort((short) protocol).putShort((short) 0).putInt(0)
                .putShort((short) ARPHRD_VOID).put((byte) 0).put((byte) 0).putLong(0).put(magic);
    }

    /** Whether a received frame is a drops record rather than a captured packet (no allocation). */
    static boolean isDrops(int linkType, byte[] frame, int caplen) {
        return isMarked(linkType, frame, caplen, DROPS_PROTOCOL, DROPS_MAGIC) && caplen >= DROPS_FRAME;
    }

    /** Whether a received frame is a {@link #sent} record; its query's frame starts at {@link #SENT_FRAME}. */
    static boolean isSent(int linkType, byte[] frame, int caplen) {
        return isMarked(linkType, frame, caplen, SENT_PROTOCOL, SENT_MAGIC);
    }

    private static boolean isMarked(int linkType, byte[] frame, int caplen, int protocol, byte[] magic) {
        return linkType == LinkTypes.LINUX_SLL2 && caplen >= SLL2_HEADER + magic.length
                && FrameParser.u16(frame, 0) == protocol
                && java.util.Arrays.equals(frame, SLL2_HEADER, SLL2_HEADER + magic.length, magic, 0, magic.length);
    }

    /** The counts of a frame for which {@link #isDrops} is true. */
    static Drops readDrops(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame, DROPS_COUNTS, 3 * 8);
        return new Drops(b.getLong(), b.getLong(), b.getLong());
    }

    static byte[] error(String reason) {
        String oneLine = reason.replaceAll("[\\r\\n]+", " ");
        return ("ERROR " + oneLine + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the stream's start: the link type, or a {@link ServiceRefusedException} with the service's reason.
     */
    static int readStart(DataInputStream in) throws IOException {
        byte[] first = new byte[GLOBAL_HEADER];
        in.readFully(first, 0, ERROR_PREFIX.length);
        if (java.util.Arrays.equals(first, 0, ERROR_PREFIX.length, ERROR_PREFIX, 0, ERROR_PREFIX.length)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && line.length() < 1000) {
                line.append((char) c);
            }
            throw new ServiceRefusedException(line.toString());
        }
        in.readFully(first, ERROR_PREFIX.length, GLOBAL_HEADER - ERROR_PREFIX.length);
        ByteBuffer b = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MAGIC_NANOS) {
            throw new IOException("not a Port853 capture stream");
        }
        return b.getInt(20);
    }

    /** A record's header; the frame follows ({@code caplen} bytes). */
    record Header(long epochNanos, int caplen, int len) {
    }

    /** The next record's header, or {@code null} at the end of the stream. */
    static Header readHeader(DataInputStream in, byte[] scratch) throws IOException {
        try {
            in.readFully(scratch, 0, RECORD_HEADER);
        } catch (EOFException e) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(scratch, 0, RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long sec = b.getInt() & 0xffffffffL;
        long nanos = b.getInt() & 0xffffffffL;
        int caplen = b.getInt();
        int len = b.getInt();
        if (caplen < 0 || caplen > SNAPLEN) {
            throw new IOException("bad record length " + caplen);
        }
        return new Header(sec * 1_000_000_000L + nanos, caplen, len);
    }

    /** The service answered with {@code ERROR reason}. */
    static final class ServiceRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        ServiceRefusedException(String reason) {
            super(reason);
        }
    }
}
