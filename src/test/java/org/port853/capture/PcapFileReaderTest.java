package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PcapFileReaderTest {
    static final long T = 1_700_000_000_123_456_789L;
    static final byte[] Q = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("r.test", 1)));

    record Got(long nanos, int linkType, String iface, int cap, int orig) {
    }

    static List<Got> read(byte[] file) throws Exception {
        List<Got> out = new ArrayList<>();
        PcapFileReader r = PcapFileReader.of(ByteBuffer.wrap(file));
        r.readAll((ns, lt, iface, b, off, cap, orig) -> out.add(new Got(ns, lt, iface, cap, orig)));
        return out;
    }

    @Test
    void pcapBothByteOrdersMicroAndNano() throws Exception {
        for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            List<Got> micro = read(pcap(o, false, LinkTypes.RAW, List.of(new Rec(T, LinkTypes.RAW, Q))));
            assertEquals(new Got(T / 1000 * 1000, LinkTypes.RAW, "if0", Q.length, Q.length), micro.get(0));
            List<Got> nano = read(pcap(o, true, LinkTypes.RAW, List.of(new Rec(T, LinkTypes.RAW, Q, 1500))));
            assertEquals(new Got(T, LinkTypes.RAW, "if0", Q.length, 1500), nano.get(0));
        }
    }

    @Test
    void pcapngMixedLinkTypesBothOrders() throws Exception {
        byte[] eth = ether(0x0800, Q);
        for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            byte[] f = pcapng(o, List.of(LinkTypes.ETHERNET, LinkTypes.RAW), List.of("eth0", "tun0"),
                    List.of(new Rec(T, LinkTypes.ETHERNET, eth), new Rec(T + 1, LinkTypes.RAW, Q)));
            List<Got> g = read(f);
            assertEquals(List.of(new Got(T, 1, "eth0", eth.length, eth.length),
                    new Got(T + 1, 101, "tun0", Q.length, Q.length)), g);
        }
    }

    @Test
    void truncatedFileDeliversWhatItHasAndSaysWhy() throws Exception {
        byte[] f = pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.RAW,
                List.of(new Rec(T, LinkTypes.RAW, Q), new Rec(T, LinkTypes.RAW, Q)));
        PcapFileReader r = PcapFileReader.of(ByteBuffer.wrap(Arrays.copyOf(f, f.length - 5)));
        assertEquals(1, r.readAll((ns, lt, i, b, off, cap, orig) -> { }));
        assertTrue(r.error().contains("truncated"), r.error());
        byte[] huge = f.clone();
        huge[24 + 8] = (byte) 0xff;
        huge[24 + 11] = (byte) 0x7f; // record length 2 GB
        r = PcapFileReader.of(ByteBuffer.wrap(huge));
        assertEquals(0, r.readAll((ns, lt, i, b, off, cap, orig) -> { }));
        assertTrue(r.error().contains("impossible"), r.error());
    }

    @Test
    void garbageIsAFormatError(@TempDir Path dir) throws Exception {
        Path g = dir.resolve("garbage.pcap");
        Files.writeString(g, "this is not a capture at all");
        assertThrows(PcapFormatException.class, () -> PcapFileReader.open(g));
        assertThrows(PcapFormatException.class, () -> PcapFileReader.of(ByteBuffer.wrap(new byte[2])));
        Path ok = dir.resolve("ok.pcap");
        Files.write(ok, pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.RAW, List.of(new Rec(T, LinkTypes.RAW, Q))));
        try (PcapFileReader r = PcapFileReader.open(ok)) {
            assertEquals(1, r.readAll((ns, lt, i, b, off, cap, orig) -> { }));
            assertNull(r.error());
        }
    }

    /**
     * A file of many read windows (records cut by window boundaries, some of 66-216 KB) gives exactly the frames of
     * the same bytes in memory, also when it ends inside a record.
     */
    @Test
    void aFileOfManyWindowsReadsLikeTheSameBytesInMemory(@TempDir Path dir) throws Exception {
        List<Rec> recs = manyWindowsOfRecords();
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, true, 1, recs);
        for (byte[] bytes : List.of(file, Arrays.copyOf(file, file.length - 100))) {
            Path f = Files.write(dir.resolve("many.pcap"), bytes);
            assertEquals(bytes == file ? recs.size() : recs.size() - 1, readsLikeInMemory(f, bytes));
        }
    }

    /** A pipe reports size 0 and cannot seek: it is read in order, window after window, to its end. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPipeOfManyWindowsReadsLikeTheSameBytesInMemory(@TempDir Path dir) throws Exception {
        List<Rec> recs = manyWindowsOfRecords();
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, true, 1, recs);
        byte[] cut = Arrays.copyOf(file, file.length - 100);
        assertEquals(recs.size(), readsLikeInMemory(Pipes.pipeOf(dir, file), file));
        Files.delete(dir.resolve("capture.fifo"));
        assertEquals(recs.size() - 1, readsLikeInMemory(Pipes.pipeOf(dir, cut), cut));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsReadForItsHeaderNotJudgedByItsSize() {
        PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapFileReader.open(Path.of("/dev/zero")));
        assertEquals("its first four bytes are no pcap or pcapng magic number", e.getMessage());
    }

    /** A pipe's size is what it held up to its end, not what it reported when opened. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aShortPipeIsTooShortByTheBytesItHeld(@TempDir Path dir) throws Exception {
        PcapFormatException e = assertThrows(PcapFormatException.class,
                () -> PcapFileReader.open(Pipes.pipeOf(dir, new byte[] {(byte) 0xd4, (byte) 0xc3})));
        assertEquals("too short to be a capture: 2 bytes", e.getMessage());
    }

    /** Records of 7 MB in all, some of 66-216 KB and one larger than a window, so that windows cut many of them. */
    private static List<Rec> manyWindowsOfRecords() {
        java.util.Random rnd = new java.util.Random(853);
        List<Rec> recs = new ArrayList<>();
        long size = 0;
        for (long t = 1_700_000_000_000_000_000L; size < 7_000_000; t += 1000) {
            byte[] d = new byte[recs.size() == 1000 ? 1_500_000
                    : rnd.nextInt(40) == 0 ? 66_000 + rnd.nextInt(150_000) : 40 + rnd.nextInt(1560)];
            rnd.nextBytes(d);
            recs.add(new Rec(t, 1, d));
            size += 16 + d.length;
        }
        return recs;
    }

    /** Reads {@code f} and asserts its frames and error are those of {@code bytes} in memory; returns the frames. */
    private static int readsLikeInMemory(Path f, byte[] bytes) throws Exception {
        List<String> fromFile = new ArrayList<>();
        String fileError;
        try (PcapFileReader r = PcapFileReader.open(f)) {
            r.readAll((ns, lt, iface, b, off, cap, orig) -> fromFile.add(frame(ns, b, off, cap, orig)));
            fileError = r.error();
        }
        List<String> fromMemory = new ArrayList<>();
        PcapFileReader m = PcapFileReader.of(ByteBuffer.wrap(bytes));
        m.readAll((ns, lt, iface, b, off, cap, orig) -> fromMemory.add(frame(ns, b, off, cap, orig)));
        assertEquals(fromMemory, fromFile);
        assertEquals(m.error(), fileError);
        return fromFile.size();
    }

    private static String frame(long ns, byte[] b, int off, int cap, int orig) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, off, cap);
        return ns + " " + cap + " " + orig + " " + crc.getValue();
    }
}
