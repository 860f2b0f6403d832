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
}
