package org.port853.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A pure-Java reader of pcap (both byte orders, micro- and nanosecond) and pcapng (both byte orders, several
 * sections, interfaces with different link types and timestamp resolutions; EPB, SPB and the obsolete PB).
 * Files are read in windows of a few MiB (a record up to 16 MiB), so size is not limited by the heap. A damaged
 * record ends reading: {@link #error()} then says why; frames before it were delivered. What is not a regular file
 * (a pipe such as {@code <(tcpdump -w - ...)}, a device) is read in order up to its end, whatever size it reports.
 *
 * <p>Formats: <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>,
 * <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html">pcapng</a>.
 */
public final class PcapFileReader implements AutoCloseable {
    /** Receives each frame; {@code b} is reused and valid only during the call. */
    public interface FrameHandler {
        void frame(long epochNanos, int linkType, String iface, byte[] b, int off, int capLen, int origLen);
    }

    /**
     * Bytes read from the file at a time. The window is a heap array that frames are handed out of in place: no
     * copy per frame and no page fault per page, as a memory-mapped window had (a fifth of analyze's CPU time).
     */
    private static final int WINDOW = 1 << 20;
    private static final int MAX_RECORD = 1 << 24;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    /** Interfaces per pcapng section: each costs memory, and a hostile file could declare millions. */
    static final int MAX_INTERFACES = 4096;
    /** Longest interface name kept (if_name option); the rest of the option is skipped. */
    static final int MAX_NAME = 64;

    private final FileChannel channel;
    /** Read in order, without seeking: a pipe or a device. */
    private final boolean sequential;
    /** Bytes in the input; for a sequential one {@link #UNKNOWN_SIZE} until its end has been read. */
    private long size;
    private static final long UNKNOWN_SIZE = Long.MAX_VALUE;
    private ByteBuffer win;
    private long winBase;
    private ByteOrder order;
    private final boolean pcapng;
    private long pos;
    /** Offset in the array {@link #data} returned last. */
    private int dataOff;
    private String error;
    private boolean done;

    // pcap
    private int pcapLinkType;
    private boolean nanos;
    private static final String PCAP_IFACE = "if0";

    // pcapng
    private static final class Iface {
        int linkType;
        int snapLen;
        String name;
        boolean pow2;
        int resol = 6;
        long offsetSeconds;
    }

    private final List<Iface> ifaces = new ArrayList<>();
    /** The pcap header's link type, or that of every pcapng interface read so far (in any section). */
    private final SortedSet<Integer> linkTypes = new TreeSet<>();
    private long lastNanos;
    /** Of the frame being delivered: its pcapng interface id and its direction from the flags option. */
    private int frameInterface = -1;
    private int frameDirection = -1;

    private PcapFileReader(FileChannel channel, boolean sequential, ByteBuffer whole, long size)
            throws IOException, PcapFormatException {
        this.channel = channel;
        this.sequential = sequential;
        this.size = size;
        this.win = whole;
        this.winBase = 0;
        if (!ensure(0, 4)) {
            // this.size: a pipe's is known only now, at its end
            throw new PcapFormatException("too short to be a capture: " + this.size + " bytes");
        }
        win.order(ByteOrder.BIG_ENDIAN);
        int magic = win.getInt(0);
        switch (magic) {
            case 0xa1b2c3d4 -> pcapHeader(ByteOrder.BIG_ENDIAN, false);
            case 0xd4c3b2a1 -> pcapHeader(ByteOrder.LITTLE_ENDIAN, false);
            case 0xa1b23c4d -> pcapHeader(ByteOrder.BIG_ENDIAN, true);
            case 0x4d3cb2a1 -> pcapHeader(ByteOrder.LITTLE_ENDIAN, true);
            case PCAPNG_SHB -> {
                if (!ensure(0, 12)) {
                    throw new PcapFormatException("truncated pcapng section header");
                }
                int bom = win.getInt(8);
                if (bom == 0x1A2B3C4D) {
                    order = ByteOrder.BIG_ENDIAN;
                } else if (bom == 0x4D3C2B1A) {
                    order = ByteOrder.LITTLE_ENDIAN;
                } else {
                    throw new PcapFormatException("bad pcapng byte-order magic");
                }
            }
            default -> {
                Compressor c = Compressor.of(magic);
                throw new PcapFormatException(c == null ? "its first four bytes are no pcap or pcapng magic number"
                        : "it is compressed with " + c.name() + ": decompress it first, e.g. " + c.cat()
                                + " FILE > capture.pcap");
            }
        }
        pcapng = magic == PCAPNG_SHB;
        win.order(order);
    }

    /**
     * A compressed capture: Wireshark opens such files (and saves them with a .gz or .zst name), libpcap and this
     * reader do not. {@code cat} is the command that decompresses it to standard output.
     */
    private record Compressor(String name, String cat) {
        static Compressor of(int magic) {
            if (magic >>> 16 == 0x1f8b) {
                return new Compressor("gzip", "zcat");
            }
            if (magic >>> 8 == 0x425a68) { // "BZh"
                return new Compressor("bzip2", "bzcat");
            }
            return switch (magic) {
                case 0x28b52ffd -> new Compressor("zstd", "zstdcat");
                case 0x04224d18 -> new Compressor("lz4", "lz4cat");
                case 0xfd377a58 -> new Compressor("xz", "xzcat");
                default -> null;
            };
        }
    }

    private void pcapHeader(ByteOrder o, boolean ns) throws IOException, PcapFormatException {
        order = o;
        nanos = ns;
        win.order(o);
        if (!ensure(0, 24)) {
            throw new PcapFormatException("truncated pcap file header");
        }
        pcapLinkType = win.getInt(20) & 0xffff;
        linkTypes.add(pcapLinkType);
        int major = win.getShort(4) & 0xffff;
        if (major != 2) {
            throw new PcapFormatException("unsupported pcap version " + major);
        }
        pos = 24;
    }

    public static PcapFileReader open(Path file) throws IOException, PcapFormatException {
        // a pipe reports size 0 and a device any size: only a regular file's size says where it ends
        boolean sequential = !Files.isRegularFile(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new PcapFileReader(ch, sequential, null, sequential ? UNKNOWN_SIZE : ch.size());
        } catch (IOException | PcapFormatException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public static PcapFileReader of(ByteBuffer data) throws PcapFormatException {
        try {
            ByteBuffer b = data.slice();
            if (!b.hasArray() || b.isReadOnly()) {
                b = ByteBuffer.wrap(heapCopy(b));
            }
            return new PcapFileReader(null, false, b, b.remaining());
        } catch (IOException e) {
            throw new IllegalStateException(e); // no I/O without a channel
        }
    }

    public String format() {
        return pcapng ? "pcapng" : "pcap";
    }

    /**
     * The link types declared so far: a pcap's, from its header, as soon as it is open; a pcapng's, of each interface
     * as its block is read (all of them once every frame has been).
     */
    public SortedSet<Integer> linkTypes() {
        return Collections.unmodifiableSortedSet(linkTypes);
    }

    /** Why reading stopped early, or {@code null} after a clean end of file. */
    public String error() {
        return error;
    }

    /** Reads every remaining frame; returns how many were delivered. */
    public long readAll(FrameHandler h) throws IOException {
        long n = 0;
        while (next(h)) {
            n++;
        }
        return n;
    }

    /** Delivers the next frame; false at the end (or at a damaged record, see {@link #error()}). */
    public boolean next(FrameHandler h) throws IOException {
        if (done) {
            return false;
        }
        boolean got = pcapng ? nextPcapng(h) : nextPcap(h);
        if (!got) {
            done = true;
        }
        return got;
    }

    private boolean nextPcap(FrameHandler h) throws IOException {
        if (atEnd()) {
            return false;
        }
        if (!ensure(pos, 16)) {
            return fail("truncated record header at offset " + pos);
        }
        int p = (int) (pos - winBase);
        long sec = win.getInt(p) & 0xffffffffL;
        long frac = win.getInt(p + 4) & 0xffffffffL;
        int incl = win.getInt(p + 8);
        int orig = win.getInt(p + 12);
        if (incl < 0 || incl > MAX_RECORD) {
            return fail("impossible record length " + Integer.toUnsignedString(incl) + " at offset " + pos);
        }
        if (!ensure(pos + 16, incl)) {
            return fail("truncated record at offset " + pos);
        }
        byte[] b = data((int) (pos + 16 - winBase));
        pos += 16 + incl;
        long ns = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
        h.frame(ns, pcapLinkType, PCAP_IFACE, b, dataOff, frameBytes(incl, orig), frameLength(incl, orig));
        return true;
    }

    private boolean nextPcapng(FrameHandler h) throws IOException {
        while (true) {
            if (atEnd()) {
                return false;
            }
            if (!ensure(pos, 12)) {
                return fail("truncated block header at offset " + pos);
            }
            int p = (int) (pos - winBase);
            int type = win.getInt(p);
            if (type == PCAPNG_SHB) {
                int bom = win.order() == ByteOrder.BIG_ENDIAN ? win.getInt(p + 8)
                        : Integer.reverseBytes(win.getInt(p + 8));
                if (bom == 0x1A2B3C4D) {
                    order = ByteOrder.BIG_ENDIAN;
                } else if (bom == 0x4D3C2B1A) {
                    order = ByteOrder.LITTLE_ENDIAN;
                } else {
                    return fail("bad byte-order magic at offset " + pos);
                }
                win.order(order);
                type = PCAPNG_SHB;
                ifaces.clear();
            }
            long len = win.getInt(p + 4) & 0xffffffffL;
            if (len < 12 || (len & 3) != 0 || len > MAX_RECORD + 64L) {
                return fail("impossible block length " + len + " at offset " + pos);
            }
            if (!ensure(pos, (int) len)) {
                return fail("truncated block at offset " + pos);
            }
            p = (int) (pos - winBase);
            long blockStart = pos;
            pos += len;
            int body = p + 8;
            int bodyLen = (int) len - 12;
            switch (type) {
                case 1 -> {
                    if (bodyLen < 8) {
                        return fail("short interface description block at offset " + blockStart);
                    }
                    if (ifaces.size() >= MAX_INTERFACES) {
                        return fail("more than " + MAX_INTERFACES + " interfaces in one section at offset "
                                + blockStart);
                    }
                    Iface i = new Iface();
                    i.linkType = win.getShort(body) & 0xffff;
                    linkTypes.add(i.linkType);
                    i.snapLen = win.getInt(body + 4);
                    options(i, body + 8, body + bodyLen);
                    if (i.name == null) {
                        i.name = "if" + ifaces.size();
                    }
                    ifaces.add(i);
                }
                case 6 -> {
                    if (bodyLen < 20) {
                        return fail("short enhanced packet block at offset " + blockStart);
                    }
                    return packet(h, win.getInt(body) & 0xffffffffL, body, bodyLen, blockStart);
                }
                case 3 -> {
                    if (bodyLen < 4 || ifaces.isEmpty()) {
                        return fail("bad simple packet block at offset " + blockStart);
                    }
                    Iface i = ifaces.get(0);
                    int orig = win.getInt(body);
                    int cap = Math.min(bodyLen - 4, orig < 0 ? Integer.MAX_VALUE : orig);
                    if (i.snapLen > 0) {
                        cap = Math.min(cap, i.snapLen);
                    }
                    byte[] b = data(body + 4);
                    h.frame(lastNanos, i.linkType, i.name, b, dataOff, cap, Math.max(orig, cap));
                    return true;
                }
                case 2 -> {
                    if (bodyLen < 20) {
                        return fail("short packet block at offset " + blockStart);
                    }
                    // the obsolete Packet Block: a 16-bit interface id (then drop count), same layout after
                    return packet(h, win.getShort(body) & 0xffff, body, bodyLen, blockStart);
                }
                default -> {
                    // SHB, name resolution, statistics, custom blocks...: skip
                }
            }
        }
    }

    /**
     * The first {@code n} bytes as UTF-8; unless they are {@code whole}, a character the cut split is left out rather
     * than shown as U+FFFD.
     */
    private static String utf8(byte[] bytes, int n, boolean whole) {
        CharBuffer chars = CharBuffer.allocate(n);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes, 0, n), chars, whole);
        return chars.flip().toString();
    }

    private void options(Iface i, int p, int end) {
        while (end - p >= 4) {
            int code = win.getShort(p) & 0xffff;
            int len = win.getShort(p + 2) & 0xffff;
            if (code == 0 || end - p - 4 < len) {
                return;
            }
            int v = p + 4;
            if (code == 2 && len > 0) {
                byte[] name = new byte[Math.min(len, MAX_NAME)];
                win.get(v, name);
                int n = 0;
                while (n < name.length && name[n] != 0) {
                    n++;
                }
                String s = utf8(name, n, n < name.length || len == name.length);
                if (!s.isBlank()) {
                    i.name = org.port853.core.Printable.line(s); // the file's text: no terminal escapes, no new lines
                }
            } else if (code == 9 && len >= 1) {
                int r = win.get(v) & 0xff;
                i.pow2 = (r & 0x80) != 0;
                i.resol = r & 0x7f;
            } else if (code == 14 && len >= 8) {
                i.offsetSeconds = win.getLong(v);
            }
            p = v + ((len + 3) & ~3);
        }
    }

    private static long nanos(Iface i, long ts) {
        long ns;
        if (i.pow2) {
            ns = (long) (ts / Math.pow(2, i.resol) * 1e9);
        } else if (i.resol <= 9) {
            ns = ts * POW10[9 - i.resol];
        } else if (i.resol <= 18) {
            ns = ts / POW10[i.resol - 9];
        } else {
            ns = 0;
        }
        return ns + i.offsetSeconds * 1_000_000_000L;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    /** The array holding the window's bytes from {@code p} on, at {@link #dataOff}; valid until the next read. */
    private byte[] data(int p) {
        dataOff = win.arrayOffset() + p;
        return win.array();
    }

    private static byte[] heapCopy(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(b.position(), a);
        return a;
    }

    /** An (Enhanced) Packet Block body: interface id (already read), timestamp, lengths, data. */
    private boolean packet(FrameHandler h, long id, int body, int bodyLen, long blockStart) {
        if (id >= ifaces.size()) {
            return fail("packet for undeclared interface " + id + " at offset " + blockStart);
        }
        Iface i = ifaces.get((int) id);
        long ts = ((win.getInt(body + 4) & 0xffffffffL) << 32) | (win.getInt(body + 8) & 0xffffffffL);
        int cap = win.getInt(body + 12);
        int orig = win.getInt(body + 16);
        if (cap < 0 || cap > bodyLen - 20) {
            return fail("captured length beyond its block at offset " + blockStart);
        }
        byte[] b = data(body + 20);
        lastNanos = nanos(i, ts);
        frameInterface = (int) id;
        frameDirection = direction(body + 20 + ((cap + 3) & ~3), body + bodyLen);
        try {
            h.frame(lastNanos, i.linkType, i.name, b, dataOff, frameBytes(cap, orig), frameLength(cap, orig));
        } finally {
            frameInterface = -1;
            frameDirection = -1;
        }
        return true;
    }

    /**
     * The direction in a packet block's flags option (epb_flags / pack_flags, code 2, bits 0–1: 01 inbound,
     * 10 outbound) as an SLL2 packet type ({@link ParsedFrame#TO_US}, {@link ParsedFrame#OUTGOING}); -1 when absent.
     */
    private int direction(int p, int end) {
        while (end - p >= 4) {
            int code = win.getShort(p) & 0xffff;
            int len = win.getShort(p + 2) & 0xffff;
            if (code == 0 || end - p - 4 < len) {
                return -1;
            }
            if (code == 2 && len == 4) {
                return switch (win.getInt(p + 4) & 3) {
                    case 1 -> ParsedFrame.TO_US;
                    case 2 -> ParsedFrame.OUTGOING;
                    default -> -1;
                };
            }
            p += 4 + ((len + 3) & ~3);
        }
        return -1;
    }

    /**
     * The pcapng interface id of the frame being delivered (-1 for pcap and simple packet blocks); valid during
     * {@link FrameHandler#frame}. Tells copies of one packet on several captured interfaces apart.
     */
    public int frameInterface() {
        return frameInterface;
    }

    /** The frame's direction from the pcapng flags option as an SLL2 packet type, or -1; during the call. */
    public int frameDirection() {
        return frameDirection;
    }

    /**
     * The frame's length on the wire: the original length, also when a record claims more captured bytes than that
     * (those extra bytes are not part of the frame); a missing or impossible original length gives the captured one.
     */
    static int frameLength(int cap, int orig) {
        return orig > 0 ? orig : cap;
    }

    /** The captured bytes that belong to the frame: never more than its original length. */
    static int frameBytes(int cap, int orig) {
        return orig > 0 ? Math.min(cap, orig) : cap;
    }

    private boolean fail(String why) {
        error = why;
        return false;
    }

    /** True when every byte of the input has been read; a sequential input's end is found by reading on. */
    private boolean atEnd() throws IOException {
        return pos == size || sequential && !ensure(pos, 1);
    }

    /** Makes {@code [at, at+n)} readable in {@link #win}; false if it lies beyond the end of the input. */
    private boolean ensure(long at, int n) throws IOException {
        if (n < 0 || at < 0 || at + n > size) {
            return false;
        }
        if (win != null && at >= winBase && at + n <= winBase + win.limit()) {
            return true;
        }
        if (channel == null) {
            return false;
        }
        return sequential ? readOn(at, n) : readAt(at, n);
    }

    /** A regular file's window: read at {@code at}, where the file's size says there are {@code n} bytes. */
    private boolean readAt(long at, int n) throws IOException {
        int len = (int) Math.min(Math.max(WINDOW, n), size - at);
        byte[] a = win != null && win.hasArray() && win.capacity() >= len ? win.array() : new byte[len];
        ByteBuffer next = ByteBuffer.wrap(a, 0, len);
        while (next.hasRemaining()) {
            if (channel.read(next, at + next.position()) < 0) {
                return false; // the file shrank while being read
            }
        }
        moveWindow(next.clear().limit(len), at);
        return true;
    }

    /**
     * A sequential input's window: keeps its bytes from {@code at} on (the reader never goes back before a record it
     * has begun) and reads the next ones after them, to the window's end or the input's; false at the input's end.
     */
    private boolean readOn(long at, int n) throws IOException {
        long readTo = win == null ? 0 : winBase + win.limit();
        int kept = (int) (readTo - at);
        int cap = Math.max(WINDOW, n);
        byte[] a = win != null && win.capacity() >= cap ? win.array() : new byte[cap];
        if (kept > 0) { // may overlap when the array is reused: arraycopy copies as if through a temporary
            System.arraycopy(win.array(), win.arrayOffset() + (int) (at - winBase), a, 0, kept);
        }
        ByteBuffer next = ByteBuffer.wrap(a).position(kept);
        while (next.hasRemaining()) {
            if (channel.read(next) < 0) {
                size = at + next.position();
                break;
            }
        }
        moveWindow(next.flip(), at);
        return at + n <= winBase + win.limit();
    }

    private void moveWindow(ByteBuffer next, long base) {
        win = next;
        winBase = base;
        if (order != null) {
            win.order(order);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
