package org.port853.probe.doctor;

import java.util.List;
import java.util.Set;
import org.port853.capture.RunningPrograms.Running;
import org.port853.capture.SocketHolder;

/**
 * DNS servers that answer other machines on purpose (a local network's, virtual machines' or a Pi-hole's DNS), as
 * opposed to systemd-resolved, whose stub serves this computer. A server is known by its program, under whatever account
 * it runs: the socket's own process where it could be read (as root, or the user's own); else the one DNS server
 * program running under the socket's account, unless that is root (a socket root holds may be any root program's, so
 * it stays unexplained: a warning, not a guess that reads as intentional). Only where no program tells is the service
 * account these servers run as (Debian's, Fedora's) a hint.
 */
final class DnsServerPrograms {
    private static final Set<String> PROGRAMS = Set.of("dnsmasq", "unbound", "named", "pihole-FTL", "kresd", "coredns",
            "pdns_recursor", "pdns_server", "dnsdist", "knotd", "AdGuardHome", "blocky");
    private static final Set<String> ACCOUNTS = Set.of("dnsmasq", "libvirt-dnsmasq", "unbound", "bind", "named",
            "pihole", "knot-resolver", "knot", "coredns", "pdns", "_dnsdist", "dnsdist");
    private static final int ROOT = 0;

    private DnsServerPrograms() {
    }

    /**
     * The DNS server's name (its program's, else its account's), or null when {@code h} is no such server;
     * {@code running}: the programs running now, asked for only for a socket whose process could not be read.
     */
    static String of(SocketHolder h, java.util.function.Supplier<List<Running>> running) {
        if (h == null) {
            return null;
        }
        if (h.program() != null) {
            return PROGRAMS.contains(h.program()) ? h.program() : null;
        }
        // root's socket is not told by root's programs: any program running as root may hold it (review: a root
        // listener credited to the unbound beside it, which listened on loopback only, read as intentional)
        String byProgram = h.uid() == ROOT ? null
                : onlyServer(running.get().stream().filter(r -> r.uids().contains(h.uid())).toList());
        if (byProgram != null) {
            return byProgram;
        }
        return ACCOUNTS.contains(h.user()) ? h.user() : null;
    }

    /** The one DNS server program among {@code running}; null for none, and for several (which holds it is unknown). */
    private static String onlyServer(List<Running> running) {
        List<String> servers = running.stream().map(Running::program).filter(PROGRAMS::contains).distinct().toList();
        return servers.size() == 1 ? servers.get(0) : null;
    }
}
