package org.port853.ui.diagnostics;

import java.util.List;

import org.port853.core.ResolverSettings;
import org.port853.core.ResolverState;

/**
 * The resolver settings that diagnostics' verdicts and fixes are about: the global ones, and the links that carry DNS
 * servers or domains. Not where they were read from (D-Bus, or resolvectl when the bus failed: they report unset values
 * differently), nor links without DNS settings (a container's interface coming and going).
 */
record DnsSettings(ResolverSettings global, List<ResolverSettings.Link> links) {
    /** Those of {@code s}; null when it could not be read. */
    static DnsSettings of(ResolverState s) {
        ResolverSettings r = ResolverSettings.of(s);
        if (r == null) {
            return null;
        }
        List<ResolverSettings.Link> withDns = r.links().stream()
                .filter(l -> !l.servers().isEmpty() || !l.domains().isEmpty()).toList();
        return new DnsSettings(r, withDns);
    }

    /** {@code now} is another reading of the same source whose settings differ. */
    boolean changedTo(DnsSettings now) {
        if (now == null || now.global.source() != global.source()) {
            return false;
        }
        return !withoutLinks(global).equals(withoutLinks(now.global)) || !links.equals(now.links);
    }

    private static ResolverSettings withoutLinks(ResolverSettings r) {
        return new ResolverSettings(r.source(), r.servers(), r.fallbackServers(), r.dnsOverTls(), r.dnssec(), r.domains(),
                List.of());
    }
}
