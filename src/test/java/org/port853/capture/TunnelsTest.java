package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.port853.capture.Frames.*;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS inside tunnels (IP-in-IP, 6in4, GRE with and without key and sequence number) and behind an IPsec
 * authentication header on a fragmented packet: the inner packet is the one classified, and the same frames are
 * dissected by tshark to check that both read the same queries.
 */
class TunnelsTest {
    private static final String HOST = "198.18.0.1";
    private static final String HOST6 = "fd00:853::1";
    private static final String GATEWAY = "198.18.0.2";
    private static final String REMOTE_DNS = "198.18.9.9";
    private static final String REMOTE_DNS6 = "fd00:853:9::9";

    private final TrafficMeter meter = new TrafficMeter(60);
    private final TrustworthyCaptureTest.LeakCollector leaks = new TrustworthyCaptureTest.LeakCollector();
    private final PacketPipeline p;
    private final List<byte[]> sent = new ArrayList<>();
    private long t = 1_700_000_000_000_000_000L;

    TunnelsTest() throws Exception {
        p = new PacketPipeline(meter, LocalAddresses.of(List.of(InetAddress.getByName(HOST),
                InetAddress.getByName(HOST6))), leaks, null);
    }

    private void raw(byte[] ip) {
        sent.add(ip);
        p.accept(t += 1_000_000, LinkTypes.RAW, "eth0", ip, 0, ip.length, ip.length);
    }

    /** GRE header (RFC 2784/2890): the flags word, the protocol type, then the optional fields present. */
    static byte[] gre(int flags, int etherType, byte[] optional, byte[] payload) {
        return cat(bytes(flags >> 8, flags, etherType >> 8, etherType), optional, payload);
    }

    /** An IPsec authentication header (RFC 4302) with a 96-bit ICV: 24 bytes, length field 4. */
    static byte[] ah(int next, byte[] payload) {
        return cat(bytes(next, 4, 0, 0, 0, 0, 0x10, 0x01, 0, 0, 0, 7), new byte[12], payload);
    }

    private static byte[] query4(String name) {
        return ipv4(HOST, REMOTE_DNS, 17, udp(40000, 53, dnsQuery(name, 1)));
    }

    private static byte[] query6(String name) {
        return ipv6(HOST6, REMOTE_DNS6, 17, udp(40001, 53, dnsQuery(name, 28)));
    }

    private List<String> leakedNames() {
        p.flushLeaks();
        FrameAccounting.assertEveryFrameCountedOnce(p);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < leaks.size(); i++) {
            names.add(leaks.get(i).name());
        }
        return names;
    }

    private void everyTunnel() {
        raw(ipv4(HOST, GATEWAY, 4, query4("ipip.tunnel.test")));
        raw(ipv4(HOST, GATEWAY, 41, query6("sixinfour.tunnel.test")));
        raw(ipv6(HOST6, "fd00:853::2", 41, query6("ipv6-in-ipv6.tunnel.test")));
        raw(ipv4(HOST, GATEWAY, 47, gre(0, 0x0800, new byte[0], query4("gre.tunnel.test"))));
        raw(ipv4(HOST, GATEWAY, 47, gre(0x3000, 0x86dd, bytes(0, 0, 0, 42, 0, 0, 0, 1),
                query6("gre-key-sequence.tunnel.test"))));
        raw(ipv4(HOST, GATEWAY, 47, gre(0x8000, 0x0800, bytes(0, 0, 0, 0), query4("gre-checksum.tunnel.test"))));
        raw(ipv4(HOST, GATEWAY, 47, gre(0, 0x0800, new byte[0],
                ipv4(HOST, "198.18.0.3", 4, query4("two-deep.tunnel.test")))));
    }

    /** Ethernet frames bridged over GRE (gretap, VLAN tags inside) and tunnels in IPv6 (ip6tnl, ip6gre, ip6gretap). */
    private void bridgedAndIpv6OuterTunnels() {
        raw(ipv4(HOST, GATEWAY, 47, gre(0, 0x6558, new byte[0], ether(0x0800, query4("gretap.tunnel.test")))));
        raw(ipv4(HOST, GATEWAY, 47, gre(0x2000, 0x6558, bytes(0, 0, 0, 7),
                etherVlan(new int[]{0x8100}, 0x86dd, query6("gretap-vlan.tunnel.test")))));
        raw(ipv6(HOST6, "fd00:853::2", 4, query4("ipv4-in-ipv6.tunnel.test")));
        raw(ipv6(HOST6, "fd00:853::2", 47, gre(0, 0x86dd, new byte[0], query6("ip6gre.tunnel.test"))));
        raw(ipv6(HOST6, "fd00:853::2", 47, gre(0, 0x6558, new byte[0],
                etherVlan(new int[]{0x88a8, 0x8100}, 0x0800, query4("ip6gretap-qinq.tunnel.test")))));
    }

    @Test
    @DisplayName("a query in an Ethernet frame bridged over GRE (gretap, VLAN tags inside) or in a tunnel over IPv6 is a "
            + "leak; a bridged frame counts as one tunnel of the two allowed")
    void leaksInsideBridgedAndIpv6Tunnels() {
        bridgedAndIpv6OuterTunnels();
        raw(ipv4(HOST, GATEWAY, 47, gre(0, 0x6558, new byte[0],
                ether(0x0800, ipv4(HOST, "198.18.0.3", 4, query4("bridged-two-deep.tunnel.test"))))));
        raw(ipv4(HOST, GATEWAY, 4, ipv4(HOST, "198.18.0.3", 47, gre(0, 0x6558, new byte[0],
                ether(0x0800, ipv4(HOST, "198.18.0.4", 4, query4("three-deep.tunnel.test")))))));
        assertEquals(List.of("gretap.tunnel.test", "gretap-vlan.tunnel.test", "ipv4-in-ipv6.tunnel.test",
                "ip6gre.tunnel.test", "ip6gretap-qinq.tunnel.test", "bridged-two-deep.tunnel.test"), leakedNames());
        assertEquals(6, meter.total(TrafficClass.LEAK).packets());
        assertEquals(1L, p.parseErrors().get(FrameError.valueOf("TOO_MANY_TUNNELS")));
    }

    @Test
    @DisplayName("a query inside IP-in-IP, 6in4 or GRE (with and without key and sequence) that leaves is a leak")
    void leaksInsideTunnels() {
        everyTunnel();
        assertEquals(List.of("ipip.tunnel.test", "sixinfour.tunnel.test", "ipv6-in-ipv6.tunnel.test",
                "gre.tunnel.test", "gre-key-sequence.tunnel.test", "gre-checksum.tunnel.test", "two-deep.tunnel.test"),
                leakedNames());
        assertEquals(7, meter.total(TrafficClass.LEAK).packets());
        assertEquals(REMOTE_DNS6, leaks.get(1).server().replace("[", "").replace("]", ""));
    }

    @Test
    void aTunnelToThisMachinesOwnResolverIsLocal() {
        raw(ipv4(HOST, GATEWAY, 4, ipv4(HOST, HOST, 17, udp(40000, 53, dnsQuery("own.test", 1)))));
        assertEquals(1, meter.total(TrafficClass.LOCAL_PLAINTEXT).packets());
        assertEquals(List.of(), leakedNames());
    }

    @Test
    @DisplayName("tunnels nested deeper than two are refused as malformed, without recursion")
    void nestingIsBounded() {
        byte[] inner = query4("three-deep.tunnel.test");
        for (int i = 0; i < 3; i++) {
            inner = ipv4(HOST, GATEWAY, 4, inner);
        }
        raw(inner);
        assertEquals(0, p.countedFrames());
        assertEquals(1L, p.parseErrors().get(FrameError.valueOf("TOO_MANY_TUNNELS")));
    }

    @Test
    void cutTunnelHeadersAreMalformedAndOtherGreIsNotCounted() {
        raw(ipv4(HOST, GATEWAY, 47, bytes(0, 0)));
        raw(ipv4(HOST, GATEWAY, 47, bytes(0x30, 0, 0x08, 0, 0, 0, 0, 1)));  // key and sequence announced, one there
        raw(ipv4(HOST, GATEWAY, 47, gre(1, 0x880b, bytes(0, 0, 0, 0), new byte[20]))); // PPTP's enhanced GRE
        raw(ipv4(HOST, GATEWAY, 47, gre(0, 0x0806, new byte[0], new byte[28])));      // ARP over GRE
        raw(ipv4(HOST, GATEWAY, 4, new byte[10]));
        assertEquals(2L, p.parseErrors().get(FrameError.valueOf("TRUNCATED_TUNNEL_HEADER")));
        assertEquals(1L, p.parseErrors().get(FrameError.TRUNCATED_IP_HEADER));
        assertEquals(2, p.otherFrames());
    }

    /** A query behind IPsec AH, fragmented with its question cut in the first fragment (IPv4 and IPv6). */
    private void fragmentsBehindAuthenticationHeader() {
        byte[] v4 = ah(17, udp(40000, 53, dnsQuery("a-fragmented-name.ah.test", 1)));
        raw(ipv4(HOST, REMOTE_DNS, 51, Arrays.copyOf(v4, 48), new byte[0], 0x2000));
        raw(ipv4(HOST, REMOTE_DNS, 51, Arrays.copyOfRange(v4, 48, v4.length), new byte[0], 6));
        byte[] v6 = ah(17, udp(40001, 53, dnsQuery("another-fragmented-name.ah.test", 28)));
        raw(ipv6(HOST6, REMOTE_DNS6, 44, cat(bytes(51, 0, 0, 1, 0, 0, 0, 9), Arrays.copyOf(v6, 48))));
        raw(ipv6(HOST6, REMOTE_DNS6, 44, cat(bytes(51, 0, 0, 48, 0, 0, 0, 9), Arrays.copyOfRange(v6, 48, v6.length))));
    }

    /**
     * Tunnel packets fragmented on the outside, fragments out of order: IP-in-IP whose inner question is cut, GRE over
     * IPv6 whose first fragment ends before the inner ports, 6in4 behind an IPsec AH.
     */
    private void fragmentedOutside() {
        byte[] ipip = query4("cut-across-outer-fragments.ipip.test");
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOfRange(ipip, 40, ipip.length), new byte[0], 5));
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOf(ipip, 40), new byte[0], 0x2000));
        byte[] gre = gre(0, 0x0800, new byte[0], query4("ports-in-a-later-fragment.ip6gre.test"));
        raw(ipv6(HOST6, "fd00:853::2", 44, cat(bytes(47, 0, 0, 1, 0, 0, 0, 7), Arrays.copyOf(gre, 16))));
        raw(ipv6(HOST6, "fd00:853::2", 44, cat(bytes(47, 0, 0, 16, 0, 0, 0, 7), Arrays.copyOfRange(gre, 16, gre.length))));
        byte[] sixInFour = ah(41, query6("behind-ah.sixinfour.test")); // the later fragment first: it waits as DNS
        raw(ipv4(HOST, GATEWAY, 51, Arrays.copyOfRange(sixInFour, 64, sixInFour.length), new byte[0], 8));
        raw(ipv4(HOST, GATEWAY, 51, Arrays.copyOf(sixInFour, 64), new byte[0], 0x2000));
    }

    @Test
    @DisplayName("a tunnel packet fragmented on the outside is reassembled, then its inner query is counted and read")
    void tunnelsFragmentedOutsideAreReassembledFirst() {
        fragmentedOutside();
        assertEquals(List.of("cut-across-outer-fragments.ipip.test", "ports-in-a-later-fragment.ip6gre.test",
                "behind-ah.sixinfour.test"), leakedNames());
        assertEquals(3, meter.total(TrafficClass.LEAK).packets());
        assertEquals(sent.stream().mapToLong(f -> f.length).sum(), meter.total(TrafficClass.LEAK).bytes());
        assertEquals(Map.of(), p.parseErrors());
        assertEquals(0, p.reassemblyBytesHeld());
    }

    @Test
    @DisplayName("a tunnel packet whose later fragments never come is read as far as its first fragment goes")
    void aTunnelMissingLaterFragmentsIsReadAsFarAsItGot() {
        byte[] ipip = query4("later-fragment-lost.ipip.test");
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOf(ipip, 40), new byte[0], 0x2000));
        assertEquals(0, meter.total(TrafficClass.LEAK).packets()); // held for its fragments
        assertEquals(List.of(LeakRecord.UNREADABLE), leakedNames());
        assertEquals(1, meter.total(TrafficClass.LEAK).packets());
        assertEquals(0, p.reassemblyBytesHeld());
    }

    /** The first fragment of an IP-in-IP packet from {@code outerSource}, {@code size} bytes of it, more to come. */
    private void heldTunnelFirstFragment(String outerSource, int size) {
        byte[] ipip = ipv4(HOST, REMOTE_DNS, 17, udp(40000, 53, cat(dnsQuery("waiting.ipip.test", 1), new byte[size])));
        raw(ipv4(outerSource, GATEWAY, 4, Arrays.copyOf(ipip, size), new byte[0], 0x2000));
    }

    @Test
    @DisplayName("fragmented tunnel packets wait in their own table: however many, and however large, they cannot push "
            + "out a fragmented DNS query")
    void tunnelFragmentsCannotPushOutDnsFragments() {
        byte[] q = udp(40000, 53, dnsQuery("kept-while-tunnels-wait.fragments.test", 1));
        raw(ipv4(HOST, REMOTE_DNS, 17, Arrays.copyOf(q, 24), new byte[0], 0x2000)); // question cut: held
        for (int i = 0; i < IpFragments.MAX_DATAGRAMS; i++) { // past the byte budget (the first 20), then the count
            heldTunnelFirstFragment("198.18.3." + i, i < 20 ? 60_000 : 100);
        }
        assertEquals(0, p.reassemblyIncompleteDatagrams(), "the DNS datagram is still held");
        raw(ipv4(HOST, REMOTE_DNS, 17, Arrays.copyOfRange(q, 24, q.length), new byte[0], 3));
        List<String> names = leakedNames();
        assertEquals(1, names.stream().filter("kept-while-tunnels-wait.fragments.test"::equals).count(), names.toString());
        assertEquals(IpFragments.MAX_DATAGRAMS + 1, names.size(), "and every tunnel packet, each read whole");
    }

    @Test
    @DisplayName("fragmented DNS datagrams cannot push out a fragmented tunnel packet either")
    void dnsFragmentsCannotPushOutTunnelFragments() {
        byte[] ipip = query4("kept-while-datagrams-wait.ipip.test");
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOf(ipip, 40), new byte[0], 0x2000));
        for (int i = 0; i < IpFragments.MAX_DATAGRAMS; i++) { // later fragments of other datagrams, each held
            raw(ipv4("198.18.1." + i, REMOTE_DNS, 17, new byte[16], new byte[0], 3));
        }
        assertEquals(0, meter.total(TrafficClass.LEAK).packets(), "the tunnel packet is still held");
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOfRange(ipip, 40, ipip.length), new byte[0], 5));
        assertEquals(List.of("kept-while-datagrams-wait.ipip.test"), leakedNames());
    }

    @Test
    @DisplayName("a tunnel packet's first fragment given up with nothing past its header is a parse error, not lost")
    void aTunnelFirstFragmentWithNothingPastItsHeaderIsCounted() {
        raw(ipv4(HOST, GATEWAY, 4, new byte[0], new byte[0], 0x2000));            // IP-in-IP, no inner byte
        raw(ipv4(HOST, GATEWAY, 51, ah(47, new byte[0]), new byte[0], 0x2000));   // GRE behind an AH, no GRE byte
        assertEquals(List.of(), leakedNames());
        assertEquals(1L, p.parseErrors().get(FrameError.TRUNCATED_IP_HEADER));
        assertEquals(1L, p.parseErrors().get(FrameError.valueOf("TRUNCATED_TUNNEL_HEADER")));
    }

    @Test
    @DisplayName("a tunnel packet's first fragment seen twice (a copy on another interface) is counted once, as a copy")
    void aRepeatedTunnelFirstFragmentIsACopy() {
        byte[] ipip = query4("seen-twice.ipip.test");
        byte[] first = ipv4(HOST, GATEWAY, 4, Arrays.copyOf(ipip, 40), new byte[0], 0x2000);
        raw(first);
        raw(first);
        raw(ipv4(HOST, GATEWAY, 4, Arrays.copyOfRange(ipip, 40, ipip.length), new byte[0], 5));
        assertEquals(List.of("seen-twice.ipip.test"), leakedNames());
        assertEquals(1, p.crossingCopies());
        assertEquals(first.length + ipip.length - 40 + 20, meter.total(TrafficClass.LEAK).bytes(), "one copy's bytes");
    }

    @Test
    @DisplayName("an IPsec AH on a fragmented query: the later fragments complete it and its name is read")
    void authenticationHeaderOnAFragmentedQuery() {
        fragmentsBehindAuthenticationHeader();
        assertEquals(List.of("a-fragmented-name.ah.test", "another-fragmented-name.ah.test"), leakedNames());
        assertEquals(2, meter.total(TrafficClass.LEAK).packets());
        assertEquals(0, p.reassemblyIncompleteDatagrams());
    }

    @Test
    @DisplayName("tshark reads the same queries from the same frames")
    void sameQueriesAsTshark(@TempDir Path dir) throws Exception {
        everyTunnel();
        bridgedAndIpv6OuterTunnels();
        fragmentedOutside();
        fragmentsBehindAuthenticationHeader();
        assertEquals(leakedNames(), tsharkQueryNames(rawIpPcap(dir, "tunnels.pcap", sent)));
    }

    @Test
    @DisplayName("the live capture's filter passes the tunnelled and AH-carrying frames (tcpdump reads the same file)")
    void liveFilterPassesTunnels(@TempDir Path dir) throws Exception {
        everyTunnel();
        fragmentsBehindAuthenticationHeader();
        assertEquals(sent.size(), framesTheLiveFilterPasses(rawIpPcap(dir, "tunnels.pcap", sent)));
    }

    @Test
    @DisplayName("on Ethernet (DLT_EN10MB) the live filter passes the same, tunnels over IPv6 and bridged over GRE too")
    void liveFilterPassesTunnelsOnEthernet(@TempDir Path dir) throws Exception {
        everyTunnel();
        bridgedAndIpv6OuterTunnels();
        fragmentedOutside();
        fragmentsBehindAuthenticationHeader();
        List<Frames.Rec> frames = new ArrayList<>();
        for (byte[] ip : sent) {
            frames.add(new Frames.Rec(t += 1_000_000, LinkTypes.ETHERNET, ether((ip[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800,
                    ip)));
        }
        Path file = Files.write(dir.resolve("tunnels-ethernet.pcap"),
                pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.ETHERNET, frames));
        assertEquals(sent.size(), framesTheLiveFilterPasses(file));
    }

    /** How many frames of {@code file} libpcap's compilation of the live filter passes (tcpdump reads the file). */
    private static long framesTheLiveFilterPasses(Path file) throws IOException, InterruptedException {
        Process tcpdump = new ProcessBuilder("tcpdump", "-n", "-r", file.toString(), LiveCaptureSession.FILTER)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tcpdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tcpdump.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, tcpdump.exitValue(), out);
        return out.lines().count();
    }

    /** The names of DNS queries to port 53 in {@code file} as tshark dissects it (IP reassembly on, its default). */
    static List<String> tsharkQueryNames(Path file) throws IOException, InterruptedException {
        Process tshark = new ProcessBuilder("tshark", "-n", "-r", file.toString(), "-Y",
                "udp.dstport == 53 && dns.flags.response == 0", "-T", "fields", "-e", "dns.qry.name")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tshark.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, tshark.exitValue(), out);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
