package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded /proc/net/route and /proc/net/ipv6_route contents (Debian 12). */
class NetworkRoutesTest {
    static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

    @Test
    void ipv4DefaultRouteOnWifi() {
        assertTrue(NetworkRoutes.ipv4Default(List.of(HEADER,
                "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0",
                "wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0")));
    }

    @Test
    void onlyALocalSubnetIsNotUp() {
        assertFalse(NetworkRoutes.ipv4Default(List.of(HEADER,
                "wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0")));
        assertFalse(NetworkRoutes.ipv4Default(List.of(HEADER)));
        assertFalse(NetworkRoutes.ipv4Default(List.of()));
    }

    @Test
    void ipv6DefaultButNotTheLoopbackRejectRoute() {
        String lo = "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                + "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo";
        String eth = "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                + "fe800000000000000000000000000001 00000400 00000001 00000000 00450003     eth0";
        assertFalse(NetworkRoutes.ipv6Default(List.of(lo)));
        assertTrue(NetworkRoutes.ipv6Default(List.of(lo, eth)));
    }
}
