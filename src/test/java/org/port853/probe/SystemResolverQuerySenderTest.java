package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

@DisplayName("SystemResolverQuerySender against a local UDP DNS server")
class SystemResolverQuerySenderTest {

    /**
     * Answers NXDOMAIN to every name except those starting with "silent", which it ignores, and those starting with
     * "servfail", "refused" or "found", which get that response code (NOERROR for "found").
     */
    static final class TinyServer implements AutoCloseable {
        final DatagramSocket socket;
        final Thread thread;

        TinyServer() throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::serve, "tiny-dns");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            byte[] buf = new byte[1500];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                    String name = q.getQuestion().getName().toString();
                    if (name.startsWith("silent")) {
                        continue;
                    }
                    Message r = new Message(q.getHeader().getID());
                    r.getHeader().setFlag(Flags.QR);
                    r.getHeader().setRcode(name.startsWith("servfail") ? Rcode.SERVFAIL
                            : name.startsWith("refused") ? Rcode.REFUSED
                            : name.startsWith("found") ? Rcode.NOERROR : Rcode.NXDOMAIN);
                    r.addRecord(q.getQuestion(), Section.QUESTION);
                    byte[] wire = r.toWire();
                    socket.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
                } catch (Exception e) {
                    // closed, or a packet we do not care about
                }
            }
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    @DisplayName("a resolver address where nothing listens is said so, and the stub's address asks whether "
            + "systemd-resolved runs: not 'PortUnreachableException'")
    void nothingListens() throws Exception {
        int port;
        try (DatagramSocket free = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = free.getLocalPort();
        }
        List<QueryOutcome> plain = new SystemResolverQuerySender(new InetSocketAddress("127.0.0.1", port))
                .send(List.of("a.example.com"), Duration.ofSeconds(2));
        assertEquals("nothing listens on 127.0.0.1:" + port, plain.get(0).error());
        List<QueryOutcome> stub = new SystemResolverQuerySender(new InetSocketAddress("127.0.0.53", port))
                .send(List.of("b.example.com"), Duration.ofSeconds(2));
        assertEquals("nothing listens on 127.0.0.53:" + port + ", the stub of systemd-resolved: is systemd-resolved running?",
                stub.get(0).error(), "no parenthesis: Verify says it inside its own ('no answer (...)')");
        assertFalse(stub.get(0).answered());
        assertEquals("127.0.0.53:" + port, stub.get(0).unheardAt(), "for the window's own words");
    }

    @Test
    @DisplayName("answered and unanswered queries, in order; the timeouts run in parallel")
    void parallel() throws Exception {
        try (TinyServer server = new TinyServer()) {
            SystemResolverQuerySender sender = new SystemResolverQuerySender(server.address());
            assertEquals("127.0.0.1:" + server.address().getPort(), sender.target());
            List<String> names = List.of("p853-a.example.com", "silent-1.example.com", "p853-b.example.com",
                    "silent-2.example.com", "silent-3.example.com");
            long t0 = System.nanoTime();
            List<QueryOutcome> out = sender.send(names, Duration.ofMillis(700));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(names, out.stream().map(QueryOutcome::name).toList());
            assertTrue(out.get(0).answered());
            assertEquals("NXDOMAIN", out.get(0).rcode());
            assertTrue(out.get(2).answered());
            for (int i : new int[] {1, 3, 4}) {
                assertFalse(out.get(i).answered(), out.get(i).toString());
                assertNotNull(out.get(i).error());
            }
            assertTrue(ms < 1900, "three timeouts of 0.7 s took " + ms + " ms: not parallel");
        }
    }

    @Test
    @DisplayName("SERVFAIL and REFUSED are the resolver giving up, not answers; NOERROR and NXDOMAIN are answers")
    void serverFailuresAreNotAnswers() throws Exception {
        try (TinyServer server = new TinyServer()) {
            List<QueryOutcome> out = new SystemResolverQuerySender(server.address()).send(List.of(
                    "servfail.example.com", "refused.example.com", "found.example.com", "p853-a.example.com"),
                    Duration.ofMillis(700));
            assertFalse(out.get(0).answered(), out.get(0).toString());
            assertEquals("SERVFAIL", out.get(0).rcode());
            assertEquals("SERVFAIL through the resolver (it gave up, or a server behind it refused)", out.get(0).error());
            assertFalse(out.get(1).answered(), out.get(1).toString());
            assertEquals("REFUSED", out.get(1).rcode());
            assertTrue(out.get(2).answered(), out.get(2).toString());
            assertEquals("NOERROR", out.get(2).rcode());
            assertTrue(out.get(3).answered(), out.get(3).toString());
            assertEquals(VerifyVerdict.NO_ANSWER, VerifyResult.judge(out.subList(0, 2), true, 9, List.of()).verdict(),
                    "a strict resolver that cannot reach its server proves nothing");
        }
    }

    @Test
    @DisplayName("a name that is not a DNS name is a failed query, not an exception")
    void badName() {
        SystemResolverQuerySender sender = new SystemResolverQuerySender(new InetSocketAddress("127.0.0.1", 9));
        List<QueryOutcome> out = sender.send(List.of("a..b"), Duration.ofMillis(200));
        assertFalse(out.get(0).answered());
        assertNotNull(out.get(0).error());
    }
}
