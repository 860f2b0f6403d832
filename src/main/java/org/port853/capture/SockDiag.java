package org.port853.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.port853.netlink.NetlinkSocket;

/**
 * The kernel's socket table through netlink {@code NETLINK_SOCK_DIAG}: which socket (owner uid, inode) has a local
 * address and port. One {@code SOCK_DIAG_BY_FAMILY} dump request ({@code inet_diag_req_v2}) per family, filtered in
 * the kernel by the source port (an {@code INET_DIAG_BC_S_COND} bytecode), then by the address here (the socket may
 * be bound to the wildcard or be a dual-stack IPv6 socket sending IPv4). Message layout: linux/sock_diag.h,
 * linux/inet_diag.h; integers in host order (little-endian on x86_64/aarch64), ports and addresses in network order.
 */
final class SockDiag {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int NETLINK_SOCK_DIAG = 4;
    static final int SOCK_DIAG_BY_FAMILY = 20;
    static final int NLM_F_REQUEST = 1;
    static final int NLM_F_DUMP = 0x300;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int INET_DIAG_REQ_BYTECODE = 1;
    static final int INET_DIAG_BC_S_COND = 7;
    static final int NLMSG_HDRLEN = 16;
    static final int REQ_V2_LEN = 56;
    /** inet_diag_msg: family, state, timer, retrans, sockid (48), expires, rqueue, wqueue, uid, inode. */
    static final int DIAG_MSG_LEN = 72;

    /** One socket of the table. Addresses are 4 or 16 bytes. */
    record Entry(int family, byte[] localAddr, int localPort, byte[] remoteAddr, int remotePort, int uid, long inode) {
    }

    private SockDiag() {
    }

    /** The {@code SOCK_DIAG_BY_FAMILY} dump request for all sockets of {@code family}/{@code protocol} with local port {@code port}. */
    static byte[] request(int family, int protocol, int port, int seq) {
        int bcLen = 4 + 8; // op + inet_diag_hostcond with AF_UNSPEC (no address)
        int attrLen = 4 + bcLen;
        int len = NLMSG_HDRLEN + REQ_V2_LEN + attrLen;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
        b.putInt(len).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(seq).putInt(0);
        b.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0).putInt(0xffffffff); // all states
        b.position(b.position() + 48); // inet_diag_sockid: zero (the bytecode filters)
        b.putShort((short) attrLen).putShort((short) INET_DIAG_REQ_BYTECODE);
        // inet_diag_bc_op {code, yes, no}: yes = jump to the end (accept), no = past the end (reject)
        b.put((byte) INET_DIAG_BC_S_COND).put((byte) bcLen).putShort((short) (bcLen + 4));
        // inet_diag_hostcond {family, prefix_len, port (int)}: any address, this source port
        b.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(port);
        return b.array();
    }

    /**
     * The sockets in one receive buffer of replies. Returns {@code null} when the buffer ends the dump
     * ({@code NLMSG_DONE} or an error), else the entries (possibly none) and more buffers follow.
     */
    static List<Entry> parse(byte[] buf, int len, List<Entry> into) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, len).order(ByteOrder.nativeOrder());
        int off = 0;
        boolean done = false;
        while (off + NLMSG_HDRLEN <= len) {
            int mlen = b.getInt(off);
            int type = Short.toUnsignedInt(b.getShort(off + 4));
            if (mlen < NLMSG_HDRLEN || off + mlen > len) {
                done = true;
                break;
            }
            if (type == NLMSG_DONE || type == NLMSG_ERROR) {
                done = true;
            } else if (type == SOCK_DIAG_BY_FAMILY && mlen >= NLMSG_HDRLEN + DIAG_MSG_LEN) {
                into.add(entry(buf, b, off + NLMSG_HDRLEN));
            }
            off += (mlen + 3) & ~3;
        }
        return done ? null : into;
    }

    private static Entry entry(byte[] buf, ByteBuffer b, int m) {
        int family = buf[m] & 0xff;
        int alen = family == AF_INET6 ? 16 : 4;
        int sport = ((buf[m + 4] & 0xff) << 8) | (buf[m + 5] & 0xff);
        int dport = ((buf[m + 6] & 0xff) << 8) | (buf[m + 7] & 0xff);
        byte[] src = Arrays.copyOfRange(buf, m + 8, m + 8 + alen);
        byte[] dst = Arrays.copyOfRange(buf, m + 24, m + 24 + alen);
        int uid = b.getInt(m + 64);
        long inode = Integer.toUnsignedLong(b.getInt(m + 68));
        return new Entry(family, src, sport, dst, dport, uid, inode);
    }

    /** The socket that sent from {@code addr}:{@code port}: exact address first, then wildcard or v4-mapped. */
    static Optional<Entry> pick(List<Entry> entries, byte[] addr, int port) {
        Entry wildcard = null;
        for (Entry e : entries) {
            // inode 0: a socket no process holds any more (TIME_WAIT, closed): its uid 0 is no owner, not root
            if (e.localPort() != port || e.inode() == 0) {
                continue;
            }
            if (Arrays.equals(e.localAddr(), addr) || isV4Mapped(e.localAddr(), addr)) {
                return Optional.of(e);
            }
            if (wildcard == null && isZero(e.localAddr())) {
                wildcard = e;
            }
        }
        return Optional.ofNullable(wildcard);
    }

    private static boolean isZero(byte[] a) {
        for (byte x : a) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isV4Mapped(byte[] v6, byte[] v4) {
        if (v6.length != 16 || v4.length != 4) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff && Arrays.equals(v6, 12, 16, v4, 0, 4);
    }

    /**
     * Looks the socket up in the kernel: {@code protocol} is {@link ParsedFrame#UDP} or {@link ParsedFrame#TCP}
     * (IP protocol numbers 17 / 6). Empty when the socket is gone or netlink is not available.
     */
    static Optional<Entry> lookup(int protocol, byte[] addr, int port) {
        if (!NetlinkSocket.available()) {
            return Optional.empty();
        }
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.SOCK_DGRAM, NETLINK_SOCK_DIAG, 200_000, 0)) {
            List<Entry> all = new ArrayList<>();
            byte[] buf = new byte[32768];
            int[] families = addr.length == 16 ? new int[] {AF_INET6} : new int[] {AF_INET, AF_INET6};
            for (int family : families) {
                if (!socket.sendToKernel(request(family, protocol, port, family))) {
                    return Optional.empty();
                }
                for (int rounds = 0; rounds < 64; rounds++) {
                    int n = socket.receive(buf);
                    if (n <= 0 || parse(buf, n, all) == null) {
                        break;
                    }
                }
                Optional<Entry> e = pick(all, addr, port);
                if (e.isPresent()) {
                    return e;
                }
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
