package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.port853.capture.Frames.*;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacketPipelineTest {
    private final TrafficMeter meter = new TrafficMeter(60);
    private final TrustworthyCaptureTest.LeakCollector leaks = new TrustworthyCaptureTest.LeakCollector();
    private final PacketPipeline p;
    private long t = 1_700_000_000_000_000_000L;

    PacketPipelineTest() throws Exception {
        p = new PacketPipeline(meter, LocalAddresses.of(List.of(InetAddress.getByName("198.18.0.1"))), leaks, null);
    }

    private void raw(byte[] ip) {
        p.accept(t += 1_000_000, LinkTypes.RAW, "eth0", ip, 0, ip.length, ip.length + 14);
    }

    @Test
    void classesByPortsAndLocality() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 853, 1, 0x10, new byte[0])));       // encrypted
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(853, 40000, cat(bytes(0x40), new byte[19])))); // QUIC short header
        raw(ipv4("127.0.0.1", "127.0.0.53", 17, udp(40000, 53, dnsQuery("a.test", 1))));     // local
        raw(ipv4("198.18.0.1", "127.0.0.53", 17, udp(40000, 53, dnsQuery("b.test", 1))));    // local (own address)
        raw(ipv6("::1", "::1", 17, udp(40000, 53, dnsQuery("c.test", 1))));                  // local
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("d.test", 1))));    // leak + entry
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40000, dnsResponse("d.test", 1)))); // leak, no entry
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 5353, new byte[12])));          // not DNS ports
        assertEquals(new ClassTotals(2, 2 * 14 + 40 + 28 + 20), meter.total(TrafficClass.ENCRYPTED));
        assertEquals(3, meter.total(TrafficClass.LOCAL_PLAINTEXT).packets());
        assertEquals(2, meter.total(TrafficClass.LEAK).packets());
        assertEquals(1, leaks.size());
        LeakCandidate l = leaks.get(0);
        assertEquals("d.test", l.name());
        assertEquals("198.18.0.2", l.server());
        assertEquals("eth0", l.iface());
        assertEquals(40000, l.clientPort());
        assertEquals(true, l.clientLocal());
        assertEquals("NOERROR", l.rcode());
        assertEquals(7, p.countedFrames());
        assertEquals(1, p.otherFrames());
    }

    @Test
    @DisplayName("queries, the window's unit: the client's TLS application records to 853 and DNS questions to a "
            + "local resolver; not the handshake, ACKs, resets, answers or leaks")
    void queriesAreCountedInTheWindowsUnit() {
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        byte[] hello = cat(bytes(0x16, 3, 1, 0, 40), new byte[40]);
        byte[] finished = cat(bytes(0x14, 3, 3, 0, 1, 1), bytes(0x17, 3, 3, 0, 20), new byte[20]);
        byte[] query = cat(bytes(0x17, 3, 3, 0, 48), new byte[48]);
        raw(ipv4(c, s, 6, tcp(42000, 853, 1, 0x02, new byte[0])));                      // SYN
        raw(ipv4(s, c, 6, tcp(853, 42000, 1, 0x12, new byte[0])));                      // SYN-ACK
        raw(ipv4(c, s, 6, tcp(42000, 853, 2, 0x18, hello)));                            // ClientHello
        raw(ipv4(s, c, 6, tcp(853, 42000, 2, 0x18, cat(bytes(0x16, 3, 3, 0, 40), new byte[40])))); // ServerHello
        raw(ipv4(c, s, 6, tcp(42000, 853, 47, 0x18, finished)));                        // CCS + Finished
        raw(ipv4(c, s, 6, tcp(42000, 853, 73, 0x18, query)));                           // query 1
        raw(ipv4(c, s, 6, tcp(42000, 853, 126, 0x18, query)));                          // query 2
        raw(ipv4(s, c, 6, tcp(853, 42000, 47, 0x18, query)));                           // an answer
        raw(ipv4(c, s, 6, tcp(42000, 853, 179, 0x10, new byte[0])));                    // ACK
        raw(ipv4(c, s, 6, tcp(42000, 853, 179, 0x04, new byte[0])));                    // RST
        raw(ipv4(c, s, 17, udp(42001, 853, cat(bytes(0x41), new byte[30]))));          // QUIC short header
        raw(ipv4(c, s, 17, udp(42001, 853, cat(bytes(0xc3, 0, 0, 0, 1), new byte[30])))); // QUIC long header
        raw(ipv4("127.0.0.1", "127.0.0.53", 17, udp(42002, 53, dnsQuery("a.test", 1))));  // local question
        raw(ipv4("127.0.0.53", "127.0.0.1", 17, udp(53, 42002, dnsResponse("a.test", 1)))); // its answer
        byte[] m = dnsQuery("b.test", 1);
        raw(ipv4("127.0.0.1", "127.0.0.53", 6, tcp(42003, 53, 1, 0x18, cat(bytes(0, m.length), m)))); // over TCP
        raw(ipv4(c, s, 17, udp(42004, 53, dnsQuery("leak.test", 1))));                  // a leak: a leak record
        raw(ipv4("127.0.0.1", "127.0.0.53", 17, udp(42005, 53, Arrays.copyOf(m, 11)))); // header cut short: none
        MeterSnapshot snap = meter.snapshot(60, t / 1_000_000_000L);
        assertEquals(3, Arrays.stream(snap.queries().encrypted()).sum(), "two TLS queries and a QUIC packet");
        assertEquals(2, Arrays.stream(snap.queries().local()).sum(), "two questions to the stub, not its answer");
        assertEquals(1, Arrays.stream(snap.leakMarkers()).sum());
        assertEquals(12, meter.total(TrafficClass.ENCRYPTED).packets(), "every packet is still counted as a packet");
    }

    @Test
    void fragmentsCountOnceAndNameTheQuery() {
        byte[] q = udp(40000, 53, cat(dnsQuery("frag.test", 16), bytes(0, 0, 41, 16, 0, 0, 0, 0, 0, 0, 0)));
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, Arrays.copyOf(q, 40), new byte[0], 0x2000)); // first fragment
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, Arrays.copyOfRange(q, 40, q.length), new byte[0], 5));
        assertEquals(1, meter.total(TrafficClass.LEAK).packets());
        assertEquals(1, p.nonFirstFragments());
        assertEquals(1, leaks.size()); // at once: the first fragment holds the question
        p.flushLeaks();
        assertEquals("frag.test", leaks.get(0).name());
        assertEquals(null, leaks.get(0).rcode());
        FrameAccounting.assertEveryFrameCountedOnce(p);
    }

    @Test
    @DisplayName("a held first fragment pushed out of the full table, or timed out, is still a leak entry, and counted")
    void givenUpFragmentsAreDeliveredAndCounted() {
        byte[] q = udp(40000, 53, dnsQuery("pushed-out.fragments.test", 1));
        byte[] cutInQuestion = Arrays.copyOf(q, 24);
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, cutInQuestion, new byte[0], 0x2000)); // held for the rest
        assertEquals(0, leaks.size());
        for (int i = 0; i < IpFragments.MAX_DATAGRAMS; i++) { // fragments of other datagrams fill the table
            raw(ipv4("198.18.1." + i, "198.18.0.2", 17, new byte[16], new byte[0], 3));
        }
        assertEquals(List.of(LeakRecord.UNREADABLE), leaks.names(), "pushed out: read as far as it got");
        assertEquals(1, p.reassemblyIncompleteDatagrams());

        raw(ipv4("198.18.0.1", "198.18.0.3", 17, cutInQuestion, new byte[0], 0x2000));
        t += IpFragments.WAIT_NANOS;
        raw(ipv4("198.18.2.1", "198.18.0.2", 17, new byte[16], new byte[0], 3));
        assertEquals(List.of(LeakRecord.UNREADABLE, LeakRecord.UNREADABLE), leaks.names(), "timed out");
        assertEquals(2, p.reassemblyIncompleteDatagrams());
        p.flushLeaks();
        assertEquals(2, p.reassemblyIncompleteDatagrams(), "fragments without their first one are not counted");
        assertEquals(2, meter.total(TrafficClass.LEAK).packets());
        FrameAccounting.assertEveryFrameCountedOnce(p);
    }

    @Test
    @DisplayName("a query another host (a VM, a LAN host) sends to a DNS server on this computer is local, no leak; "
            + "53 to 53 is local only between two local ends")
    void queriesToThisComputersOwnServerAreNoLeak() {
        String here = "198.18.0.1";
        String vm = "192.168.122.50";
        raw(ipv4(vm, here, 17, udp(40000, 53, dnsQuery("vm.test", 1))));
        raw(ipv4(here, vm, 17, udp(53, 40000, dnsResponse("vm.test", 1))));
        raw(ipv4(vm, here, 6, tcp(40001, 53, 1, 0x02, new byte[0])));
        assertEquals(3, meter.total(TrafficClass.LOCAL_PLAINTEXT).packets());
        assertEquals(0, meter.total(TrafficClass.LEAK).packets());
        assertEquals(0, leaks.size());
        raw(ipv4(here, vm, 17, udp(53, 53, dnsQuery("old-resolver.test", 1))));   // query source port 53
        raw(ipv4(vm, here, 17, udp(53, 53, dnsResponse("old-resolver.test", 1))));
        assertEquals(2, meter.total(TrafficClass.LEAK).packets());
        assertEquals(List.of("old-resolver.test"), leaks.all().stream().map(LeakCandidate::name).toList());
    }

    @Test
    void tcpMessagesAcrossSegmentsRetransmissionsAndPipelining() {
        byte[] m1 = dnsQuery("one.test", 1);
        byte[] m2 = dnsQuery("two.test", 28);
        byte[] stream = cat(bytes(0, m1.length), m1, bytes(0, m2.length), m2);
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        raw(ipv4(c, s, 6, tcp(41000, 53, 999, 0x02, new byte[0])));                          // SYN
        raw(ipv4(c, s, 6, tcp(41000, 53, 1000, 0x18, Arrays.copyOf(stream, 1))));             // half a length
        raw(ipv4(c, s, 6, tcp(41000, 53, 1001, 0x18, Arrays.copyOfRange(stream, 1, 10))));
        raw(ipv4(c, s, 6, tcp(41000, 53, 1001, 0x18, Arrays.copyOfRange(stream, 1, 10))));    // retransmission
        raw(ipv4(c, s, 6, tcp(41000, 53, 1010, 0x18, Arrays.copyOfRange(stream, 10, stream.length)))); // rest
        raw(ipv4(s, c, 6, tcp(53, 41000, 5000, 0x18, cat(bytes(0, m1.length), dnsResponse("one.test", 1)))));
        raw(ipv4(c, s, 6, tcp(41000, 53, 1000 + stream.length, 0x11, new byte[0])));           // FIN
        assertEquals(7, meter.total(TrafficClass.LEAK).packets());
        assertEquals(List.of("one.test", "two.test"), leaks.all().stream().map(LeakCandidate::name).toList());
        assertEquals(List.of("A", "AAAA"), leaks.all().stream().map(LeakCandidate::type).toList());
        assertEquals(0, p.parseErrorCount());
    }

    @Test
    void garbageOnPort53IsAParseErrorButStillCounted() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, bytes(1, 2, 3))));
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, cat(bytes(0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0), bytes(63)))));
        assertEquals(2, meter.total(TrafficClass.LEAK).packets());
        assertEquals(2L, p.parseErrors().get(FrameError.BAD_DNS_MESSAGE));
        assertEquals(1, leaks.size(), "the second has a query header: an entry with an unreadable name");
        assertEquals(LeakRecord.UNREADABLE, leaks.get(0).name());
    }

    @Test
    @DisplayName("another protocol on port 53 (WireGuard run there, an unassigned opcode) is leak traffic but no "
            + "leaked query: no entry, no query count, a parse error")
    void otherProtocolOnPort53IsNoQuery() {
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        // WireGuard transport data: type 4 and three zero bytes (id 0x0400, flags 0: a QR=0 QUERY header), then the
        // receiver index and the counter, which fill QDCOUNT..ARCOUNT
        byte[] wireguard = cat(bytes(4, 0, 0, 0, 0x5e, 0x21, 0x9a, 0x03, 7, 0, 0, 0, 0, 0, 0, 0), new byte[48]);
        byte[] opcode12 = dnsQuery("a.test", 1);
        opcode12[2] = 0x61; // QR 0, opcode 12 (unassigned)
        raw(ipv4(c, s, 17, udp(51820, 53, wireguard)));
        raw(ipv4(c, s, 17, udp(51820, 53, wireguard)));
        raw(ipv4(c, s, 17, udp(40000, 53, opcode12)));
        raw(ipv4(c, s, 17, udp(40001, 53, dnsQuery("real.test", 1))));
        assertEquals(4, meter.total(TrafficClass.LEAK).packets());
        assertEquals(List.of("real.test"), leaks.all().stream().map(LeakCandidate::name).toList());
        assertEquals(1, p.leakQueries());
        assertEquals(3L, p.parseErrors().get(FrameError.BAD_DNS_MESSAGE));
    }

    @Test
    @DisplayName("random bytes on port 53 (an OpenVPN tunnel there) whose header reads QR=0 with another opcode are no "
            + "leaked query unless the counts are those the opcode's RFC requires (rig: '<unreadable> by unknown "
            + "program', answered FORMERR, for random UDP to port 53)")
    void randomBytesWithAnotherOpcodeAreNoQuery() {
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        java.util.Random random = new java.util.Random(853);
        int sent = 0;
        for (int opcode : new int[] {1, 2, 4, 5, 6}) {
            for (int i = 0; i < 20; i++) {
                byte[] tunnel = new byte[40];
                random.nextBytes(tunnel);
                tunnel[2] = (byte) (opcode << 3 | (tunnel[2] & 0x07)); // QR 0, the opcode, random flag bits
                tunnel[4] = (byte) 0x80; // QDCOUNT, ANCOUNT, NSCOUNT as random bytes give them: far from 0 or 1
                tunnel[6] = (byte) 0x41;
                tunnel[8] = (byte) 0x17;
                raw(ipv4(c, s, 17, udp(40000 + sent++, 53, tunnel)));
            }
        }
        byte[] notify = dnsQuery("zone.test", 6);
        notify[2] = 0x20; // QR 0, opcode NOTIFY, one question: a NOTIFY a DNS server sends
        raw(ipv4(c, s, 17, udp(40200, 53, notify)));
        assertEquals(sent + 1, meter.total(TrafficClass.LEAK).packets(), "all of them still count by their port");
        assertEquals(List.of("zone.test"), leaks.all().stream().map(LeakCandidate::name).toList());
        assertEquals(1, p.leakQueries());
    }

    @Test
    @DisplayName("after a gap, TCP answer bytes that read as a query (QR=0) or as garbage are no leak and no parse error")
    void resyncOnAnswerBytesInventsNoLeak() {
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        // capture started mid-answer: the segment's first bytes are answer data that happen to frame a query
        byte[] looksLikeQuery = dnsQuery("invented.test", 1);
        raw(ipv4(s, c, 6, tcp(53, 41000, 7000, 0x18, cat(bytes(0, looksLikeQuery.length), looksLikeQuery))));
        raw(ipv4(s, c, 6, tcp(53, 41000, 9000, 0x18, cat(bytes(0, 3), bytes(1, 2, 3))))); // gap, then garbage
        raw(ipv4(s, c, 17, udp(53, 40000, dnsQuery("stray.test", 1))));
        assertEquals(3, meter.total(TrafficClass.LEAK).packets(), "still plaintext DNS on the wire");
        assertEquals(List.of(), leaks.names());
        assertEquals(0, p.leakQueries());
        assertEquals(0, p.parseErrorCount());
        // the same bytes toward port 53 are a leak
        raw(ipv4(c, s, 6, tcp(41000, 53, 3000, 0x18, cat(bytes(0, looksLikeQuery.length), looksLikeQuery))));
        assertEquals(List.of("invented.test"), leaks.names());
    }

    @Test
    @DisplayName("two different packets cut inside the TCP header, alike on two interfaces, are both counted")
    void snapLengthCutFramesAreNeverTakenForCrossingCopies() {
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), leaks, i -> "n" + i);
        // same addresses, ports, IPv4 identification and length: only the TCP sequence numbers (cut away) differ
        byte[] a = sll2(0x0800, 3, ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 853, 1, 0x04, new byte[0])));
        byte[] b = sll2(0x0800, 4, ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40000, 853, 9, 0x04, new byte[0])));
        int snap = 20 + 20 + 18; // SLL2 + IPv4 + the ports and the first 14 bytes of the TCP header
        q.accept(t, LinkTypes.LINUX_SLL2, "any", a, 0, snap, a.length);
        q.accept(t + 1_000_000, LinkTypes.LINUX_SLL2, "any", b, 0, snap, b.length);
        assertEquals(2, meter.total(TrafficClass.ENCRYPTED).packets());
    }

    @Test
    void sll2IndexNamesTheInterface() {
        PacketPipeline q = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), leaks, i -> "n" + i);
        byte[] f = sll2(0x0800, 3, ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, dnsQuery("x.test", 1))));
        q.accept(t, LinkTypes.LINUX_SLL2, "any", f, 0, f.length, f.length);
        q.flushLeaks();
        assertEquals("n3", leaks.get(0).iface());
        assertEquals(1, q.interfaceTotals().get("n3").get(TrafficClass.LEAK).packets());
    }

    private static byte[] response(String name, int id, int rcode) {
        byte[] r = dnsResponse(name, 1);
        r[0] = (byte) (id >> 8);
        r[1] = (byte) id;
        r[3] = (byte) (0x80 | rcode);
        return r;
    }

    private static byte[] query(String name, int id) {
        byte[] q = dnsQuery(name, 1);
        q[0] = (byte) (id >> 8);
        q[1] = (byte) id;
        return q;
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a TCP query held behind a segment that never came is told with its own "
            + "connection's server and port, when it is read at the capture's end or when the flow goes idle")
    void heldTcpQueryKeepsItsOwnConnection() {
        String c = "198.18.0.1";
        byte[] q = query("held.test", 7);
        byte[] framed = cat(bytes(0, q.length), q);
        raw(ipv4(c, "198.18.0.2", 6, tcp(41000, 53, 1, 0x18, bytes(0, 30, 1, 2)))); // a message whose rest is lost
        raw(ipv4(c, "198.18.0.2", 6, tcp(41000, 53, 500, 0x18, framed)));          // after the gap: held
        raw(ipv4(c, "198.18.0.9", 17, udp(40000, 53, query("other.test", 8))));   // another server's frame last
        assertEquals(List.of("other.test"), leaks.names());
        p.flushLeaks();
        assertEquals(List.of("other.test", "held.test"), leaks.names());
        assertEquals("198.18.0.2", leaks.get(1).server());
        assertEquals(41000, leaks.get(1).clientPort());

        raw(ipv4(c, "198.18.0.3", 6, tcp(41001, 53, 1, 0x18, bytes(0, 30, 1, 2))));
        raw(ipv4(c, "198.18.0.3", 6, tcp(41001, 53, 500, 0x18, cat(bytes(0, q.length), query("idle.test", 9)))));
        t += 31_000_000_000L; // the flow goes idle; another connection's segment makes the reassembler look
        raw(ipv4(c, "198.18.0.4", 6, tcp(41002, 53, 1, 0x18, cat(bytes(0, q.length), query("next.test", 5)))));
        assertEquals(List.of("other.test", "held.test", "idle.test", "next.test"), leaks.names());
        assertEquals("198.18.0.3", leaks.get(2).server());
        assertEquals(41001, leaks.get(2).clientPort());
    }

    @Test
    void responseCodeMatchedByIdAndFiveTuple() {
        String c = "198.18.0.1";
        String s = "198.18.0.2";
        raw(ipv4(c, s, 17, udp(40000, 53, query("nx.test", 7))));
        raw(ipv4(c, s, 17, udp(40001, 53, query("other-port.test", 7))));
        raw(ipv4(c, s, 17, udp(40002, 53, query("unanswered.test", 9))));
        assertEquals(List.of("nx.test", "other-port.test", "unanswered.test"), leaks.names(), "entries at once");
        raw(ipv4(s, c, 17, udp(53, 40000, response("nx.test", 7, 3))));          // NXDOMAIN for port 40000 only
        raw(ipv4(s, c, 17, udp(53, 40001, response("x", 8, 2))));                // wrong id: no match
        raw(ipv4("198.18.0.3", c, 17, udp(53, 40001, response("x", 7, 2))));     // wrong server: no match
        assertEquals("NXDOMAIN", leaks.get(0).rcode());
        assertEquals(null, leaks.get(1).rcode());
        assertEquals(1, leaks.updates);
        raw(ipv4(s, c, 17, udp(53, 40001, response("other-port.test", 7, 5))));  // REFUSED
        assertEquals("REFUSED", leaks.get(1).rcode());
        // TCP: matched on the TCP key, not the UDP one
        raw(ipv4(c, s, 6, tcp(41000, 53, 1, 0x18, cat(bytes(0, query("t.test", 7).length), query("t.test", 7)))));
        raw(ipv4(s, c, 17, udp(53, 41000, response("t.test", 7, 0))));
        assertEquals(null, leaks.get(3).rcode());
        byte[] tr = response("t.test", 7, 2);
        raw(ipv4(s, c, 6, tcp(53, 41000, 1, 0x18, cat(bytes(0, tr.length), tr))));
        assertEquals("SERVFAIL", leaks.get(3).rcode());
        // unanswered: stops waiting after 5 s of capture time; a late answer changes nothing
        t += 6_000_000_000L;
        raw(ipv4(c, s, 17, udp(40003, 53, query("late.test", 1))));
        raw(ipv4(s, c, 17, udp(53, 40002, response("unanswered.test", 9, 0))));
        assertEquals(null, leaks.get(2).rcode());
        p.flushLeaks();
        assertEquals("late.test", leaks.get(4).name());
        assertEquals(null, leaks.get(4).rcode());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), leaks.all().stream().map(LeakCandidate::seq).toList());
        assertEquals(5, p.leakQueries());
    }

    @Test
    @DisplayName("a query sent from port 53 to port 53 (query-source port 53) gets its answer's response code, "
            + "which comes back from port 53 to port 53")
    void responseCodeOfAQueryFromPort53() {
        raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(53, 53, query("srcport53.test", 10))));
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 53, response("srcport53.test", 10, 3))));
        assertEquals(List.of("srcport53.test"), leaks.names(), "the answer is no query");
        assertEquals("NXDOMAIN", leaks.get(0).rcode());
        assertEquals("198.18.0.2", leaks.get(0).server());
        assertEquals(1, p.leakQueries());
    }

    @Test
    void pendingTableIsBounded() {
        for (int i = 0; i < LeakStage.MAX_PENDING + 10; i++) {
            raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(10000 + i % 50000, 53, query("q" + i + ".test", i & 0xffff))));
        }
        assertEquals(LeakStage.MAX_PENDING + 10, leaks.size());
        assertEquals("q0.test", leaks.get(0).name());
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 10000, response("q0.test", 0, 3))));
        assertEquals(0, leaks.updates, "the oldest stopped waiting when the table was full");
        int last = LeakStage.MAX_PENDING + 9;
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 10000 + last, response("q.test", last, 3))));
        assertEquals("NXDOMAIN", leaks.get(last).rcode());
    }

    @Test
    void repeatedQueriesWithOneKeyAreBoundedAndAllAnswered() {
        for (int i = 0; i < 20; i++) {
            raw(ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, query("same.test", 1))));
        }
        assertEquals(20, leaks.size());
        raw(ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40000, response("same.test", 1, 0))));
        assertEquals(20, leaks.size());
        assertEquals(LeakStage.MAX_CHAIN, leaks.all().stream().filter(l -> "NOERROR".equals(l.rcode())).count());
        assertEquals(null, leaks.get(20 - LeakStage.MAX_CHAIN - 1).rcode(), "older repeats gave up waiting");
        assertEquals(java.util.stream.LongStream.range(0, 20).boxed().toList(),
                leaks.all().stream().map(LeakCandidate::seq).toList());
    }

    @Test
    void asyncStageDeliversOnItsWorkerAndCountsOverflow() throws Exception {
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                got.leak(c);
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void update(LeakCandidate c) {
                got.update(c);
            }
        }, null, LeakStage::async);
        byte[] f = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, query("async.test", 5)));
        byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40000, response("async.test", 5, 3)));
        a.accept(t, LinkTypes.RAW, "eth0", f, 0, f.length, f.length);
        a.accept(t + 1000, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
        for (int i = 0; i < 100 && got.updates == 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(1, got.size());
        assertEquals("NXDOMAIN", got.get(0).rcode());
        assertEquals("port853-leak-worker", threads.get(0));
        a.flushLeaks();
        assertEquals(0, a.leakQueueOverflows());
        assertEquals(1, a.leakQueries());
    }

    @Test
    void anIdleWorkerDoesNotExpireQueriesOfAnOldCaptureAgainstTheWallClock() throws Exception {
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), got, null, LeakStage::async);
        byte[] f = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40001, 53, query("old.test", 6)));
        byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40001, response("old.test", 6, 3)));
        a.accept(t, LinkTypes.RAW, "eth0", f, 0, f.length, f.length);
        Thread.sleep(600); // the worker goes idle (it parks for 200 ms at a time) with the query waiting
        a.accept(t + 1000, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
        a.flushLeaks();
        assertEquals(1, got.size());
        assertEquals("NXDOMAIN", got.get(0).rcode(), "the 2023 capture's query waited for its answer");
    }
    @Test
    @DisplayName("pipelined (file) mode: a full ring makes the reader wait; every query and update arrives, in order")
    void pipelinedStageWaitsInsteadOfDropping() {
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        java.util.concurrent.CountDownLatch slowStart = new java.util.concurrent.CountDownLatch(1);
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), heldAtFirstLeak(got,
                () -> slowStart.await(300, java.util.concurrent.TimeUnit.MILLISECONDS)), // the ring fills up
                null, LeakStage::pipelined);
        int n = LeakStage.SLOTS; // twice the messages the ring holds
        for (int i = 0; i < n; i++) {
            int port = 10000 + i % 50000;
            byte[] q = ipv4("198.18.0.1", "198.18.0.2", 17, udp(port, 53, query("q" + i + ".test", i & 0xffff)));
            byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, port, response("q" + i + ".test", i & 0xffff, 3)));
            a.accept(t + i * 1000L, LinkTypes.RAW, "eth0", q, 0, q.length, q.length);
            a.accept(t + i * 1000L + 500, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
        }
        a.flushLeaks();
        assertEquals(0, a.leakQueueOverflows());
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals("q" + i + ".test", got.get(i).name());
            assertEquals("NXDOMAIN", got.get(i).rcode());
        }
    }

    @Test
    @DisplayName("live mode: leaked queries that find the ring full are counted as not listed, answers and stub queries not")
    void queriesDroppedByAFullRingAreCountedAsNotListed() throws Exception {
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                if (c.seq() == 0) {
                    try {
                        release.await(); // the worker is stuck on the first query: the ring fills up
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                got.leak(c);
            }

            @Override
            public void stubQuery(LeakCandidate c) {
            }

            @Override
            public boolean wantsStubQueries() {
                return true;
            }
        }, null, LeakStage::async);
        int n = 2 * LeakStage.SLOTS;
        for (int i = 0; i < n; i++) {
            int port = 10000 + i % 50000;
            byte[] q = ipv4("198.18.0.1", "198.18.0.2", 17, udp(port, 53, query("q" + i + ".test", i & 0xffff)));
            byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, port, response("q" + i + ".test", i & 0xffff, 3)));
            byte[] stub = ipv4("127.0.0.1", "127.0.0.53", 17, udp(port, 53, query("s" + i + ".test", i & 0xffff)));
            a.accept(t + i * 1000L, LinkTypes.RAW, "eth0", q, 0, q.length, q.length);
            a.accept(t + i * 1000L + 300, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
            a.accept(t + i * 1000L + 600, LinkTypes.RAW, "lo", stub, 0, stub.length, stub.length);
        }
        release.countDown();
        a.flushLeaks();
        long unlisted = a.unlistedLeakQueries();
        assertEquals(true, unlisted > 0, "the ring overflowed with queries in it");
        assertEquals(n, got.size() + unlisted, "every leaked query is listed or counted as not listed");
        assertEquals(n, a.leakQueries(), "all leaked queries are counted");
        assertEquals(n, Arrays.stream(meter.snapshot(60, t / 1_000_000_000L + 1).leakMarkers()).sum(),
                "the graph's leaked queries include those not listed");
        a.clear();
        assertEquals(0, a.unlistedLeakQueries(), "a clear starts the count again");
    }

    @Test
    @DisplayName("a query as it left (sender handle): the sink hears of this machine's UDP queries and TCP SYNs to port "
            + "53 in the async ring's order, cut to 160 bytes; answers, port 853, other hosts' queries, incoming packets "
            + "and later TCP segments not; nothing is counted")
    void queriesAsTheyLeftAreLookedUpNotCounted() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.of(List.of(InetAddress.getByName("198.18.0.1"))),
                new LeakSink() {
                    @Override
                    public void leak(LeakCandidate c) {
                        heard.add("leak " + c.name());
                        got.leak(c);
                    }

                    @Override
                    public void sent(int protocol, byte[] address, int port, long epochNanos) {
                        try {
                            heard.add("sent " + protocol + " " + InetAddress.getByAddress(address).getHostAddress()
                                    + " " + port + " " + (epochNanos - t));
                        } catch (java.net.UnknownHostException e) {
                            throw new AssertionError(e);
                        }
                    }

                    @Override
                    public boolean wantsStubQueries() {
                        return true;
                    }
                }, null, LeakStage::async);
        byte[] query = query("early.test", 7);
        List<byte[]> sent = List.of(
                ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, query)),                  // this machine's: heard
                ipv4("127.0.0.1", "127.0.0.53", 17, udp(40001, 53, query)),                   // a stub query: heard
                ipv6("2001:db8::9", "2001:db8::53", 17, udp(40002, 53, query)),               // another host's
                ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 40000, response("early.test", 7, 0))), // an answer
                ipv4("198.18.0.1", "198.18.0.2", 17, udp(40003, 853, query)),                 // not port 53
                ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40004, 53, 1, 0x02, new byte[0])),   // a SYN: heard
                ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40004, 53, 2, 0x18, query)),         // its data: not again
                ipv4("198.18.0.1", "198.18.0.2", 6, tcp(40005, 53, 1, 0x12, new byte[0])),   // SYN-ACK: not
                ipv4("198.18.0.1", "198.18.0.1", 17, udp(40006, 53, query)));                 // coming in: not
        for (int i = 0; i < sent.size(); i++) {
            byte[] f = sll2(sent.get(i)[0] >> 4 == 6 ? 0x86dd : 0x0800, 1, sent.get(i));
            if (i == sent.size() - 1) {
                f[10] = 0; // SLL2 packet type: to us (a spoofed local source from the network), not outgoing
            }
            a.acceptSent(t + i, LinkTypes.LINUX_SLL2, f, 0, Math.min(f.length, LiveCaptureSession.SENDER_SNAPLEN));
        }
        byte[] leak = ipv4("198.18.0.1", "198.18.0.2", 17, udp(40000, 53, query));
        a.accept(t + 100, LinkTypes.RAW, "eth0", leak, 0, leak.length, leak.length);
        a.flushLeaks();
        assertEquals(List.of("sent 17 198.18.0.1 40000 0", "sent 17 127.0.0.1 40001 1", "sent 6 198.18.0.1 40004 5",
                "leak early.test"), heard);
        assertEquals(1, a.frames(), "only the counted frame");
        assertEquals(1, a.leakQueries());
    }

    interface Hold {
        void await() throws InterruptedException;
    }

    /** A sink that passes every leak on to {@code got}, but first waits on {@code hold} at the first one. */
    static LeakSink heldAtFirstLeak(TrustworthyCaptureTest.LeakCollector got, Hold hold) {
        return new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                if (c.seq() == 0) {
                    try {
                        hold.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                got.leak(c);
            }

            @Override
            public void update(LeakCandidate c) {
                got.update(c);
            }
        };
    }

    @Test
    @DisplayName("live mode: a burst of 5,000 leaked queries and their answers, ~450 bytes each, waits in the ring "
            + "while the worker is held up: every query is named with its answer's code")
    void aBurstOfFiveThousandLeaksIsNamedInFull() throws Exception {
        TrustworthyCaptureTest.LeakCollector got = new TrustworthyCaptureTest.LeakCollector();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), heldAtFirstLeak(got,
                release::await), // the worker is held up until the whole burst is in the ring
                null, LeakStage::async);
        int n = 5000;
        byte[] padding = new byte[420]; // a padded query's OPT record; an answer's records
        for (int i = 0; i < n; i++) {
            int port = 10000 + i;
            byte[] q = ipv4("198.18.0.1", "198.18.0.2", 17, udp(port, 53, cat(query("q" + i + ".test", i), padding)));
            byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, port,
                    cat(response("q" + i + ".test", i, 3), padding)));
            a.accept(t + i * 1000L, LinkTypes.RAW, "eth0", q, 0, q.length, q.length);
            a.accept(t + i * 1000L + 500, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
        }
        release.countDown();
        a.flushLeaks();
        assertEquals(0, a.unlistedLeakQueries(), "no query found the ring full");
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals("q" + i + ".test", got.get(i).name());
            assertEquals("NXDOMAIN", got.get(i).rcode());
        }
    }

    @Test
    @DisplayName("live mode: a second's leaked queries are counted with its packets, not when the worker gets to them")
    void leakedQueriesCountWithTheirPacketsWhileTheWorkerLags() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PacketPipeline a = new PacketPipeline(meter, LocalAddresses.loopbackOnly(), new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                try {
                    release.await(); // the worker lags behind the capture
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, null, LeakStage::async);
        for (int i = 0; i < 10; i++) {
            byte[] q = ipv4("198.18.0.1", "198.18.0.2", 17, udp(10000 + i, 53, query("q" + i + ".test", i)));
            byte[] r = ipv4("198.18.0.2", "198.18.0.1", 17, udp(53, 10000 + i, response("q" + i + ".test", i, 3)));
            a.accept(t + i * 1000L, LinkTypes.RAW, "eth0", q, 0, q.length, q.length);
            a.accept(t + i * 1000L + 500, LinkTypes.RAW, "eth0", r, 0, r.length, r.length);
        }
        assertEquals(10, a.leakQueries());
        assertEquals(10, Arrays.stream(meter.snapshot(60, t / 1_000_000_000L + 1).leakMarkers()).sum(),
                "what monitor prints for the second is complete while the worker still reads the names");
        release.countDown();
        a.flushLeaks();
        assertEquals(10, a.leakQueries(), "counted once");
    }
}
