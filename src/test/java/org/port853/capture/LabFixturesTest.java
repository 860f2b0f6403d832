package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real captures from dns-lab.sh with counts checked against tshark (see the fixtures' README.md). */
class LabFixturesTest {
    static Path fixture(String name) throws Exception {
        return Path.of(LabFixturesTest.class.getResource("/org/port853/capture/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({
        "lab-any-sll2.pcap,          71, 18490, 14, 1350, 52, 10684, 10, 4",
        "lab-eth0.pcap,              71, 18064,  0,    0, 52, 10372, 10, 4",
        "lab-mixed-linktypes.pcapng, 142, 36554, 14, 1350, 104, 21056, 14, 8",
        "lab-snaplen60.pcap,         38,  9423, 12, 1082, 38,  7941,  2, 2", // 2 IPv4 UDP queries, names cut
    })
    void countsEqualTshark(String file, long encP, long encB, long locP, long locB, long leakP, long leakB,
                           long leaks, long nonFirst) throws Exception {
        FileAnalyzer.Result r = FileAnalyzer.analyze(fixture(file),
                List.of(InetAddress.getByName("198.18.61.1"), InetAddress.getByName("fd00:854:61::1")), 1000);
        assertEquals(new ClassTotals(encP, encB), r.total(TrafficClass.ENCRYPTED));
        assertEquals(new ClassTotals(locP, locB), r.total(TrafficClass.LOCAL_PLAINTEXT));
        assertEquals(new ClassTotals(leakP, leakB), r.total(TrafficClass.LEAK));
        assertEquals(leaks, r.leakCount());
        assertEquals(nonFirst, r.nonFirstFragments());
    }

    @org.junit.jupiter.api.Test
    void leakNamesAndInterfaces() throws Exception {
        FileAnalyzer.Result r = FileAnalyzer.analyze(fixture("lab-eth0.pcap"),
                List.of(InetAddress.getByName("198.18.61.1"), InetAddress.getByName("fd00:854:61::1")), 1000);
        assertEquals(List.of("leak1.example.com", "leak6-1.example.com", "leaktcp1.example.com",
                "leaktcp6-1.example.com", "ka1-1.example.com", "ka2-1.example.com", "ka3-1.example.com", "big.test",
                "big.test", "big.test"), r.leaks().stream().map(LeakRecord::name).toList());
        assertEquals("fd00:854:61::2", r.leaks().get(1).server());
        assertEquals(List.of("if0"), List.copyOf(r.interfaces().keySet()));
        assertEquals(0, r.parseErrors());
    }

    @org.junit.jupiter.api.Test
    void queriesCutBySnapLengthAreLeakEntriesWithUnreadableNames() throws Exception {
        FileAnalyzer.Result r = FileAnalyzer.analyze(fixture("lab-snaplen60.pcap"),
                List.of(InetAddress.getByName("198.18.61.1"), InetAddress.getByName("fd00:854:61::1")), 1000);
        assertEquals(List.of(LeakRecord.UNREADABLE, LeakRecord.UNREADABLE),
                r.leaks().stream().map(LeakRecord::name).toList());
    }
}
