package org.port853.core;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the user wants the system resolver to do. Validated on construction, so a value of this type is
 * always writable; the privileged helper builds it again from the document it receives.
 */
public record DesiredSettings(List<ServerAddress> servers, DotMode mode, DnssecMode dnssec,
                              boolean routeAllDomains, List<ServerAddress> fallback) {
    public static final int MAX_SERVERS = 16;

    public DesiredSettings {
        servers = List.copyOf(servers == null ? List.of() : servers);
        fallback = List.copyOf(fallback == null ? List.of() : fallback);
        if (mode == null) throw new InvalidInputException("mode is missing");
        if (dnssec == null) dnssec = DnssecMode.NO;
        if (servers.size() > MAX_SERVERS || fallback.size() > MAX_SERVERS) {
            throw new InvalidInputException("at most " + MAX_SERVERS + " servers are allowed");
        }
        if (new LinkedHashSet<>(servers).size() != servers.size()) {
            throw new InvalidInputException("a server is listed twice");
        }
        if (mode != DotMode.OFF && servers.isEmpty()) {
            throw new InvalidInputException("DNS-over-TLS needs at least one server");
        }
        if (mode == DotMode.STRICT) {
            for (ServerAddress s : servers) {
                if (s.tlsName() == null) {
                    throw new InvalidInputException("strict mode needs a TLS name for " + s.addressText()
                            + " (write it as " + s.addressText() + "#dns.example): without it the certificate is "
                            + "checked against the bare IP address, which most providers' certificates do not list");
                }
            }
            for (ServerAddress s : fallback) {
                if (s.tlsName() == null) {
                    throw new InvalidInputException("fallback server " + s.addressText()
                            + " has no TLS name: in strict mode fallback servers must be DoT servers with a name");
                }
            }
        }
    }

    /** Settings that hand control back to the system's own configuration (used by revert and "off"). */
    public boolean isOff() {
        return mode == DotMode.OFF && servers.isEmpty();
    }
}
