package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.cat;
import static org.port853.capture.Frames.bytes;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The capture service (docs/capture.md, "Capture without root"): only DNS leaves it, and clients get it live. */
class CaptureServiceTest {
    static final int IPV4 = 0x0800;
    static final int IPV6 = 0x86dd;

    static byte[] udp4(int sp, int dp, byte[] payload) {
        return Frames.sll2(IPV4, 1, Frames.ipv4("10.9.8.7", "198.51.100.77", 17, Frames.udp(sp, dp, payload)));
    }

    static byte[] tcp4(int sp, int dp) {
        return Frames.sll2(IPV4, 1, Frames.ipv4("10.9.8.7", "198.51.100.77", 6, Frames.tcp(sp, dp, 1, 0x18, bytes(1, 2))));
    }

    /** An IPv6 first fragment (next header 44) of a UDP datagram between two other ports. */
    static byte[] ipv6FragmentOf443() {
        byte[] frag = bytes(17, 0, 0, 1, 0, 0, 0, 42); // next = UDP, offset 0, more fragments
        return Frames.sll2(IPV6, 1, Frames.ipv6("2001:db8::1", "2001:db8::2", 44,
                cat(frag, Frames.udp(40000, 443, new byte[64]))));
    }

    @Nested
    @DisplayName("the service's own check passes only ports 53 and 853")
    class Filter {
        final DnsOnlyCapture capture = new DnsOnlyCapture(r -> { }, r -> { });

        boolean dns(byte[] frame) {
            return capture.isDns(LinkTypes.LINUX_SLL2, frame, frame.length);
        }

        @Test
        void dnsPortsPass() {
            assertTrue(dns(udp4(40000, 53, Frames.dnsQuery("a.example", 1))));
            assertTrue(dns(udp4(53, 40000, Frames.dnsResponse("a.example", 1))));
            assertTrue(dns(tcp4(40001, 853)));
        }

        @Test
        @DisplayName("the first fragment of a tunnel packet fragmented outside passes when its inner packet is DNS")
        void firstFragmentOfATunnelByItsInnerPorts() {
            assertTrue(dns(firstFragmentOfIpip(53)));
            assertFalse(dns(firstFragmentOfIpip(443)));
        }

        /** IP-in-IP, the outer packet's first fragment: the inner UDP header to {@code port} and 12 bytes. */
        private byte[] firstFragmentOfIpip(int port) {
            byte[] inner = Frames.ipv4("10.9.8.7", "198.51.100.77", 17, Frames.udp(40000, port, new byte[64]));
            return Frames.sll2(IPV4, 1, Frames.ipv4("10.9.8.7", "198.51.100.1", 4,
                    java.util.Arrays.copyOf(inner, 40), new byte[0], 0x2000));
        }

        @Test
        void otherTrafficNeverPasses() {
            assertFalse(dns(udp4(40000, 443, new byte[20])));
            assertFalse(dns(tcp4(40001, 22)));
            assertFalse(dns(ipv6FragmentOf443()), "the BPF filter's IPv6 fragment clause lets this through");
            assertFalse(dns(bytes(1, 2, 3)), "malformed");
        }
    }

    @Nested
    @DisplayName("later fragments pass when their datagram's first fragment passed, so the client can reassemble it")
    class LaterFragments {
        final List<byte[]> passed = new ArrayList<>();
        final DnsOnlyCapture capture = new DnsOnlyCapture(passed::add, r -> { });
        long t = 1_700_000_000_000_000_000L;

        void frame(byte[] f) {
            capture.onFrame(t += 1_000_000, LinkTypes.LINUX_SLL2, "any", f, f.length, f.length);
        }

        /** Whether the record of {@code frame} is among what passed, and where. */
        int passedAt(byte[] frame) {
            for (int i = 0; i < passed.size(); i++) {
                byte[] r = passed.get(i);
                if (r.length >= frame.length
                        && java.util.Arrays.equals(r, r.length - frame.length, r.length, frame, 0, frame.length)) {
                    return i;
                }
            }
            return -1;
        }

        /** Fragments of a UDP datagram to {@code port}: the first with the UDP header and 16 bytes, then the rest. */
        byte[][] fragments4(String src, int port) {
            byte[] udp = Frames.udp(40000, port, Frames.dnsQuery("a-name-in-two-fragments.example", 1));
            return new byte[][] {
                Frames.sll2(IPV4, 1, Frames.ipv4(src, "198.51.100.77", 17, java.util.Arrays.copyOf(udp, 24),
                        new byte[0], 0x2000)),
                Frames.sll2(IPV4, 1, Frames.ipv4(src, "198.51.100.77", 17,
                        java.util.Arrays.copyOfRange(udp, 24, udp.length), new byte[0], 3)),
            };
        }

        byte[][] fragments6(int port) {
            byte[] udp = Frames.udp(40000, port, Frames.dnsQuery("a-name-in-two-fragments.example", 28));
            return new byte[][] {
                Frames.sll2(IPV6, 1, Frames.ipv6("2001:db8::1", "2001:db8::2", 44,
                        cat(bytes(17, 0, 0, 1, 0, 0, 0, 42), java.util.Arrays.copyOf(udp, 24)))),
                Frames.sll2(IPV6, 1, Frames.ipv6("2001:db8::1", "2001:db8::2", 44,
                        cat(bytes(17, 0, 0, 24, 0, 0, 0, 42), java.util.Arrays.copyOfRange(udp, 24, udp.length)))),
            };
        }

        @Test
        void inOrder() {
            for (byte[][] f : List.of(fragments4("10.9.8.7", 53), fragments6(53))) {
                frame(f[0]);
                frame(f[1]);
                assertTrue(passedAt(f[1]) > passedAt(f[0]) && passedAt(f[0]) >= 0);
            }
            assertEquals(4, passed.size());
        }

        @Test
        @DisplayName("a later fragment that comes first waits, and passes right after its first fragment")
        void outOfOrder() {
            byte[][] f = fragments4("10.9.8.7", 53);
            frame(f[1]);
            assertEquals(0, passed.size());
            frame(f[0]);
            assertEquals(List.of(0, 1), List.of(passedAt(f[0]), passedAt(f[1])));
        }

        @Test
        @DisplayName("later fragments of other traffic never pass, before or after their first fragment")
        void otherDatagramsLaterFragmentsNeverPass() {
            byte[][] v4 = fragments4("10.9.8.7", 443);
            byte[][] v6 = fragments6(443);
            byte[][] noFirst = fragments4("10.9.8.8", 53);
            for (byte[] f : List.of(v4[1], v4[0], v4[1], v6[0], v6[1], noFirst[1])) {
                frame(f);
            }
            assertEquals(List.of(), passed);
            t += IpFragments.WAIT_NANOS;
            frame(noFirst[0]);
            assertEquals(List.of(0, -1), List.of(passedAt(noFirst[0]), passedAt(noFirst[1])),
                    "a later fragment waits only as long as the client would hold it");
        }

        @Test
        @DisplayName("a tunnel packet fragmented outside: its later fragment passes when its inner packet is DNS")
        void laterFragmentsOfATunnel() {
            for (int port : new int[] {53, 443}) {
                byte[] inner = Frames.ipv4("10.9.8.7", "198.51.100.77", 17, Frames.udp(40000, port, new byte[64]));
                String outer = "10.9.7." + port % 256;
                byte[] first = Frames.sll2(IPV4, 1, Frames.ipv4(outer, "198.51.100.1", 4,
                        java.util.Arrays.copyOf(inner, 40), new byte[0], 0x2000));
                byte[] later = Frames.sll2(IPV4, 1, Frames.ipv4(outer, "198.51.100.1", 4,
                        java.util.Arrays.copyOfRange(inner, 40, inner.length), new byte[0], 5));
                frame(first);
                frame(later);
                assertEquals(port == 53, passedAt(later) > passedAt(first) && passedAt(first) >= 0, "port " + port);
            }
            assertEquals(2, passed.size());
        }
    }

    /** A capture that replays frames through the service's filter instead of opening libpcap. */
    static class FakeCapture extends DnsOnlyCapture {
        private final List<byte[]> frames;

        FakeCapture(java.util.function.Consumer<byte[]> records, java.util.function.Consumer<byte[]> sentRecords,
                List<byte[]> frames) {
            super(records, sentRecords);
            this.frames = frames;
        }

        @Override
        protected Thread startCapture() {
            Thread t = new Thread(() -> {
                long now = System.currentTimeMillis() * 1_000_000L;
                for (byte[] f : frames) {
                    onFrame(now, LinkTypes.LINUX_SLL2, "any", f.clone(), f.length, f.length);
                }
                replayed();
                while (running) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                finished(null);
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** On the capture thread, after the last frame. */
        protected void replayed() {
        }
    }

    /** The service's socket, bound in a test's directory; closing it closes the listener. */
    record ServiceSocket(Path path, ServerSocketChannel listener) implements AutoCloseable {
        static ServiceSocket in(Path dir) throws IOException {
            Path path = dir.resolve("capture.sock");
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                listener.bind(UnixDomainSocketAddress.of(path));
            } catch (IOException | RuntimeException e) {
                listener.close();
                throw e;
            }
            return new ServiceSocket(path, listener);
        }

        /** A client's connection to the service. */
        SocketChannel connect() throws IOException {
            return SocketChannel.open(UnixDomainSocketAddress.of(path));
        }

        /** {@code count} clients, once the service counts them all (the caller closes them). */
        List<SocketChannel> clients(CaptureServer server, int count) throws Exception {
            List<SocketChannel> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    held.add(connect());
                }
                long end = System.nanoTime() + 10_000_000_000L;
                while (server.clientCount() < count && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                return held;
            } catch (Exception | Error e) {
                for (SocketChannel c : held) {
                    c.close();
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** A service on {@code sock} whose captures replay {@code frames}, then run {@code afterReplay} on their thread. */
    static CaptureServer replaying(ServiceSocket sock, List<byte[]> frames,
            java.util.function.Consumer<FakeCapture> afterReplay) {
        return replaying(sock, frames, afterReplay, CaptureServer.MAX_CLIENTS_PER_USER);
    }

    static CaptureServer replaying(ServiceSocket sock, List<byte[]> frames,
            java.util.function.Consumer<FakeCapture> afterReplay, int maxPerUser) {
        CaptureServer[] server = new CaptureServer[1];
        server[0] = new CaptureServer(sock.listener(), () -> new FakeCapture(server[0]::broadcast, server[0]::broadcastSent, frames) {
            @Override
            protected void replayed() {
                afterReplay.accept(this);
            }
        }, maxPerUser);
        return server[0];
    }

    /** What a client read: the frames, and the last drop counts the service told it. */
    record Received(long frames, CaptureStream.Drops drops) {
    }

    /** Reads from the service until {@code total} frames have arrived or been counted as dropped. */
    static Received receivedUntil(SocketChannel ch, long total) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch)));
        assertEquals(LinkTypes.LINUX_SLL2, CaptureStream.readStart(in));
        byte[] scratch = new byte[CaptureStream.RECORD_HEADER];
        byte[] buf = new byte[CaptureStream.SNAPLEN];
        long frames = 0;
        CaptureStream.Drops drops = CaptureStream.Drops.NONE;
        while (frames + drops.queue() < total) {
            CaptureStream.Header h = CaptureStream.readHeader(in, scratch);
            in.readFully(buf, 0, h.caplen());
            if (CaptureStream.isDrops(LinkTypes.LINUX_SLL2, buf, h.caplen())) {
                drops = CaptureStream.readDrops(buf);
            } else {
                frames++;
            }
        }
        return new Received(frames, drops);
    }

    /** A listener that adds each leak to {@code leaks}. */
    static CaptureListener collecting(List<LeakRecord> leaks) {
        return new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                leaks.add(r);
            }
        };
    }

    /** A client that starts reading only after {@code count} copies of {@code frame} were captured for it. */
    static Received readAfterAFlood(Path dir, byte[] frame, int count) throws Exception {
        java.util.concurrent.CountDownLatch flooded = new java.util.concurrent.CountDownLatch(1);
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            Thread serving = serve(replaying(sock, java.util.Collections.nCopies(count, frame),
                    c -> flooded.countDown()));
            Received got;
            try (SocketChannel ch = sock.connect()) {
                assertTrue(flooded.await(10, java.util.concurrent.TimeUnit.SECONDS));
                got = receivedUntil(ch, count);
            }
            serving.join(10_000);
            return got;
        }
    }

    /** A server serving in the background until it has had no client for 3 s. */
    static Thread serve(CaptureServer server) {
        Thread serving = new Thread(() -> {
            try {
                server.serve(3000);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        serving.setDaemon(true);
        serving.start();
        return serving;
    }

    @Test
    @DisplayName("a client receives the DNS frames as a pcap stream and finds the leak; other traffic never arrives")
    void streamsOnlyDns(@TempDir Path dir) throws Exception {
        List<byte[]> frames = List.of(udp4(40000, 443, new byte[30]), udp4(40000, 53, Frames.dnsQuery("leak.example", 1)),
                ipv6FragmentOf443(), tcp4(40001, 853));
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            CaptureServer server = replaying(sock, frames, c -> { });
            Thread serving = serve(server);

            // raw stream: exactly the two DNS frames, nothing else
            try (SocketChannel ch = sock.connect()) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
                assertEquals(LinkTypes.LINUX_SLL2, CaptureStream.readStart(in));
                List<Integer> lengths = new ArrayList<>();
                byte[] scratch = new byte[16];
                for (int i = 0; i < 2; i++) {
                    CaptureStream.Header h = CaptureStream.readHeader(in, scratch);
                    in.readFully(new byte[h.caplen()]);
                    lengths.add(h.caplen());
                }
                assertEquals(List.of(frames.get(1).length, frames.get(3).length), lengths);
            }

            // the fake capture replays its frames only when it starts: the next client must find it stopped, which
            // happens once the server has noticed that the raw stream's client left (on its own threads)
            long left = System.nanoTime() + 10_000_000_000L;
            while (server.capturing() && System.nanoTime() < left) {
                Thread.sleep(20);
            }
            assertFalse(server.capturing(), "the capture stops when the raw stream's client has left");
            // through the client session: the leak is named
            CopyOnWriteArrayList<LeakRecord> leaks = new CopyOnWriteArrayList<>();
            try (ServiceCaptureSession s = new ServiceCaptureSession(sock.path(), null)) {
                s.addListener(collecting(leaks));
                s.start();
                assertEquals(SocketOwnerLookup.forThisMachine().isPresent(), s.namesPrograms(),
                        "through the service, the window looks for the leaks' programs where this machine can name them");
                long end = System.nanoTime() + 10_000_000_000L;
                while (leaks.isEmpty() && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertEquals("leak.example", leaks.get(0).name().replaceAll("\\.$", ""));
                // the leak is named as soon as the query arrives; the second DNS frame may still be on its way
                while (s.pipeline().frames() < 2 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                Thread.sleep(200); // a frame that should not come would arrive by now
                assertEquals(2, s.pipeline().frames(), "only the two DNS frames reached the client");
            }
            serving.join(10_000);
            assertFalse(serving.isAlive(), "the service exits when idle");
        }
    }

    @Nested
    @DisplayName("drops reach the client, in-band")
    @Timeout(60) // a missing record would leave the reader waiting
    class Drops {
        static final int FLOOD = 40_000;

        @Test
        @DisplayName("the kernel's drop counters of the service's capture become the client session's, as Verify reads them")
        void kernelDropsSetTheClientMeter(@TempDir Path dir) throws Exception {
            try (ServiceSocket sock = ServiceSocket.in(dir)) {
                // as LiveCaptureSession.readStats does from pcap_stats
                Thread serving = serve(replaying(sock, List.of(udp4(40000, 53, Frames.dnsQuery("leak.example", 1))),
                        c -> c.meter.setDrops(7, 3)));
                try (ServiceCaptureSession s = new ServiceCaptureSession(sock.path(), null)) {
                    s.start();
                    long end = System.nanoTime() + 10_000_000_000L;
                    while (s.snapshot(0).pcapDrops() == 0 && System.nanoTime() < end) {
                        Thread.sleep(50);
                    }
                    MeterSnapshot m = s.snapshot(0);
                    assertEquals(7, m.pcapDrops());
                    assertEquals(3, m.ifDrops());
                    assertEquals(1, s.pipeline().frames(), "the drops record is no frame of the capture");
                    assertEquals(0, s.pipeline().otherFrames());
                }
                serving.join(10_000);
            }
        }

        @Test
        @DisplayName("frames a slow client's queue dropped are told to it: every frame arrives or is counted")
        void queueDropsAreCounted(@TempDir Path dir) throws Exception {
            Received got = readAfterAFlood(dir, udp4(40000, 53, Frames.dnsQuery("leak.example", 1)), FLOOD);
            assertEquals(0, got.drops().kernel());
            assertTrue(got.drops().queue() > 0, "the queue holds " + FLOOD + " frames? " + got.frames());
            assertEquals(FLOOD, got.frames() + got.drops().queue());
        }

        @Test
        @DisplayName("queries as they left take at most half of a slow client's queue and are never told as lost frames: "
                + "the frames after them still arrive, and a Verify is not made unproven by them")
        void sentRecordsNeverCountAsDrops(@TempDir Path dir) throws Exception {
            byte[] query = udp4(40000, 53, Frames.dnsQuery("leak.example", 1));
            java.util.concurrent.CountDownLatch flooded = new java.util.concurrent.CountDownLatch(1);
            try (ServiceSocket sock = ServiceSocket.in(dir)) {
                Thread serving = serve(replaying(sock, List.of(), c -> {
                    long now = System.currentTimeMillis() * 1_000_000L;
                    for (int i = 0; i < FLOOD; i++) {
                        c.onSent(now, LinkTypes.LINUX_SLL2, query.clone(), query.length);
                    }
                    c.onFrame(now, LinkTypes.LINUX_SLL2, "any", query.clone(), query.length, query.length);
                    flooded.countDown();
                }));
                long sent = 0;
                CaptureStream.Drops drops = CaptureStream.Drops.NONE;
                try (SocketChannel ch = sock.connect()) {
                    assertTrue(flooded.await(20, java.util.concurrent.TimeUnit.SECONDS));
                    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch)));
                    assertEquals(LinkTypes.LINUX_SLL2, CaptureStream.readStart(in));
                    byte[] scratch = new byte[CaptureStream.RECORD_HEADER];
                    byte[] buf = new byte[CaptureStream.SNAPLEN];
                    while (true) {
                        CaptureStream.Header h = CaptureStream.readHeader(in, scratch);
                        in.readFully(buf, 0, h.caplen());
                        if (CaptureStream.isSent(LinkTypes.LINUX_SLL2, buf, h.caplen())) {
                            sent++;
                        } else if (CaptureStream.isDrops(LinkTypes.LINUX_SLL2, buf, h.caplen())) {
                            drops = CaptureStream.readDrops(buf);
                        } else {
                            break; // the frame after the flood arrived
                        }
                    }
                    Thread.sleep(600); // a drops record would be written within 250 ms
                    ch.configureBlocking(false);
                    java.nio.ByteBuffer rest = java.nio.ByteBuffer.allocate(4096);
                    assertEquals(0, ch.read(rest), "nothing more: no drops record told lost frames");
                }
                serving.join(10_000);
                assertEquals(0, drops.queue(), "sent records dropped are no lost frames");
                // half the queue's bytes (~4,600 records) and what the socket's buffers took before the writer blocked
                assertTrue(sent > 0 && sent < FLOOD / 2, sent + " of " + FLOOD + " sent records were kept for the client");
            }
        }

        @Test
        @DisplayName("a client that never reads holds at most a mebibyte of frames, however large they are")
        void aClientThatDoesNotReadHoldsBoundedBytes(@TempDir Path dir) throws Exception {
            byte[] big = udp4(40000, 53, new byte[60_000]); // any user sends these to 127.0.0.1:53 (lo's MTU is 64 KiB)
            long frames = readAfterAFlood(dir, big, 200).frames();
            // what the queue held, plus what the socket's buffers took before the writer blocked
            assertTrue(frames * big.length < CaptureServer.QUEUE_BYTES + 1024 * 1024,
                    frames + " frames of " + big.length + " bytes were kept for a client that did not read");
        }

        @Test
        @DisplayName("a client from before drop records reads one as an uncounted non-IP frame: no traffic, no error")
        void oldClientsSkipTheRecord() {
            TrafficMeter meter = new TrafficMeter(60);
            TrustworthyCaptureTest.LeakCollector leaks = new TrustworthyCaptureTest.LeakCollector();
            PacketPipeline p = new PacketPipeline(meter, LocalAddresses.of(List.of()), leaks, null);
            byte[] rec = CaptureStream.drops(1_700_000_000_000_000_000L, new CaptureStream.Drops(1, 2, 3));
            p.accept(0, LinkTypes.LINUX_SLL2, "any", rec, CaptureStream.RECORD_HEADER, rec.length - CaptureStream.RECORD_HEADER,
                    rec.length - CaptureStream.RECORD_HEADER);
            assertEquals(1, p.otherFrames());
            assertEquals(0, p.countedFrames());
            assertEquals(0, p.parseErrorCount());
            assertEquals(0, leaks.size());
            byte[] frame = java.util.Arrays.copyOfRange(rec, CaptureStream.RECORD_HEADER, rec.length);
            assertTrue(CaptureStream.isDrops(LinkTypes.LINUX_SLL2, frame, frame.length));
            assertEquals(new CaptureStream.Drops(1, 2, 3), CaptureStream.readDrops(frame));
            byte[] dns = udp4(40000, 53, new byte[60]);
            assertFalse(CaptureStream.isDrops(LinkTypes.LINUX_SLL2, dns, dns.length));
        }
    }

    @Test
    @DisplayName("a query as it left (the service's sender handle) reaches the client as a record it never counts, and "
            + "names the program although its socket closed before the counted frame came (real sock_diag and /proc)")
    @Timeout(60)
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aQueryAsItLeftNamesItsProgramThroughTheService(@TempDir Path dir) throws Exception {
        ProcessResolverTest.linuxOwners();
        java.nio.channels.DatagramChannel program = java.nio.channels.DatagramChannel.open();
        program.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
        int port = ((java.net.InetSocketAddress) program.getLocalAddress()).getPort();
        byte[] query = Frames.sll2(IPV4, 1, Frames.ipv4("127.0.0.1", "198.51.100.77", 17,
                Frames.udp(port, 53, Frames.dnsQuery("as-it-left.example", 1))));
        java.util.concurrent.CountDownLatch looked = new java.util.concurrent.CountDownLatch(1);
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            Thread serving = serve(replaying(sock, List.of(), c -> {
                long now = System.currentTimeMillis() * 1_000_000L;
                c.onSent(now, LinkTypes.LINUX_SLL2, query.clone(), Math.min(query.length, LiveCaptureSession.SENDER_SNAPLEN));
                try {
                    // the client's leak worker looks the socket up within a millisecond or so; then the program
                    // closes it, and only then does its counted frame come (its block, up to 100 ms later)
                    assertTrue(looked.await(20, java.util.concurrent.TimeUnit.SECONDS));
                    program.close();
                } catch (InterruptedException | IOException e) {
                    throw new AssertionError(e);
                }
                c.onFrame(now, LinkTypes.LINUX_SLL2, "any", query.clone(), query.length, query.length);
            }));
            CopyOnWriteArrayList<LeakRecord> leaks = new CopyOnWriteArrayList<>();
            try (ServiceCaptureSession s = new ServiceCaptureSession(sock.path(), null)) {
                s.addListener(collecting(leaks));
                s.start();
                // the record reaches the client's leak worker, which looks the socket up, and the resolver's thread
                // its process, within milliseconds: 2 s is plenty even on a loaded machine
                Thread.sleep(2000);
                looked.countDown();
                long end = System.nanoTime() + 20_000_000_000L;
                while (leaks.isEmpty() && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertEquals(ProcessResolverTest.thisProgram(), leaks.get(0).sender(), leaks.get(0).toString());
                assertEquals(1, s.pipeline().frames(), "the record of the query as it left is not counted");
                assertEquals(1, s.pipeline().countedFrames());
            }
            serving.join(10_000);
        } finally {
            program.close();
        }
    }

    @Test
    @DisplayName("past the most clients it serves, one more is refused with a reason: each holds threads and queued frames")
    @Timeout(30)
    void tooManyClientsRefused(@TempDir Path dir) throws Exception {
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            // every client here is this test's user: the cap per user is lifted to reach the cap of all
            CaptureServer server = replaying(sock, List.of(), c -> { }, CaptureServer.MAX_CLIENTS);
            Thread serving = serve(server);
            List<SocketChannel> held = sock.clients(server, CaptureServer.MAX_CLIENTS);
            try {
                try (SocketChannel extra = sock.connect()) {
                    String said = new String(Channels.newInputStream(extra).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(said.startsWith("ERROR ") && said.contains("clients are connected already"), said);
                }
                assertEquals(CaptureServer.MAX_CLIENTS, server.clientCount());
            } finally {
                for (SocketChannel c : held) {
                    c.close();
                }
            }
            serving.join(10_000);
        }
    }

    @Test
    @DisplayName("one user holds at most a few of the places: their next client is refused, another user's is served")
    @Timeout(60)
    void oneUserCannotTakeEveryPlace(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.port853.core.Privileges.isRoot(),
                "a client of another user is started with setpriv, which needs root (CI runs as root)");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            Files.setPosixFilePermissions(sock.path(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            CaptureServer server = replaying(sock, List.of(), c -> { });
            Thread serving = serve(server);
            List<SocketChannel> held = sock.clients(server, CaptureServer.MAX_CLIENTS_PER_USER);
            Process other = null;
            try {
                try (SocketChannel extra = sock.connect()) {
                    // a client that is served gets a stream that does not end: read what arrives within 10 s
                    java.util.concurrent.Future<byte[]> read = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    }).submit(() -> Channels.newInputStream(extra).readAllBytes());
                    String said = new String(read.get(10, java.util.concurrent.TimeUnit.SECONDS),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(said.startsWith("ERROR ") && said.contains("captures open already"), said);
                }
                // uid 4242 has no name here: the kernel's credentials, not a name, decide whose client it is
                Path client = dir.resolve("OtherUser.java");
                Files.writeString(client, "public class OtherUser { public static void main(String[] a) throws Exception {"
                        + " var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(a[0]));"
                        + " var b = java.nio.ByteBuffer.allocate(4); while (b.hasRemaining() && ch.read(b) >= 0) { }"
                        + " System.out.println(java.util.HexFormat.of().formatHex(b.array(), 0, b.position()));"
                        + " System.in.read(); } }");
                Files.setPosixFilePermissions(client, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                other = new ProcessBuilder("setpriv", "--reuid=4242", "--regid=4242", "--clear-groups",
                        ProcessHandle.current().info().command().orElseThrow(), client.toString(), sock.path().toString())
                        .redirectErrorStream(true).start();
                String first = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
                assertEquals(java.util.HexFormat.of().formatHex(CaptureStream.globalHeader(LinkTypes.LINUX_SLL2), 0, 4),
                        first, "another user's client gets the stream, not an ERROR");
                assertEquals(CaptureServer.MAX_CLIENTS_PER_USER + 1, server.clientCount());
            } finally {
                if (other != null) {
                    other.getOutputStream().close(); // its stdin ends: it leaves
                    other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                    other.destroyForcibly();
                }
                for (SocketChannel c : held) {
                    c.close();
                }
            }
            serving.join(10_000);
        }
    }

    @Test
    @DisplayName("a capture that fails by itself ends the clients' streams: silence would read as no leaks")
    @Timeout(30)
    void aFailedCaptureEndsTheStreams(@TempDir Path dir) throws Exception {
        try (ServiceSocket sock = ServiceSocket.in(dir)) {
            Thread serving = serve(replaying(sock, List.of(udp4(40000, 53, Frames.dnsQuery("leak.example", 1))),
                    c -> c.finished("capture failed: java.lang.OutOfMemoryError: Java heap space")));
            try (SocketChannel ch = sock.connect()) {
                Channels.newInputStream(ch).readAllBytes(); // returns only when the stream ends
            }
            serving.join(10_000);
        }
    }

    @Test
    @DisplayName("a user outside the group gets the reason and the fix in one sentence each")
    void permissionDeniedExplained() {
        CaptureUnavailableException e = ServiceCaptureSession.connectFailed(new IOException("Permission denied"));
        assertTrue(e.reason().contains("not in the group port853"), e.reason());
        assertTrue(e.fix().contains("sudo usermod -aG port853"), e.fix());
    }

    @Test
    @DisplayName("installed, but the socket not made (stopped, disabled, no systemd): the service does not run, start it")
    void installedWithoutItsSocketSaysStartIt(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path socket = dir.resolve("capture.sock");
        Path unit = dir.resolve("port853-capture.socket");
        assertFalse(ServiceCaptureSession.isInstalled(socket, unit), "neither: not installed");
        Files.writeString(unit, "[Socket]\n");
        assertTrue(ServiceCaptureSession.isInstalled(socket, unit));
        CaptureUnavailableException e = ServiceCaptureSession.canConnect(socket).orElseThrow();
        assertTrue(e.reason().startsWith("The Port853 capture service is not running"), e.reason());
        assertFalse(e.fix().contains("usermod"), e.fix());
        IOException refused = new IOException("Connection refused");
        assertTrue(ServiceCaptureSession.connectFailed(refused, true).fix()
                .contains("systemctl enable --now port853-capture.socket"));
        // no systemd as init (a container, a chroot: the Debian 13 walkthrough): no systemctl that cannot work
        String notBooted = ServiceCaptureSession.connectFailed(refused, false).fix();
        assertTrue(notBooted.contains("systemd is not the init system here") && !notBooted.contains("systemctl"),
                notBooted);
    }

    @Test
    @DisplayName("the service's refusal reaches the client")
    void refusalReadable() throws IOException {
        byte[] err = CaptureStream.error("Operation not permitted\nsecond line");
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(err));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(CaptureStream.ServiceRefusedException.class,
                () -> CaptureStream.readStart(in));
        assertEquals("Operation not permitted second line", e.getMessage());
    }
}
