package org.port853.probe.dot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TCP/TLS failure classification against loopback sockets that misbehave on purpose. */
class DotConnectionTest {
    static InetSocketAddress local(int port) throws Exception {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DotConnection.ConnectFailure f = assertThrows(DotConnection.ConnectFailure.class,
                () -> DotConnection.open(local(port), "dot.test", Duration.ofSeconds(2)));
        assertEquals(TcpOutcome.REFUSED, f.tcp());
        assertEquals(TlsOutcome.NOT_ATTEMPTED, f.tls());
    }

    @Test
    void silentPeerAfterConnectIsAHandshakeTimeout() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            long t0 = System.nanoTime();
            DotConnection.ConnectFailure f = assertThrows(DotConnection.ConnectFailure.class,
                    () -> DotConnection.open(local(s.getLocalPort()), "dot.test", Duration.ofMillis(300)));
            assertEquals(TcpOutcome.OK, f.tcp());
            assertEquals(TlsOutcome.TIMED_OUT, f.tls());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "bounded by the timeout");
        }
    }

    @Test
    void resetAfterConnectIsReported() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.setSoLinger(true, 0); // close with RST
                    c.getInputStream().read();
                } catch (Exception e) {
                    // the test checks the client side
                }
            });
            t.start();
            DotConnection.ConnectFailure f = assertThrows(DotConnection.ConnectFailure.class,
                    () -> DotConnection.open(local(s.getLocalPort()), "dot.test", Duration.ofSeconds(2)));
            t.join();
            assertEquals(TcpOutcome.OK, f.tcp());
            assertTrue(f.tls() == TlsOutcome.RESET || f.tls() == TlsOutcome.CLOSED, f.tls() + ": " + f.getMessage());
        }
    }
}
