package org.port853.netlink;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A netlink socket (netlink(7)) through libc, bound by JNA direct mapping: the one binding that the kernel socket
 * table lookup (sock_diag) and the network-change watcher (rtnetlink) share. Linux only ({@link #available()}).
 */
public final class NetlinkSocket implements AutoCloseable {
    public static final int SOCK_RAW = 3;
    public static final int SOCK_DGRAM = 2;
    static final int AF_NETLINK = 16;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** errno values a reader sees: the receive timeout passed, a signal, the socket's buffer overran. */
    public static final int EAGAIN = 11;
    public static final int EINTR = 4;
    public static final int ENOBUFS = 105;

    private final int fd;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Whether netlink can be used here (Linux with a libc JNA can bind). */
    public static boolean available() {
        return Libc.LOADED;
    }

    /**
     * Opens a close-on-exec netlink socket of {@code type} ({@link #SOCK_RAW} or {@link #SOCK_DGRAM}) for the
     * netlink {@code protocol}; a receive gives up after {@code receiveTimeoutMicros}; {@code groups} (a multicast
     * group mask) is joined by binding when not 0.
     *
     * @throws IOException with the errno when the kernel refuses
     */
    public static NetlinkSocket open(int type, int protocol, long receiveTimeoutMicros, int groups) throws IOException {
        if (!available()) {
            throw new IOException("netlink is only available on Linux");
        }
        int fd = Libc.socket(AF_NETLINK, type | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw new IOException("the netlink socket could not be opened (errno " + Native.getLastError() + ")");
        }
        byte[] tv = new byte[16]; // struct timeval
        ByteBuffer.wrap(tv).order(ByteOrder.nativeOrder()).putLong(receiveTimeoutMicros / 1_000_000)
                .putLong(receiveTimeoutMicros % 1_000_000);
        Libc.setsockopt(fd, 1, 20, tv, tv.length); // SOL_SOCKET, SO_RCVTIMEO
        if (groups != 0 && Libc.bind(fd, kernelAddress(groups), 12) < 0) {
            int errno = Native.getLastError();
            Libc.close(fd);
            throw new IOException("the netlink groups could not be joined (errno " + errno + ")");
        }
        return new NetlinkSocket(fd);
    }

    /** sockaddr_nl { family, pad, pid = 0 (the kernel), groups }. */
    private static byte[] kernelAddress(int groups) {
        byte[] a = new byte[12];
        ByteBuffer.wrap(a).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK).putShort((short) 0).putInt(0)
                .putInt(groups);
        return a;
    }

    /** Sends a request to the kernel; false when it was not sent. */
    public boolean sendToKernel(byte[] message) {
        byte[] kernel = kernelAddress(0);
        return Libc.sendto(fd, message, message.length, 0, kernel, kernel.length) >= 0;
    }

    /** Receives one datagram into {@code buf}: its length, or {@code -errno} (e.g. {@code -EAGAIN} on timeout). */
    public int receive(byte[] buf) {
        long n = Libc.recv(fd, buf, buf.length, 0);
        return n >= 0 ? (int) n : -Native.getLastError();
    }

    @Override
    public void close() {
        Libc.close(fd);
    }

    /** The few libc calls. */
    private static final class Libc {
        static final boolean LOADED = load();

        private static boolean load() {
            try {
                Native.register(Libc.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
                return com.sun.jna.Platform.isLinux();
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return false;
            }
        }

        static native int socket(int domain, int type, int protocol);

        static native int setsockopt(int fd, int level, int name, byte[] value, int len);

        static native int bind(int fd, byte[] addr, int len);

        static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen);

        static native long recv(int fd, byte[] buf, long len, int flags);

        static native int close(int fd);
    }
}
