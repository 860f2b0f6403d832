package org.port853.probe.pins;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tells when this machine's network changes: on Linux the kernel's rtnetlink multicast groups for links,
 * IPv4/IPv6 addresses and routes (rtnetlink(7)), which every network manager (NetworkManager, systemd-networkd,
 * ifupdown, a VPN client, plain {@code ip}) goes through, so it needs neither NetworkManager nor D-Bus. Elsewhere,
 * or when the socket cannot be opened, {@link #start} says so and the watcher runs on its period alone.
 */
public final class NetworkChanges implements AutoCloseable {
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW_CLOEXEC = 3 | 0x80000;
    static final int NETLINK_ROUTE = 0;
    /** RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_IFADDR | RTMGRP_IPV6_ROUTE. */
    static final int GROUPS = 0x1 | 0x10 | 0x40 | 0x100 | 0x400;

    private final int fd;
    private final Thread reader;
    private volatile boolean closed;

    private NetworkChanges(int fd, Runnable onChange) {
        this.fd = fd;
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
        if (!Libc.LOADED) {
            throw new UnsupportedOperationException("network changes are only watched on Linux (rtnetlink)");
        }
        int fd = Libc.socket(AF_NETLINK, SOCK_RAW_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw new UnsupportedOperationException("the rtnetlink socket could not be opened (errno "
                    + Native.getLastError() + ")");
        }
        byte[] tv = new byte[16]; // struct timeval 1 s: the reader looks at "closed" once a second
        ByteBuffer.wrap(tv).order(ByteOrder.nativeOrder()).putLong(1).putLong(0);
        Libc.setsockopt(fd, 1, 20, tv, tv.length); // SOL_SOCKET, SO_RCVTIMEO
        byte[] addr = new byte[12]; // sockaddr_nl { family, pad, pid = 0 (kernel picks), groups }
        ByteBuffer.wrap(addr).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK).putShort((short) 0).putInt(0)
                .putInt(GROUPS);
        if (Libc.bind(fd, addr, addr.length) < 0) {
            int errno = Native.getLastError();
            Libc.close(fd);
            throw new UnsupportedOperationException("the rtnetlink groups could not be joined (errno " + errno + ")");
        }
        return new NetworkChanges(fd, onChange);
    }

    private void read(Runnable onChange) {
        byte[] buf = new byte[16384];
        while (!closed) {
            long n = Libc.recv(fd, buf, buf.length, 0);
            if (closed) {
                break;
            }
            if (n > 0) {
                onChange.run();
            } else if (n < 0) {
                int errno = Native.getLastError();
                if (errno != 11 && errno != 4 && errno != 105) { // EAGAIN (timeout), EINTR, ENOBUFS (overrun: still a change)
                    break;
                }
                if (errno == 105) {
                    onChange.run();
                }
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
        Libc.close(fd);
    }

    /** The few libc calls, bound by JNA direct mapping. */
    static final class Libc {
        static final boolean LOADED = load();

        private static boolean load() {
            try {
                if (!com.sun.jna.Platform.isLinux()) {
                    return false;
                }
                Native.register(Libc.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
                return true;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return false;
            }
        }

        static native int socket(int domain, int type, int protocol);

        static native int setsockopt(int fd, int level, int name, byte[] value, int len);

        static native int bind(int fd, byte[] addr, int len);

        static native long recv(int fd, byte[] buf, long len, int flags);

        static native int close(int fd);
    }
}
