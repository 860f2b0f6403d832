package org.port853.core;

import java.util.List;

/** What systemd-resolved does on one network interface. Null modes mean "unset: the global one applies". */
public record LinkState(int index, String name, List<ServerAddress> servers, DotMode dnsOverTls,
                        DnssecMode dnssec, List<DomainEntry> domains, boolean defaultRoute,
                        ServerAddress currentServer) {
    public LinkState {
        servers = List.copyOf(servers);
        domains = List.copyOf(domains);
    }

    /**
     * The link's own setting turns DNS-over-TLS off, whatever the global mode: its servers are never asked over TLS
     * (a router or VPN server handed out by the network manager).
     */
    public boolean neverUsesTls() {
        return dnsOverTls == DotMode.OFF;
    }

    /**
     * The link asks in strict mode because the global setting is strict, so its servers may not be meant for TLS: its
     * own setting is unset, or reads strict too while a server of it has no TLS name. resolved reports a link's
     * effective mode over D-Bus (the global one where the link sets none), so a link that takes the global strict mode
     * reads as strict; a link whose servers all carry a TLS name was set up for DNS-over-TLS.
     */
    public boolean takesGlobalStrict(GlobalState global) {
        if (global == null || global.effectiveDotMode() != DotMode.STRICT) {
            return false;
        }
        return dnsOverTls == null || dnsOverTls == DotMode.STRICT && servers.stream().anyMatch(ServerAddress::unnamed);
    }

    /** The DoT mode the resolver uses on this link: its own when set, else the global one ({@code global} may be null). */
    public DotMode effectiveDotMode(GlobalState global) {
        return dnsOverTls != null ? dnsOverTls : global == null ? DotMode.OFF : global.effectiveDotMode();
    }
}
