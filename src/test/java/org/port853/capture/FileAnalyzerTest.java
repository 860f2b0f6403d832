package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FileAnalyzerTest {
    static final long T = 1_700_000_000_000_000_000L;
    static final byte[] QUERY = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("leak.test", 1)));
    /** 802.11 with radiotap headers: a capture made in monitor mode. */
    static final int RADIOTAP = 127;
    static final int UNASSIGNED = 9999;

    private static FileAnalyzer.Result analyze(byte[] file) throws Exception {
        return FileAnalyzer.analyze(PcapFileReader.of(ByteBuffer.wrap(file)), List.of(), 10);
    }

    @Test
    void aPcapOfAnUnreadableLinkTypeIsRefusedFromItsHeaderBeforeAnyFrame() throws Exception {
        for (int linkType : List.of(RADIOTAP, UNASSIGNED)) {
            byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, linkType, List.of(new Rec(T, linkType, QUERY)));
            PcapFileReader reader = PcapFileReader.of(ByteBuffer.wrap(file));
            UnsupportedLinkTypeException e = assertThrows(UnsupportedLinkTypeException.class,
                    () -> FileAnalyzer.analyze(reader, List.of(), 10));
            assertEquals(new TreeSet<>(List.of(linkType)), e.linkTypes());
            assertTrue(reader.next((ns, lt, iface, b, off, cap, orig) -> { }), "no frame read before the refusal");
        }
    }

    @Test
    void aPcapngIsRefusedWhenEveryInterfaceHasAnUnreadableLinkType() throws Exception {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN, List.of(UNASSIGNED, RADIOTAP), List.of("x0", "wlan0mon"),
                List.of(new Rec(T, UNASSIGNED, QUERY), new Rec(T + 1, RADIOTAP, QUERY)));
        UnsupportedLinkTypeException e = assertThrows(UnsupportedLinkTypeException.class, () -> analyze(file));
        assertEquals(new TreeSet<>(List.of(RADIOTAP, UNASSIGNED)), e.linkTypes());
    }

    @Test
    void aPcapngWithOneReadableInterfaceIsAnalysedWithTheOthersAsParseErrors() throws Exception {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN, List.of(LinkTypes.ETHERNET, RADIOTAP), List.of("eth0", "mon0"),
                List.of(new Rec(T, LinkTypes.ETHERNET, ether(0x0800, QUERY)), new Rec(T + 1, RADIOTAP, QUERY)));
        FileAnalyzer.Result r = analyze(file);
        assertEquals(2, r.frames());
        assertEquals(1, r.leakCount());
        assertEquals(Map.of(FrameError.UNSUPPORTED_LINK_TYPE, 1L), r.parseErrorKinds());
    }
}
