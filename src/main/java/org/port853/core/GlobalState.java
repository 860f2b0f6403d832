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

    /**
     * systemd-resolved runs without its stub listener (DNSStubListener=no, usual when dnsmasq, unbound or Pi-hole
     * own port 53): nothing answers on 127.0.0.53, so a resolv.conf pointed at the stub leaves programs without DNS.
     */
    public boolean stubListenerOff() {
        return stubListenerOff(stubListener);
    }

    /** As {@link #stubListenerOff()} for a DNSStubListener value as resolved reports it (null: unknown, not off). */
    public static boolean stubListenerOff(String stubListener) {
        return "no".equals(stubListener);
    }

    /** The DoT mode in force: unset means resolved's default, "no". */
    public DotMode effectiveDotMode() {
        return dnsOverTls == null ? DotMode.OFF : dnsOverTls;
    }

    public boolean routesEverything() {
        return domains.stream().anyMatch(DomainEntry::routesEverything);
    }

    /** Servers are set and each has a TLS name: turning encryption on keeps them (strict mode needs the names). */
    public boolean serversAllNamed() {
        return !servers.isEmpty() && servers.stream().allMatch(a -> a.tlsName() != null);
    }
}
