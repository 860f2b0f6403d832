package org.port853.platform.windows;

import java.util.List;

/**
 * One network adapter and the DNS servers it hands to the DNS client, per address family. {@code ipv6Bound}: it has an
 * IPv6 interface (false where the IPv6 binding is off: no IPv6 servers can be set on it).
 */
public record AdapterDns(String guid, String alias, int index, String status, String description, Servers ipv4,
                         Servers ipv6, boolean ipv6Bound) {
    /** Where an adapter's servers come from. AUTOMATIC (IPv6) = DHCPv6 or router advertisements (RDNSS). */
    public enum Source { STATIC, DHCP, AUTOMATIC }

    public record Servers(Source source, List<String> addresses) {
        public Servers {
            addresses = List.copyOf(addresses);
        }

        public static final Servers NONE = new Servers(Source.DHCP, List.of());
    }

    public boolean up() {
        return "Up".equalsIgnoreCase(status);
    }

    public Servers servers(boolean v6) {
        return v6 ? ipv6 : ipv4;
    }
}
