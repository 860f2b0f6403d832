package org.port853.core;

import java.util.List;

/**
 * What decides where a query goes and whether it is encrypted, out of a {@link ResolverState}: the servers, modes and
 * routing domains, globally and per link, and where they were read. Two readings with different settings mean
 * the settings changed in between (by the window, the command line, NetworkManager or a VPN); the server currently in
 * use, which the resolver switches by itself, is not part of it.
 */
public record ResolverSettings(StateSource source, List<ServerAddress> servers, List<ServerAddress> fallbackServers,
                               DotMode dnsOverTls, DnssecMode dnssec, List<DomainEntry> domains, List<Link> links) {
    /** One link's part. */
    public record Link(int index, List<ServerAddress> servers, DotMode dnsOverTls, DnssecMode dnssec,
                       List<DomainEntry> domains, boolean defaultRoute) {
    }

    /** The settings of {@code s}; null when it could not be read. */
    public static ResolverSettings of(ResolverState s) {
        if (s == null || !s.readable()) {
            return null;
        }
        GlobalState g = s.global();
        return new ResolverSettings(s.source(), g.servers(), g.fallbackServers(), g.dnsOverTls(), g.dnssec(),
                g.domains(), s.links().stream().map(l -> new Link(l.index(), l.servers(), l.dnsOverTls(), l.dnssec(),
                        l.domains(), l.defaultRoute())).toList());
    }
}
