package org.port853.capture;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libpcap (and libc's {@code poll}) through JNA direct mapping, with every pointer passed as a {@code long}: a
 * call allocates nothing on the Java heap. Used by {@link LiveCaptureSession} for the whole life of a handle
 * (create, activate, filter, {@code pcap_next_ex} in non-blocking mode, stats, close) so that reading a packet
 * costs one native call and two copies into reused buffers.
 */
final class PcapNative {
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
    static final short POLLIN = 0x1;

    private static volatile boolean registered;

    private PcapNative() {
    }

    /** Binds the natives once; throws {@link UnsatisfiedLinkError} when libpcap cannot be loaded. */
    static synchronized void load() {
        if (!registered) {
            String lib = LivePermission.configureLibraryName();
            NativeLibrary pcap = NativeLibrary.getInstance(lib);
            Native.register(PcapNative.class, pcap);
            if (!com.sun.jna.Platform.isWindows()) { // Npcap has no selectable fd, and Windows no poll(2)
                Native.register(Selectable.class, pcap);
                Native.register(Libc.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
            }
            registered = true;
        }
    }

    static native long pcap_create(String device, long errbuf);

    static native int pcap_set_snaplen(long p, int snaplen);

    static native int pcap_set_promisc(long p, int promisc);

    static native int pcap_set_timeout(long p, int ms);

    static native int pcap_set_buffer_size(long p, int bytes);

    static native int pcap_set_immediate_mode(long p, int on);

    static native int pcap_activate(long p);

    static native int pcap_set_datalink(long p, int dlt);

    static native int pcap_datalink(long p);

    static native int pcap_compile(long p, long program, String filter, int optimize, int netmask);

    static native int pcap_setfilter(long p, long program);

    static native void pcap_freecode(long program);

    static native int pcap_setnonblock(long p, int nonblock, long errbuf);

    /** A descriptor to poll, or -1 where there is none (Windows: the loop sleeps briefly instead). */
    static int selectableFd(long p) {
        return com.sun.jna.Platform.isWindows() ? -1 : Selectable.pcap_get_selectable_fd(p);
    }

    static final class Selectable {
        private Selectable() {
        }

        static native int pcap_get_selectable_fd(long p);
    }

    /** 1 packet, 0 none ready (non-blocking), -1 error, -2 break. */
    static native int pcap_next_ex(long p, long headerOut, long dataOut);

    static native int pcap_stats(long p, long stat);

    static native long pcap_geterr(long p);

    static native long pcap_statustostr(int status);

    static native void pcap_close(long p);

    static final class Libc {
        private Libc() {
        }

        static native int poll(long fds, long nfds, int timeoutMillis);
    }

    static long address(Pointer p) {
        return Pointer.nativeValue(p);
    }

    static String string(long cString) {
        return cString == 0 ? "" : new Pointer(cString).getString(0);
    }

    static String error(long p) {
        return string(pcap_geterr(p));
    }

    static Memory errbuf() {
        Memory m = new Memory(512);
        m.clear();
        return m;
    }
}
