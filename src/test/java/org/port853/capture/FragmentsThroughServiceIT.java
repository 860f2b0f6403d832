package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fragmented DNS through the capture service, live: fragmented queries (IPv4 in order and out of order, IPv6, the
 * question cut in the first fragment) are replayed with tcpreplay onto {@code lo} of a fresh network namespace while
 * a capture service there (libpcap on {@code any}, {@link DnsOnlyCapture}) streams to a client session
 * ({@link LiveCaptureMain} {@code --via-service}). The client must read every name, which it can only do when the
 * service passed the later fragments on; a fragmented datagram of other traffic stays unseen.
 */
@EnabledIf("org.port853.capture.MonitorIT#canRun")
class FragmentsThroughServiceIT {
    static final String NS = "p853frag143" + System.getenv().getOrDefault("RIG_ID_SUFFIX", "");
    static final String CLIENT = "198.18.143.1";
    static final String SERVER = "198.18.143.53";

    @TempDir
    Path dir;

    /** An IPv4 datagram from {@code port} to {@code dstPort} in two fragments: the UDP header and 16 bytes, the rest. */
    static List<Rec> fragments4(long t, int port, int dstPort, String name, boolean laterFirst) {
        byte[] udp = udp(port, dstPort, dnsQuery(name, 1));
        byte[] ip = ipv4(CLIENT, SERVER, 17, Arrays.copyOf(udp, 24), new byte[0], 0x2000);
        ip[5] = (byte) port; // an identification of its own
        byte[] rest = ipv4(CLIENT, SERVER, 17, Arrays.copyOfRange(udp, 24, udp.length), new byte[0], 3);
        rest[5] = (byte) port;
        Rec first = new Rec(t, 1, ether(0x0800, ip));
        Rec later = new Rec(t + 1_000_000, 1, ether(0x0800, rest));
        return laterFirst ? List.of(later, first) : List.of(first, later);
    }

    static byte[] crafted() {
        long t = 1_700_000_000_000_000_000L;
        List<Rec> recs = new ArrayList<>();
        // a whole query first: the capture runs when it is read
        recs.add(new Rec(t, 1, ether(0x0800, ipv4(CLIENT, SERVER, 17, udp(41000, 53, dnsQuery("whole.frag.test", 1))))));
        recs.addAll(fragments4(t += 10_000_000, 41001, 53, "in-order.fragmented-query.frag.test", false));
        recs.addAll(fragments4(t += 10_000_000, 41002, 53, "later-fragment-first.fragmented-query.frag.test", true));
        recs.addAll(fragments4(t += 10_000_000, 41003, 443, "not-dns.frag.test", false));
        byte[] v6 = udp(41004, 53, dnsQuery("ipv6.fragmented-query.frag.test", 28));
        recs.add(new Rec(t += 10_000_000, 1, ether(0x86dd, ipv6("2001:db8:143::1", "2001:db8:143::53", 44,
                cat(bytes(17, 0, 0, 1, 0, 0, 1, 43), Arrays.copyOf(v6, 24))))));
        recs.add(new Rec(t += 10_000_000, 1, ether(0x86dd, ipv6("2001:db8:143::1", "2001:db8:143::53", 44,
                cat(bytes(17, 0, 0, 24, 0, 0, 1, 43), Arrays.copyOfRange(v6, 24, v6.length))))));
        return pcap(ByteOrder.LITTLE_ENDIAN, false, 1, recs);
    }

    @Test
    void theServicePassesLaterFragmentsAndTheClientReadsTheNames() throws Exception {
        Path pcap = Files.write(dir.resolve("fragments.pcap"), crafted());
        FileAnalyzer.Result file = FileAnalyzer.analyze(pcap, List.of(), 100);
        List<String> expected = List.of("in-order.fragmented-query.frag.test", "ipv6.fragmented-query.frag.test",
                "later-fragment-first.fragmented-query.frag.test", "whole.frag.test");
        assertEquals(expected, file.leaks().stream().map(LeakRecord::name).sorted().toList(), "the file, as a check");

        MonitorIT.run("ip", "netns", "add", NS);
        Process cap = null;
        try {
            MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
            cap = MonitorIT.javaInNamespace(NS, LiveCaptureMain.class.getName(), "--via-service");
            BufferedReader out = new BufferedReader(new InputStreamReader(cap.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", out.readLine());
            Thread.sleep(1500); // the service opens its capture when the client connects
            MonitorIT.run("ip", "netns", "exec", NS, "tcpreplay", "-q", "-i", "lo", "--pps=50", pcap.toString());
            Thread.sleep(1000);
            cap.getOutputStream().close();
            String line = out.readLine();
            assertTrue(cap.waitFor(30, TimeUnit.SECONDS));
            JsonNode j = new ObjectMapper().readTree(line);
            List<String> live = new ArrayList<>();
            j.get("leaks").forEach(n -> live.add(n.asText()));
            assertEquals(expected, live.stream().distinct().sorted().toList(), "live through the service: " + j);
            assertEquals(0, j.get("drops").asLong());
        } finally {
            if (cap != null) {
                cap.destroy();
                cap.waitFor(10, TimeUnit.SECONDS);
            }
            new ProcessBuilder("ip", "netns", "del", NS).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
