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

    /** Answers NXDOMAIN to every name except those starting with "silent", which it ignores. */
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
                    if (q.getQuestion().getName().toString().startsWith("silent")) {
                        continue;
                    }
                    Message r = new Message(q.getHeader().getID());
                    r.getHeader().setFlag(Flags.QR);
                    r.getHeader().setRcode(Rcode.NXDOMAIN);
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
    @DisplayName("a name that is not a DNS name is a failed query, not an exception")
    void badName() {
        SystemResolverQuerySender sender = new SystemResolverQuerySender(new InetSocketAddress("127.0.0.1", 9));
        List<QueryOutcome> out = sender.send(List.of("a..b"), Duration.ofMillis(200));
        assertFalse(out.get(0).answered());
        assertNotNull(out.get(0).error());
    }
}
