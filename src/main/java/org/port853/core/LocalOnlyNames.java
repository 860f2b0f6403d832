package org.port853.core;

import java.util.List;

/**
 * Names that exist only inside a local network and are never resolved by the internet's DNS: {@code home.arpa}
 * (RFC 8375), {@code local} (RFC 6762), {@code internal} (reserved by ICANN for private use), and the reverse
 * zones of private, link-local and unique-local addresses (RFC 6303). A router answering them in plaintext on the
 * local network is how they are meant to work: nothing about them reaches a public resolver.
 */
public final class LocalOnlyNames {
    private static final List<String> ZONES = zones();

    private LocalOnlyNames() {
    }

    /** True for a name that is one of those zones or lies under one (case and a trailing dot do not matter). */
    public static boolean contains(String name) {
        // no copies: the leak list asks this of every query it shows, several times a second
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        for (String zone : ZONES) {
            int start = end - zone.length();
            if (start >= 0 && name.regionMatches(true, start, zone, 0, zone.length())
                    && (start == 0 || name.charAt(start - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    private static List<String> zones() {
        List<String> z = new java.util.ArrayList<>(List.of("home.arpa", "local", "internal",
                "10.in-addr.arpa", "168.192.in-addr.arpa", "254.169.in-addr.arpa",
                "c.f.ip6.arpa", "d.f.ip6.arpa", "8.e.f.ip6.arpa", "9.e.f.ip6.arpa", "a.e.f.ip6.arpa", "b.e.f.ip6.arpa"));
        for (int b = 16; b <= 31; b++) {
            z.add(b + ".172.in-addr.arpa");
        }
        return List.copyOf(z);
    }
}
