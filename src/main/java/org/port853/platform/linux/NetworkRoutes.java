package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether the kernel has a default route off this machine: the sign that the network is up. */
final class NetworkRoutes {
    private NetworkRoutes() {
    }

    /** This machine's routing tables ({@code /proc/net/route}, {@code /proc/net/ipv6_route}) have a default route. */
    static boolean defaultRouteUp() {
        return hasDefaultRoute(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"));
    }

    static boolean hasDefaultRoute(Path ipv4Routes, Path ipv6Routes) {
        return ipv4Default(read(ipv4Routes)) || ipv6Default(read(ipv6Routes));
    }

    /** /proc/net/route: "Iface Destination Gateway Flags ..." with hex fields; default = destination and mask 0. */
    static boolean ipv4Default(List<String> lines) {
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && !f[0].equals("lo") && f[1].equals("00000000") && f[7].equals("00000000")) {
                return true;
            }
        }
        return false;
    }

    /** /proc/net/ipv6_route: destination (32 hex), prefix length (hex), ..., device last; default = ::/0. */
    static boolean ipv6Default(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 10 && f[0].equals("0".repeat(32)) && f[1].equals("00") && !f[9].equals("lo")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
