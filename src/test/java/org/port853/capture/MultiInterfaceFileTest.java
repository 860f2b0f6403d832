package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.port853.capture.Frames.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A pcapng file captured on several interfaces (dumpcap -i br0 -i eth0): direction from epb_flags, copies once. */
class MultiInterfaceFileTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private static final int INBOUND = 1;
    private static final int OUTBOUND = 2;
    private static final byte[] QUERY = ether(0x0800,
            ipv4("198.18.5.9", "198.18.0.2", 17, udp(40000, 53, dnsQuery("bridged.test", 1))));

    private static FileAnalyzer.Result analyze(byte[] file) throws Exception {
        return FileAnalyzer.analyze(PcapFileReader.of(ByteBuffer.wrap(file)), List.of(), 100);
    }

    private static long leaks(FileAnalyzer.Result r, String iface) {
        return r.interfaces().get(iface).get(TrafficClass.LEAK).packets();
    }

    @Test
    @DisplayName("the reader gives each frame its interface id and the direction of its flags option")
    void interfaceAndDirection() throws Exception {
        byte[] file = pcapngInterfaces(LinkTypes.ETHERNET, List.of("br0", "eth0"), List.of(
                new IfRec(T, 0, INBOUND, QUERY), new IfRec(T + 1000, 1, OUTBOUND, QUERY),
                new IfRec(T + 2000, 1, -1, QUERY)));
        PcapFileReader r = PcapFileReader.of(ByteBuffer.wrap(file));
        List<String> seen = new ArrayList<>();
        r.readAll((ns, lt, iface, b, off, cap, orig) ->
                seen.add(iface + "/" + r.frameInterface() + "/" + r.frameDirection()));
        assertEquals(List.of("br0/0/" + ParsedFrame.TO_US, "eth0/1/" + ParsedFrame.OUTGOING, "eth0/1/-1"), seen);
    }

    @Test
    @DisplayName("a query seen on the bridge and again leaving on the uplink counts once, on the uplink")
    void copiesOnTwoInterfacesCountOnceWhereTheyLeave() throws Exception {
        FileAnalyzer.Result r = analyze(pcapngInterfaces(LinkTypes.ETHERNET, List.of("br0", "eth0"), List.of(
                new IfRec(T, 0, INBOUND, QUERY), new IfRec(T + 1000, 1, OUTBOUND, QUERY))));
        assertEquals(1, r.total(TrafficClass.LEAK).packets());
        assertEquals(1, r.crossingCopies());
        assertEquals(0, leaks(r, "br0"));
        assertEquals(1, leaks(r, "eth0"));
        assertEquals(1, r.leakCount());
    }

    @Test
    @DisplayName("the same bytes twice on one interface are two packets (a retransmission), not a copy")
    void sameInterfaceTwiceIsTwoPackets() throws Exception {
        FileAnalyzer.Result r = analyze(pcapngInterfaces(LinkTypes.ETHERNET, List.of("eth0"), List.of(
                new IfRec(T, 0, OUTBOUND, QUERY), new IfRec(T + 1000, 0, OUTBOUND, QUERY))));
        assertEquals(2, r.total(TrafficClass.LEAK).packets());
        assertEquals(0, r.crossingCopies());
    }

    @Test
    @DisplayName("an interface name in the file with terminal escapes or a new line is shown escaped, everywhere it goes")
    void interfaceNamesAreMadePrintable() throws Exception {
        FileAnalyzer.Result r = analyze(pcapngInterfaces(LinkTypes.ETHERNET, List.of("wlan0\u001b[31m\nforged"),
                List.of(new IfRec(T, 0, OUTBOUND, QUERY))));
        assertEquals(java.util.Set.of("wlan0\\x1b[31m\\nforged"), r.interfaces().keySet());
        assertEquals("wlan0\\x1b[31m\\nforged", r.leaks().get(0).iface());
    }

    @Test
    @DisplayName("a long interface name in UTF-8 is cut before the letter its byte limit splits, not into U+FFFD")
    void longNameIsCutBetweenLetters() throws Exception {
        String name = "x" + "ü".repeat(40); // 81 bytes: the 64th is the first half of the 32nd ü
        FileAnalyzer.Result r = analyze(pcapngInterfaces(LinkTypes.ETHERNET, List.of(name),
                List.of(new IfRec(T, 0, OUTBOUND, QUERY))));
        assertEquals(java.util.Set.of("x" + "ü".repeat(31)), r.interfaces().keySet());
    }
}
