package org.port853.probe.pins;

import java.io.IOException;
import org.port853.netlink.NetlinkSocket;

/**
 * Tells when this machine's network changes: on Linux the kernel's rtnetlink multicast groups for links,
 * IPv4/IPv6 addresses and routes (rtnetlink(7)), which every network manager (NetworkManager, systemd-networkd,
 * ifupdown, a VPN client, plain {@code ip}) goes through, so it needs neither NetworkManager nor D-Bus. Elsewhere,
 * or when the socket cannot be opened, {@link #start} says so and the watcher runs on its period alone.
 */
public final class NetworkChanges implements AutoCloseable {
    static final int NETLINK_ROUTE = 0;
    /** RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_IFADDR | RTMGRP_IPV6_ROUTE. */
    static final int GROUPS = 0x1 | 0x10 | 0x40 | 0x100 | 0x400;

    private final NetlinkSocket socket;
    private final Thread reader;
    private volatile boolean closed;

    private NetworkChanges(NetlinkSocket socket, Runnable onChange) {
        this.socket = socket;
        this.reader = new Thread(() -> read(onChange), "port853-netlink");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Subscribes; {@code onChange} runs on a reader thread for every batch of kernel messages.
     *
     * @throws UnsupportedOperationException when this system offers no rtnetlink (not Linux, no libc binding)
     */
    public static NetworkChanges start(Runnable onChange) {
        if (!NetlinkSocket.available()) {
            throw new UnsupportedOperationException("network changes are only watched on Linux (rtnetlink)");
        }
        try {
            // a 1 s receive timeout: the reader looks at "closed" once a second
            return new NetworkChanges(NetlinkSocket.open(NetlinkSocket.SOCK_RAW, NETLINK_ROUTE, 1_000_000, GROUPS),
                    onChange);
        } catch (IOException e) {
            throw new UnsupportedOperationException("rtnetlink: " + e.getMessage());
        }
    }

    private void read(Runnable onChange) {
        byte[] buf = new byte[16384];
        while (!closed) {
            int n = socket.receive(buf);
            if (closed) {
                break;
            }
            if (n > 0 || n == -NetlinkSocket.ENOBUFS) { // an overrun lost messages: still a change
                onChange.run();
            } else if (n < 0 && n != -NetlinkSocket.EAGAIN && n != -NetlinkSocket.EINTR) {
                break;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }
}
