package org.port853.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * An immutable set of "this machine" addresses, checked against raw address bytes without allocating.
 * Loopback (127.0.0.0/8, ::1, ::ffff:127.0.0.0/104) is always local. Link-local IPv6 addresses (fe80::/10) are
 * compared with their scope: fe80::1 of this machine's docker0 is not the router's fe80::1 seen on wlan0. A frame's
 * scope is its interface index (SLL2); when that is unknown, the frame is on loopback (this machine talking
 * to itself), or the address was given without a scope, any scope matches.
 */
public final class LocalAddresses {
    private static final LocalAddresses LOOPBACK_ONLY = new LocalAddresses(List.of());
    private final int[] v4;
    private final long[] v6; // pairs: high, low
    private final int[] v6Scope; // per pair: interface index of a link-local address, 0 = any

    private LocalAddresses(Collection<InetAddress> addresses) {
        List<Integer> a4 = new ArrayList<>();
        List<long[]> a6 = new ArrayList<>();
        for (InetAddress a : addresses) {
            byte[] raw = a.getAddress();
            if (raw.length == 4) {
                a4.add((int) FrameParser.u32(raw, 0));
            } else {
                int scope = a instanceof Inet6Address i6 && a.isLinkLocalAddress() ? i6.getScopeId() : 0;
                a6.add(new long[] {long8(raw, 0), long8(raw, 8), scope});
            }
        }
        v4 = a4.stream().mapToInt(Integer::intValue).distinct().toArray();
        v6 = new long[a6.size() * 2];
        v6Scope = new int[a6.size()];
        for (int i = 0; i < a6.size(); i++) {
            v6[2 * i] = a6.get(i)[0];
            v6[2 * i + 1] = a6.get(i)[1];
            v6Scope[i] = (int) a6.get(i)[2];
        }
    }

    public static LocalAddresses loopbackOnly() {
        return LOOPBACK_ONLY;
    }

    public static LocalAddresses of(Collection<InetAddress> extra) {
        return extra.isEmpty() ? LOOPBACK_ONLY : new LocalAddresses(extra);
    }

    /** Every address of every interface of this machine (in the current network namespace). */
    public static LocalAddresses ofThisMachine() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.addAll(Collections.list(ni.getInetAddresses()));
            }
        } catch (SocketException | RuntimeException e) {
            // keep loopback only
        }
        return of(all);
    }

    public boolean isLocal(byte[] b, int off, int len) {
        return isLocal(b, off, len, -1);
    }

    /** Whether the address is this machine's, seen on interface {@code ifIndex} ({@code -1}: unknown, any scope). */
    public boolean isLocal(byte[] b, int off, int len, int ifIndex) {
        if (len == 4) {
            if ((b[off] & 0xff) == 127) {
                return true;
            }
            int a = (int) FrameParser.u32(b, off);
            for (int x : v4) {
                if (x == a) {
                    return true;
                }
            }
            return false;
        }
        long hi = long8(b, off);
        long lo = long8(b, off + 8);
        if (hi == 0 && (lo == 1 || (lo >>> 24) == 0xffff7fL)) {
            return true; // ::1 or ::ffff:127.x.y.z
        }
        for (int i = 0; i < v6.length; i += 2) {
            if (v6[i] == hi && v6[i + 1] == lo) {
                int scope = v6Scope[i / 2];
                if (scope == 0 || ifIndex < 0 || scope == ifIndex) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isLocal(InetAddress a) {
        byte[] raw = a.getAddress();
        return isLocal(raw, 0, raw.length);
    }

    public int size() {
        return v4.length + v6.length / 2;
    }

    static boolean isV4(InetAddress a) {
        return a instanceof Inet4Address;
    }

    private static long long8(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[i + k] & 0xff);
        }
        return v;
    }
}
