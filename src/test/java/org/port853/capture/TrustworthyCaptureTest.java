package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 17: classification and parsing that a hostile sender or a busy desktop cannot fool. */
class TrustworthyCaptureTest {
    private final TrafficMeter meter = new TrafficMeter(60);
    private final LeakCollector leaks = new LeakCollector();
    private final PacketPipeline p;
    private long t = 1_700_000_000_000_000_000L;

    TrustworthyCaptureTest() throws Exception {
        p = new PacketPipeline(meter, LocalAddresses.of(List.of(InetAddress.getByName("198.18.0.1"))), leaks, null);
    }

    private void raw(byte[] ip) {
        p.accept(t += 1_000_000, LinkTypes.RAW, "eth0", ip, 0, ip.length, ip.length);
    }

    private long packets(TrafficClass c) {
        return meter.total(c).packets();
    }

    public static byte[] tlsRecord(int type, int len) {
        byte[] r = new byte[5 + len];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (len >> 8);
        r[4] = (byte) len;
        return r;
    }

    @Test
    @DisplayName("853 -> 53 is plaintext DNS: port 53 wins")
    void port853To53IsPlaintext() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(853, 53, dnsQuery("a.test", 1))));
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 853, dnsResponse("a.test", 1))));
        assertEquals(0, packets(TrafficClass.ENCRYPTED));
        assertEquals(2, packets(TrafficClass.LEAK));
        assertEquals(List.of("a.test"), leaks.names());
        assertEquals("198.18.0.2", leaks.get(0).server());
        assertEquals("NOERROR", leaks.get(0).rcode());
    }

    @Test
    @DisplayName("plaintext DNS on 853 (UDP and TCP) is its own class, and its queries are leak entries")
    void plaintextOn853() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, dnsQuery("u.test", 1))));
        byte[] q = dnsQuery("t.test", 1);
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 1, 0x02, new byte[0])));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 2, 0x18, cat(bytes(0, q.length), q))));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 2 + q.length + 2, 0x10, new byte[0])));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40002, 853, 1, 0x18, "GET / HTTP/1.1\r\n".getBytes())));
        assertEquals(1 + 2 + 1, packets(TrafficClass.PLAINTEXT_853), "DNS, pure ACK of that flow, HTTP");
        assertEquals(1, packets(TrafficClass.ENCRYPTED), "the SYN before the flow showed what it carries");
        assertEquals(List.of("u.test", "t.test"), leaks.names());
    }

    @Test
    @DisplayName("a TCP connection that carries plaintext DNS on 853 adds nothing to encrypted after it: not the "
            + "server's ACK, its TLS alert, FIN or reset, nor the client's last ACK")
    void plaintextConnectionOn853IsNotEncryptedInEitherDirection() {
        byte[] q = dnsQuery("plain8.test", 1);
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 1, 0x02, new byte[0])));   // SYN
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 1, 0x12, new byte[0])));   // SYN-ACK
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 2, 0x10, new byte[0])));   // ACK
        long handshake = packets(TrafficClass.ENCRYPTED);
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 2, 0x18, cat(bytes(0, q.length), q))));
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 2, 0x10, new byte[0])));   // ACK of the query
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 2, 0x18, tlsRecord(21, 2)))); // alert
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 9, 0x11, new byte[0])));   // FIN
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 4 + q.length, 0x10, new byte[0])));
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 10, 0x14, new byte[0])));  // RST
        assertEquals(handshake, packets(TrafficClass.ENCRYPTED), "nothing after the plaintext query is encrypted");
        assertEquals(6, packets(TrafficClass.PLAINTEXT_853));
        assertEquals(List.of("plain8.test"), leaks.names());
        // the next connection on the same ports starts undecided again, and TLS there is encrypted
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 100, 0x02, new byte[0])));
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 100, 0x12, new byte[0])));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40001, 853, 101, 0x18, tlsRecord(22, 100))));
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40001, 101, 0x10, new byte[0])));
        assertEquals(handshake + 4, packets(TrafficClass.ENCRYPTED));
    }

    @Test
    @DisplayName("853 counts as encrypted for TLS records over TCP and, over UDP (QUIC, DTLS), for all but a DNS message")
    void tlsAndQuicAreEncrypted() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 853, 1, 0x18, tlsRecord(22, 100))));
        raw(ipv4("198.18.0.2", "198.18.0.1", 6, tcp(853, 40000, 7, 0x18, tlsRecord(23, 50))));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 853, 106, 0x18, new byte[30]))); // mid-record, TLS flow
        byte[] quicLong = cat(bytes(0xc3, 0, 0, 0, 1, 8), new byte[40]);
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, quicLong)));
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(853, 40000, cat(bytes(0x41), new byte[30]))));
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40005, 853, 1, 0x18, bytes(22, 3, 9, 0, 10)))); // bad version
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, bytes(0x01, 2, 3)))); // encrypted, unknown protocol
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, dnsQuery("udp853.test", 1)))); // plaintext DNS
        assertEquals(6, packets(TrafficClass.ENCRYPTED));
        assertEquals(2, packets(TrafficClass.PLAINTEXT_853));
    }

    @Test
    @DisplayName("interface names by index: a high index is looked up once, not per packet")
    void highIfIndexLookedUpOnce() {
        AtomicInteger calls = new AtomicInteger();
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), leaks, i -> {
            calls.incrementAndGet();
            return "n" + i;
        });
        byte[] f = sll2(0x0800, 70000, ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, new byte[8])));
        for (int i = 0; i < 1000; i++) {
            q.accept(t + i, LinkTypes.LINUX_SLL2, "any", f, 0, f.length, f.length);
        }
        assertEquals(1, calls.get());
        assertTrue(q.interfaceTotals().containsKey("n70000"));
    }

    @Test
    @DisplayName("link-local addresses compare with their scope")
    void linkLocalWithScope() throws Exception {
        Inet6Address a = Inet6Address.getByAddress(null, ip6("fe80::1"), 3);
        Inet6Address b = Inet6Address.getByAddress(null, ip6("fe80::2"), 3);
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.of(List.of(a, b)), leaks, i -> "n" + i);
        byte[] onScope = sll2(0x86dd, 3, ipv6("fe80::2", "fe80::1", 17, udp(40000, 53, dnsQuery("x.test", 1))));
        byte[] otherLink = sll2(0x86dd, 7, ipv6("fe80::2", "fe80::1", 17, udp(40001, 53, dnsQuery("y.test", 1))));
        q.accept(t, LinkTypes.LINUX_SLL2, "any", onScope, 0, onScope.length, onScope.length);
        q.accept(t + 1, LinkTypes.LINUX_SLL2, "any", otherLink, 0, otherLink.length, otherLink.length);
        assertEquals(1, packets(TrafficClass.LOCAL_PLAINTEXT));
        assertEquals(1, packets(TrafficClass.LEAK), "the router's fe80::1 on another link is not this machine");
        assertEquals(List.of("y.test"), leaks.names());
    }

    @Test
    @DisplayName("a query from this machine's link-local address to itself goes over lo: local, whatever the scope")
    void ownLinkLocalOverLoopback() throws Exception {
        Inet6Address wlan = Inet6Address.getByAddress(null, ip6("fe80::1"), 3);
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.of(List.of(wlan)), leaks, i -> "n" + i);
        byte[] onLo = sll2(0x86dd, 1, ipv6("fe80::1", "fe80::1", 17, udp(40000, 53, dnsQuery("self.test", 1))));
        onLo[8] = 0x03; // SLL2 hardware type ARPHRD_LOOPBACK (772)
        onLo[9] = 0x04;
        q.accept(t, LinkTypes.LINUX_SLL2, "any", onLo, 0, onLo.length, onLo.length);
        q.flushLeaks();
        assertEquals(1, packets(TrafficClass.LOCAL_PLAINTEXT));
        assertEquals(0, packets(TrafficClass.LEAK));
        assertEquals(List.of(), leaks.names());
    }

    @Test
    @DisplayName("a query whose name cannot be read is still a leak entry, marked unreadable")
    void unreadableNames() {
        byte[] cut = Arrays.copyOf(dnsQuery("cut.example.test", 1), 18);
        byte[] loop = cat(bytes(0, 9, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), bytes(0xc0, 12), bytes(0, 1, 0, 1));
        byte[] tooLong = new byte[12 + 300];
        tooLong[5] = 1;
        for (int i = 12; i + 64 < tooLong.length; i += 64) {
            tooLong[i] = 63;
            Arrays.fill(tooLong, i + 1, i + 64, (byte) 'a');
        }
        for (byte[] m : List.of(cut, loop, tooLong)) {
            raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000 + m.length, 53, m)));
        }
        // snap length: the frame is cut inside the question (captured length < IP total length)
        byte[] full = ipv4("198.18.0.1", "198.18.0.2", 17, udp(41000, 53, dnsQuery("snap.example.test", 1)));
        p.accept(t += 1000, LinkTypes.RAW, "eth0", full, 0, 20 + 8 + 15, full.length);
        assertEquals(4, leaks.size());
        assertTrue(leaks.all().stream().allMatch(l -> LeakRecord.UNREADABLE.equals(l.name())), leaks.names().toString());
        assertEquals(4, p.leakQueries());
    }

    @Test
    @DisplayName("IP fragments are reassembled (bounded) to read the name")
    void fragmentsReassembled() {
        byte[] q = udp(40000, 53, dnsQuery("a-rather-long-name-split.across.fragments.test", 1));
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, Arrays.copyOf(q, 24), new byte[0], 0x2000));   // 8 + 16 bytes
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, Arrays.copyOfRange(q, 24, q.length), new byte[0], 3));
        assertEquals(1, packets(TrafficClass.LEAK));
        assertEquals(List.of("a-rather-long-name-split.across.fragments.test"), leaks.names());
        // IPv6, last fragment first
        byte[] q6 = udp(40000, 53, dnsQuery("six.fragments.test", 28));
        byte[] frag1 = cat(bytes(17, 0, 0, 1, 0, 0, 0, 9), Arrays.copyOf(q6, 24));       // offset 0, M=1
        byte[] frag2 = cat(bytes(17, 0, 0, 3 << 3, 0, 0, 0, 9), Arrays.copyOfRange(q6, 24, q6.length)); // offset 24
        raw(ipv6("2001:db8::1", "2001:db8::53", 44, frag2));
        raw(ipv6("2001:db8::1", "2001:db8::53", 44, frag1));
        assertEquals(List.of("a-rather-long-name-split.across.fragments.test", "six.fragments.test"), leaks.names());
    }

    @Test
    @DisplayName("TCP Fast Open: the query in the SYN gives its name")
    void tcpFastOpen() {
        byte[] q = dnsQuery("tfo.test", 1);
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 53, 100, 0x02, cat(bytes(0, q.length), q))));
        assertEquals(List.of("tfo.test"), leaks.names());
    }

    @Test
    @DisplayName("original length is the frame length even when the file claims a longer captured length")
    void origLenWhenCapLenClaimsMore() throws Exception {
        byte[] f = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 853, new byte[20]));
        byte[] padded = cat(f, new byte[40]);
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.RAW, List.of(new Rec(t, LinkTypes.RAW, padded, f.length)));
        var r = FileAnalyzer.analyze(PcapFileReader.of(java.nio.ByteBuffer.wrap(file)), List.of(), 10);
        assertEquals(f.length, r.total(TrafficClass.PLAINTEXT_853).bytes() + r.total(TrafficClass.ENCRYPTED).bytes());
    }

    @Test
    @DisplayName("PPPoE session and MPLS frames are looked into")
    void pppoeAndMpls() {
        byte[] ip = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("ppp.test", 1)));
        byte[] pppoe = ether(0x8864, cat(bytes(0x11, 0, 0, 7, (ip.length + 2) >> 8, ip.length + 2, 0, 0x21), ip));
        byte[] ip6 = ipv6("2001:db8::1", "2001:db8::53", 17, udp(40000, 53, dnsQuery("mpls.test", 1)));
        byte[] mpls = ether(0x8847, cat(bytes(0, 1, 0, 64, 0, 2, 1, 64), ip6));      // two labels, bottom of stack
        p.accept(t += 1000, LinkTypes.ETHERNET, "eth0", pppoe, 0, pppoe.length, pppoe.length);
        p.accept(t += 1000, LinkTypes.ETHERNET, "eth0", mpls, 0, mpls.length, mpls.length);
        assertEquals(2, packets(TrafficClass.LEAK));
        assertEquals(List.of("ppp.test", "mpls.test"), leaks.names());
    }

    @Test
    @DisplayName("a leak entry is emitted when the query is seen; the response code comes as an update")
    void entryAtQueryTime() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("now.test", 1))));
        assertEquals(1, leaks.size());
        assertEquals(null, leaks.get(0).rcode());
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40000, dnsResponse("now.test", 1))));
        assertEquals(1, leaks.size());
        assertEquals("NOERROR", leaks.get(0).rcode());
        assertEquals(1, leaks.updates);
    }

    @Test
    @DisplayName("the TCP reassembler holds a global byte budget, expires idle flows and counts what it dropped")
    void reassemblerBudget() {
        TcpDnsReassembler r = new TcpDnsReassembler();
        ParsedFrame f = new ParsedFrame();
        FrameParser fp = new FrameParser();
        byte[] chunk = new byte[1400];
        chunk[0] = (byte) 0xff; // announces a 65,535-byte message that never completes
        chunk[1] = (byte) 0xff;
        for (int flow = 0; flow < 2000; flow++) {
            for (int s = 0; s < 40; s++) {
                byte[] fr = ipv4("198.18." + (flow >> 8) + "." + (flow & 0xff), "198.18.0.2", 6,
                        tcp(20000 + flow % 40000, 53, 1 + s * 1400L, 0x18, chunk));
                fp.parse(LinkTypes.RAW, fr, 0, fr.length, f);
                r.segment(f, t + flow * 1000L, (b, o, l) -> { });
            }
            assertTrue(r.bufferedBytes() <= TcpDnsReassembler.BYTE_BUDGET, "budget after flow " + flow);
        }
        assertTrue(r.droppedBytes() > 0);
        assertTrue(r.droppedFlows() > 0);
        byte[] late = ipv4("198.18.9.9", "198.18.0.2", 6, tcp(1, 53, 1, 0x18, new byte[10]));
        fp.parse(LinkTypes.RAW, late, 0, late.length, f);
        r.segment(f, t + 3_600_000_000_000L, (b, o, l) -> { });
        assertEquals(1, r.flowCount(), "idle flows expired");
    }

    @Test
    @DisplayName("on the any device a packet crossing a veth pair, a bridge and NAT counts once, where it leaves")
    void crossingCopiesCountOnce() {
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.of(List.of()), leaks, i -> "if" + i);
        byte[] query = udp(40000, 53, dnsQuery("once.test", 1));
        byte[] inVeth = sll2(0x0800, 7, ipv4("172.17.0.2", "198.18.0.2", 17, query));   // from the container
        byte[] onBridge = sll2(0x0800, 3, ipv4("172.17.0.2", "198.18.0.2", 17, query));
        byte[] natted = sll2(0x0800, 2, ipv4("198.18.0.1", "198.18.0.2", 17, udp(61000, 53, dnsQuery("once.test", 1))));
        inVeth[10] = 0;   // PACKET_HOST
        onBridge[10] = 0;
        natted[10] = 4;   // PACKET_OUTGOING: it leaves here
        for (byte[] f : List.of(inVeth, onBridge, natted)) {
            q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", f, 0, f.length, f.length);
        }
        assertEquals(1, packets(TrafficClass.LEAK));
        assertEquals(List.of("once.test"), leaks.names());
        assertEquals(2, q.crossingCopies());
        assertEquals(0, q.interfaceTotals().get("if7").get(TrafficClass.LEAK).packets());
        assertEquals(1, q.interfaceTotals().get("if2").get(TrafficClass.LEAK).packets(), "counted where it leaves");
        long[] ifSeries = meter.snapshot(1, Long.MIN_VALUE).interfaces().stream()
                .filter(i -> i.name().equals("if2")).findFirst().orElseThrow().leakPackets();
        assertEquals(1, ifSeries[0]);
        // the same bytes again on the same interface (a retransmission) are a new packet
        q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", natted, 0, natted.length, natted.length);
        assertEquals(2, packets(TrafficClass.LEAK));
        // and on another interface after the window, too
        q.accept(t += CrossingCopies.WINDOW_NANOS + 1, LinkTypes.LINUX_SLL2, "any", inVeth, 0, inVeth.length,
                inVeth.length);
        assertEquals(3, packets(TrafficClass.LEAK));
    }

    @Test
    @DisplayName("the same query to two servers on two interfaces (dnsmasq asking all upstreams) is two packets")
    void sameQueryToTwoServersIsNoCopy() {
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.of(List.of()), leaks, i -> "if" + i);
        byte[] query = udp(40000, 53, dnsQuery("twice.test", 1));
        byte[] toRouter = sll2(0x0800, 2, ipv4("192.168.1.5", "192.168.1.1", 17, query));   // wlan0
        byte[] toVpn = sll2(0x0800, 9, ipv4("10.8.0.2", "10.8.0.1", 17, query));            // tun0
        toRouter[10] = 4; // PACKET_OUTGOING
        toVpn[10] = 4;
        q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", toRouter, 0, toRouter.length, toRouter.length);
        q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", toVpn, 0, toVpn.length, toVpn.length);
        q.flushLeaks();
        assertEquals(2, packets(TrafficClass.LEAK));
        assertEquals(0, q.crossingCopies());
        assertEquals(List.of("192.168.1.1", "10.8.0.1"), leaks.all().stream().map(LeakCandidate::server).toList());
        // a response crossing masquerading back (the destination rewritten) is still one packet
        byte[] answer = udp(53, 61000, dnsResponse("twice.test", 1));
        byte[] onUplink = sll2(0x0800, 2, ipv4("198.18.0.2", "198.18.0.1", 17, answer));
        byte[] toContainer = sll2(0x0800, 3, ipv4("198.18.0.2", "172.17.0.2", 17,
                udp(53, 40000, dnsResponse("twice.test", 1))));
        q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", onUplink, 0, onUplink.length, onUplink.length);
        q.accept(t += 10_000, LinkTypes.LINUX_SLL2, "any", toContainer, 0, toContainer.length, toContainer.length);
        assertEquals(3, packets(TrafficClass.LEAK));
        assertEquals(1, q.crossingCopies());
    }

    /** Collects leak entries and applies updates (response codes) to them by capture order. */
    static final class LeakCollector implements LeakSink {
        private final List<LeakCandidate> list = new ArrayList<>();
        int updates;

        @Override
        public synchronized void leak(LeakCandidate c) {
            list.add(c);
        }

        @Override
        public synchronized void update(LeakCandidate c) {
            updates++;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).seq() == c.seq()) {
                    list.set(i, c);
                }
            }
        }

        synchronized int size() {
            return list.size();
        }

        synchronized LeakCandidate get(int i) {
            return list.get(i);
        }

        synchronized List<LeakCandidate> all() {
            return List.copyOf(list);
        }

        synchronized List<String> names() {
            return list.stream().map(LeakCandidate::name).toList();
        }
    }
}
