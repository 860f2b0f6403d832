package org.port853.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user wants the system resolver to do. Validated on construction, so a value of this type is
 * always writable; the privileged helper builds it again from the document it receives. {@code dnssec} null
 * means "keep what the system has" (Port853 then writes no DNSSEC setting). Mode {@code OFF} with servers means
 * Port853's servers without encryption; removing Port853's settings is revert, not a mode.
 */
public record DesiredSettings(List<ServerAddress> servers, DotMode mode, DnssecMode dnssec,
                              boolean routeAllDomains, List<ServerAddress> fallback) {
    public static final int MAX_SERVERS = 16;
    /** systemd-resolved's stub (127.0.0.53) and proxy stub (127.0.0.54, systemd 254+). */
    public static final Set<String> RESOLVED_STUBS = Set.of("127.0.0.53", "127.0.0.54");

    /** Refuses systemd-resolved's own stub as a server: every query would loop back into it. */
    public static void refuseResolvedStub(String address) {
        if (RESOLVED_STUBS.contains(address)) {
            throw new InvalidInputException(address + " is systemd-resolved's own stub listener: as its server every "
                    + "query would loop back into it; use the provider's address").says("settings.resolved-stub", address);
        }
    }

    /**
     * {@code s} as one server whatever its spelling, in the form Port853 writes and status shows: in strict mode no port
     * means 853, so {@code IP:853#n} is {@code IP#n}.
     */
    public static ServerAddress canonical(ServerAddress s, DotMode mode) {
        return mode == DotMode.STRICT ? s.withoutDotPort() : s;
    }

    public DesiredSettings {
        // a name the system has in Unicode is written in its ASCII form, which every build of resolved verifies
        servers = (servers == null ? List.<ServerAddress>of() : servers).stream().map(ServerAddress::written).toList();
        fallback = (fallback == null ? List.<ServerAddress>of() : fallback).stream().map(ServerAddress::written).toList();
        if (mode == null) throw new InvalidInputException("mode is missing").says("settings.no-mode");
        if (servers.size() > MAX_SERVERS || fallback.size() > MAX_SERVERS) {
            throw new InvalidInputException("at most " + MAX_SERVERS + " servers are allowed")
                    .says("settings.too-many", MAX_SERVERS);
        }
        Set<ServerAddress> seen = new HashSet<>();
        for (ServerAddress s : servers) {
            ServerAddress c = canonical(s, mode);
            if (!seen.add(c)) {
                throw new InvalidInputException("server " + c + " is listed twice").says("settings.twice", c);
            }
        }
        Set<ServerAddress> seenFallback = new HashSet<>();
        for (ServerAddress s : fallback) {
            ServerAddress c = canonical(s, mode);
            if (!seenFallback.add(c)) {
                throw new InvalidInputException("fallback server " + c + " is listed twice")
                        .says("settings.fallback-twice", c);
            }
        }
        for (ServerAddress s : concat(servers, fallback)) {
            refuseResolvedStub(s.addressText());
        }
        if (mode != DotMode.OFF && servers.isEmpty()) {
            throw new InvalidInputException("DNS-over-TLS needs at least one server").says("settings.no-server");
        }
        if (mode == DotMode.STRICT) {
            for (ServerAddress s : servers) {
                if (s.tlsName() == null) {
                    // s has no name, so its syntax is the address with the port as given (IPv6 bracketed then)
                    throw new InvalidInputException("strict mode needs a TLS name for " + s
                            + " (write it as " + s + "#dns.example): without it the certificate is "
                            + "checked against the bare IP address, which most providers' certificates do not list")
                            .says("settings.strict-needs-name", s);
                }
            }
            for (ServerAddress s : fallback) {
                if (s.tlsName() == null) {
                    throw new InvalidInputException("fallback server " + s
                            + " has no TLS name: in strict mode fallback servers must be DoT servers with a name")
                            .says("settings.fallback-needs-name", s);
                }
            }
        }
    }

    private static List<ServerAddress> concat(List<ServerAddress> a, List<ServerAddress> b) {
        List<ServerAddress> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The one sentence for "--mode off" without servers: that is not a mode but revert. */
    public static final String OFF_WITHOUT_SERVERS = "--mode off writes the chosen servers without encryption and needs "
            + "at least one; to remove Port853's settings use 'port853 revert'";

    /** Settings that hand control back to the system's own configuration (the preview of a revert). */
    public boolean isOff() {
        return mode == DotMode.OFF && servers.isEmpty();
    }
}
