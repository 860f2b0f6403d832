package org.port853.probe.doctor;

import java.util.ArrayList;
import java.util.List;
import org.port853.capture.SocketHolder;

/**
 * Sockets listening on port 53, from the kernel's /proc/net/{tcp,udp}{,6} tables (local address in hex, each
 * 32-bit word in host byte order, little-endian here; TCP state 0A = LISTEN, UDP state 07 = bound; then the owner's
 * uid and the socket's inode).
 */
public final class ListeningSockets {
    /**
     * A socket on 53: address as text ("0.0.0.0" / "::" = every interface), the kernel's {@code inode} and owner
     * {@code uid}, and who holds it ({@code holder} null until {@link #heldBy}).
     */
    public record Socket(String protocol, String address, boolean loopback, long inode, int uid, SocketHolder holder) {
        public Socket heldBy(SocketHolder h) {
            return new Socket(protocol, address, loopback, inode, uid, h);
        }

        /** "udp 0.0.0.0", with its program after a dot when known: "udp 0.0.0.0 · dnsmasq (812)". */
        public String said() {
            return protocol + " " + address + (holder == null ? "" : " · " + holder.text());
        }
    }

    private ListeningSockets() {
    }

    public static List<Socket> port53(String table, String protocol) {
        List<Socket> out = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 4) continue;
            int colon = f[1].indexOf(':');
            if (colon < 0) continue;
            String hex = f[1].substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(f[1].substring(colon + 1), 16);
            } catch (NumberFormatException e) {
                continue;
            }
            boolean listening = protocol.startsWith("tcp") ? f[3].equals("0A") : f[3].equals("07");
            if (port != 53 || !listening || (hex.length() != 8 && hex.length() != 32) || f.length < 10) continue;
            int uid;
            long inode;
            try {
                uid = Integer.parseInt(f[7]);
                inode = Long.parseLong(f[9]);
            } catch (NumberFormatException e) {
                continue;
            }
            byte[] addr = new byte[hex.length() / 2];
            for (int w = 0; w < addr.length / 4; w++) {
                for (int b = 0; b < 4; b++) {
                    addr[w * 4 + b] = (byte) Integer.parseInt(hex.substring(w * 8 + (3 - b) * 2, w * 8 + (3 - b) * 2 + 2), 16);
                }
            }
            try {
                java.net.InetAddress a = java.net.InetAddress.getByAddress(addr);
                out.add(new Socket(protocol, org.port853.core.IpAddresses.format(a), a.isLoopbackAddress(), inode, uid,
                        null));
            } catch (java.net.UnknownHostException e) {
                // a 4- or 16-byte array is always an address
            }
        }
        return out;
    }
}
