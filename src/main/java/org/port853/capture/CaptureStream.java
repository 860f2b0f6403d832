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
 */
final class CaptureStream {
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int SNAPLEN = 65535;
    static final int GLOBAL_HEADER = 24;
    static final int RECORD_HEADER = 16;
    private static final byte[] ERROR_PREFIX = "ERROR ".getBytes(StandardCharsets.US_ASCII);

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
