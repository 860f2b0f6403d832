package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The netlink sock_diag messages: the request layout (nlmsghdr 16 + inet_diag_req_v2 56 + bytecode attribute) and
 * decoding of a reply recorded on this machine (x86_64, Linux 6.x) for a connected UDP socket
 * 127.0.0.1:50153 → 127.0.0.53:53 of a dual-stack (AF_INET6) Java socket, uid 0, inode 615887.
 */
class SockDiagTest {
    static final String RECORDED_REQUEST = "580000001400010307000000000000000a110000ffffffff"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00" + "10000100070c100000000000e9c30000";
    static final String RECORDED_REPLY = "7c00000014000200070000009f6f00000a010000c3e9003500000000000000000000ffff"
            + "7f00000100000000000000000000ffff7f00003500000000200100000000000000000000000000000000000000000000cf65090005"
            + "0008000000000008000f00000000000c00150001000000000000000600160010000000";
    static final String RECORDED_DONE = "1400000003000200070000009f6f000000000000";

    @Test
    void requestHasTheKernelsLayout() {
        byte[] req = SockDiag.request(SockDiag.AF_INET6, 17, 50153, 7);
        assertEquals(RECORDED_REQUEST, HexFormat.of().formatHex(req));
        assertEquals(16 + 56 + 16, req.length);
    }

    @Test
    void decodesARecordedReply() {
        byte[] rep = HexFormat.of().parseHex(RECORDED_REPLY);
        List<SockDiag.Entry> entries = new ArrayList<>();
        assertEquals(entries, SockDiag.parse(rep, rep.length, entries), "no DONE yet: more buffers follow");
        assertEquals(1, entries.size());
        SockDiag.Entry e = entries.get(0);
        assertEquals(SockDiag.AF_INET6, e.family());
        assertEquals(50153, e.localPort());
        assertEquals(53, e.remotePort());
        assertEquals(0, e.uid());
        assertEquals(615887, e.inode());
        assertArrayEquals(HexFormat.of().parseHex("00000000000000000000ffff7f000001"), e.localAddr());
        // the IPv4 query source matches the v4-mapped local address of the dual-stack socket
        assertEquals(e, SockDiag.pick(entries, new byte[] {127, 0, 0, 1}, 50153).orElseThrow());
        assertTrue(SockDiag.pick(entries, new byte[] {127, 0, 0, 2}, 50153).isEmpty(), "other address");
        assertTrue(SockDiag.pick(entries, new byte[] {127, 0, 0, 1}, 50154).isEmpty(), "other port");
        byte[] done = HexFormat.of().parseHex(RECORDED_DONE);
        assertNull(SockDiag.parse(done, done.length, entries), "NLMSG_DONE ends the dump");
    }

    @Test
    void findsALiveSocketOfThisProcessInTheKernelTable() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.connect(new InetSocketAddress("127.0.0.1", 9));
            SockDiag.Entry e = SockDiag.lookup(17, new byte[] {127, 0, 0, 1}, s.getLocalPort()).orElseThrow();
            assertEquals(s.getLocalPort(), e.localPort());
            assertEquals(9, e.remotePort());
            assertTrue(e.inode() > 0);
        }
    }

    @Test
    @DisplayName("a connection this process closed first waits in TIME_WAIT with no owner: not found, so its uid 0 "
            + "is never told as root")
    void aClosedConnectionHasNoOwner() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port;
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", server.getLocalPort());
                 java.net.Socket accepted = server.accept()) {
                port = client.getLocalPort();
                assertTrue(SockDiag.lookup(6, new byte[] {127, 0, 0, 1}, port).isPresent(), "open: found");
                client.close(); // the side that closes first keeps TIME_WAIT
                accepted.getInputStream().read();
            }
            Thread.sleep(100);
            assertTrue(SockDiag.lookup(6, new byte[] {127, 0, 0, 1}, port).isEmpty(), "TIME_WAIT has no owner");
        }
    }
}
