package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live and file must agree on IPv6 packets with extension headers before UDP/TCP (hop-by-hop, destination options,
 * routing, AH, fragment): a crafted capture of such DNS packets (and IPv4 fragments) is replayed with tcpreplay onto
 * {@code lo} of a fresh network namespace while {@code port853 monitor --json} captures it live; the live totals
 * and leaked-query count must equal {@code analyze} of the same file. libpcap's {@code port} primitive does not
 * walk IPv6 extension headers, so the live filter must let these packets through.
 */
@EnabledIf("org.port853.capture.MonitorIT#canRun")
class Ipv6ExtensionHeadersIT {
    static final String NS = "p853ext" + ThreadLocalRandom.current().nextInt(100_000)
            + System.getenv().getOrDefault("RIG_ID_SUFFIX", "");

    @TempDir
    Path dir;

    /** DNS queries and answers behind each kind of extension header, plus a plain one and IPv4 fragments. */
    static byte[] crafted() {
        List<Rec> recs = new ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        String c = "2001:db8:5::1";
        String s = "2001:db8:5::53";
        byte[][] ext = {
            bytes(17, 0, 1, 4, 0, 0, 0, 0),              // hop-by-hop: PadN
            bytes(17, 0, 1, 4, 0, 0, 0, 0),              // destination options
            bytes(17, 0, 0, 0, 0, 0, 0, 0),              // routing type 0, segments left 0
            bytes(17, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1),  // AH (no ICV): length (1 + 2) * 4 = 12
        };
        int[] kinds = {0, 60, 43, 51};
        for (int i = 0; i < kinds.length; i++) {
            for (int q = 0; q < 3; q++) {
                String name = "ext" + kinds[i] + "-" + q + ".example.com";
                byte[] query = cat(ext[i], udp(41000 + q, 53, dnsQuery(name, 28)));
                byte[] answer = cat(ext[i], udp(53, 41000 + q, dnsResponse(name, 28)));
                recs.add(new Rec(t += 1_000_000, 1, ether(0x86dd, ipv6(c, s, kinds[i], query))));
                recs.add(new Rec(t += 1_000_000, 1, ether(0x86dd, ipv6(s, c, kinds[i], answer))));
            }
        }
        // hop-by-hop then destination options, then TCP 853 with a TLS record
        byte[] two = cat(bytes(60, 0, 1, 4, 0, 0, 0, 0), bytes(6, 0, 1, 4, 0, 0, 0, 0),
                tcp(42000, 853, 1, 0x18, TrustworthyCaptureTest.tlsRecord(23, 40)));
        recs.add(new Rec(t += 1_000_000, 1, ether(0x86dd, ipv6(c, s, 0, two))));
        // plain IPv6 and an IPv4 query split into two fragments (the name only readable when reassembled)
        recs.add(new Rec(t += 1_000_000, 1, ether(0x86dd, ipv6(c, s, 17, udp(41009, 53, dnsQuery("plain6.example.com", 1))))));
        byte[] v4 = udp(41010, 53, dnsQuery("fragmented-v4-query-name.example.com", 1));
        recs.add(new Rec(t += 1_000_000, 1, ether(0x0800, ipv4("198.18.5.1", "198.18.5.53", 17,
                java.util.Arrays.copyOf(v4, 24), new byte[0], 0x2000))));
        recs.add(new Rec(t += 1_000_000, 1, ether(0x0800, ipv4("198.18.5.1", "198.18.5.53", 17,
                java.util.Arrays.copyOfRange(v4, 24, v4.length), new byte[0], 3))));
        return pcap(ByteOrder.LITTLE_ENDIAN, false, 1, recs);
    }

    @Test
    void liveCountsEqualFileCounts() throws Exception {
        Path pcap = dir.resolve("ext.pcap");
        Files.write(pcap, crafted());
        FileAnalyzer.Result file = FileAnalyzer.analyze(pcap, List.of(), 10_000);
        assertEquals(12 + 1 + 1, file.leakCount(), "12 behind extension headers, plain6, the fragmented one");
        assertTrue(file.leaks().stream().anyMatch(l -> l.name().equals("fragmented-v4-query-name.example.com")));
        assertEquals(1, file.total(TrafficClass.ENCRYPTED).packets());

        MonitorIT.run("ip", "netns", "add", NS);
        Process mon = null;
        try {
            MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
            mon = MonitorIT.javaInNamespace(NS, "org.port853.app.Launcher",
                    "monitor", "--json", "--interface", "lo", "--duration", "5");
            BufferedReader r = new BufferedReader(new InputStreamReader(mon.getInputStream(), StandardCharsets.UTF_8));
            ObjectMapper json = new ObjectMapper();
            assertNotNull(r.readLine(), "monitor printed nothing"); // the first second: the capture runs
            MonitorIT.run("ip", "netns", "exec", NS, "tcpreplay", "-q", "-i", "lo", "--pps=50", pcap.toString());
            JsonNode totals = null;
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode j = json.readTree(line);
                if (j.get("event").asText().equals("totals")) {
                    totals = j;
                }
            }
            assertTrue(mon.waitFor(30, TimeUnit.SECONDS));
            assertNotNull(totals);
            for (TrafficClass c : TrafficClass.values()) {
                String k = org.port853.cli.AnalyzeCommand.jsonName(c);
                assertEquals(file.total(c).packets(), totals.get("totals").get(k).get("packets").asLong(),
                        k + " live vs file: " + totals);
            }
            assertEquals(file.leakCount(), totals.get("leakedQueries").asLong(), "leaked queries live vs file");
        } finally {
            if (mon != null) {
                mon.destroy();
                mon.waitFor(10, TimeUnit.SECONDS);
            }
            new ProcessBuilder("ip", "netns", "del", NS).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
