package org.port853.core;

import java.util.List;

/** The resolver's global settings (interface index 0 in resolved's terms). */
public record GlobalState(List<ServerAddress> servers, List<ServerAddress> fallbackServers,
                          ServerAddress currentServer, DotMode dnsOverTls, DnssecMode dnssec,
                          boolean dnssecSupported, List<DomainEntry> domains, String stubListener,
                          String resolvConfMode) {
    public GlobalState {
        servers = List.copyOf(servers);
        fallbackServers = List.copyOf(fallbackServers);
        domains = List.copyOf(domains);
    }

    public boolean routesEverything() {
        return domains.stream().anyMatch(DomainEntry::routesEverything);
    }
}
