package org.port853.platform.linux;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt64;

/** The parts of systemd-resolved's D-Bus API (org.freedesktop.resolve1(5)) that Port853 uses. */
final class Resolve1 {
    static final String BUS_NAME = "org.freedesktop.resolve1";
    static final String MANAGER_PATH = "/org/freedesktop/resolve1";
    static final String MANAGER_INTERFACE = "org.freedesktop.resolve1.Manager";
    static final String LINK_INTERFACE = "org.freedesktop.resolve1.Link";
    // Lookup flags (src/systemd/resolved-def.h); requests and replies share one 64-bit field. All from 248.
    /** Request: no answer from synthesized records (which include /etc/hosts and the local host name). */
    static final long NO_SYNTHESIZE = 1L << 11;
    /** Request: no answer from the cache. */
    static final long NO_CACHE = 1L << 12;
    /** Request: no answer from locally registered LLMNR/mDNS records. */
    static final long NO_ZONE = 1L << 13;
    /** Request: no answer from configured trust anchors. */
    static final long NO_TRUST_ANCHOR = 1L << 14;
    /** Request: do not go to the network (must stay off for a health check). */
    static final long NO_NETWORK = 1L << 15;
    /** Reply: the answer came over an encrypted (or local) transport only. */
    static final long FLAG_CONFIDENTIAL = 1L << 18;
    static final long FLAG_SYNTHETIC = 1L << 19;
    static final long FLAG_FROM_CACHE = 1L << 20;
    static final long FLAG_FROM_ZONE = 1L << 21;
    static final long FLAG_FROM_TRUST_ANCHOR = 1L << 22;
    static final long FLAG_FROM_NETWORK = 1L << 23;
    /** Any origin other than the network. */
    static final long FLAGS_NOT_NETWORK = FLAG_SYNTHETIC | FLAG_FROM_CACHE | FLAG_FROM_ZONE | FLAG_FROM_TRUST_ANCHOR;

    private Resolve1() {
    }

    @DBusInterfaceName(MANAGER_INTERFACE)
    interface Manager extends DBusInterface {
        DBusPath GetLink(int ifindex);

        HostnameReply<List<AddressEntry>, String, UInt64> ResolveHostname(int ifindex, String name, int family,
                                                                           UInt64 flags);
    }

    /** Reply of ResolveHostname: {@code a(iiay) addresses, s canonical, t flags}. */
    public static final class HostnameReply<A, B, C> extends Tuple {
        @Position(0)
        public final A addresses;
        @Position(1)
        public final B canonical;
        @Position(2)
        public final C flags;

        public HostnameReply(A addresses, B canonical, C flags) {
            this.addresses = addresses;
            this.canonical = canonical;
            this.flags = flags;
        }
    }

    public static final class AddressEntry extends Struct {
        @Position(0)
        public final int ifindex;
        @Position(1)
        public final int family;
        @Position(2)
        public final byte[] address;

        public AddressEntry(int ifindex, int family, byte[] address) {
            this.ifindex = ifindex;
            this.family = family;
            this.address = address;
        }
    }
}
