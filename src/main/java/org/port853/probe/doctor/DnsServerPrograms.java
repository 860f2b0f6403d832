package org.port853.probe.doctor;

import java.util.Set;
import org.port853.capture.SocketHolder;

/**
 * DNS servers that answer other machines on purpose (a local network's, virtual machines' or a Pi-hole's DNS), as
 * opposed to systemd-resolved, whose stub serves this computer. A socket's program is known when its process could be
 * read (as root, or the user's own); else the service account these servers run as (Debian's, Fedora's) tells them.
 */
final class DnsServerPrograms {
    private static final Set<String> PROGRAMS = Set.of("dnsmasq", "unbound", "named", "pihole-FTL", "kresd", "coredns",
            "pdns_recursor", "pdns_server", "dnsdist", "knotd", "AdGuardHome", "blocky");
    private static final Set<String> ACCOUNTS = Set.of("dnsmasq", "libvirt-dnsmasq", "unbound", "bind", "named",
            "pihole", "knot-resolver", "knot", "coredns", "pdns", "_dnsdist", "dnsdist");

    private DnsServerPrograms() {
    }

    /** The DNS server's name (its program's, else its account's), or null when {@code h} is no such server. */
    static String of(SocketHolder h) {
        if (h == null) {
            return null;
        }
        if (h.program() != null) {
            return PROGRAMS.contains(h.program()) ? h.program() : null;
        }
        return ACCOUNTS.contains(h.user()) ? h.user() : null;
    }
}
