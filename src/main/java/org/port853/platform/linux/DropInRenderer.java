package org.port853.platform.linux;

import java.util.List;
import java.util.stream.Collectors;
import org.port853.core.DesiredSettings;
import org.port853.core.ServerAddress;

/** Writes Port853's one drop-in. The output is deterministic: the same settings give the same bytes. */
final class DropInRenderer {
    static final String HEADER = "# Written by Port853. Do not edit: 'port853 revert' removes this file and restores\n"
            + "# what it replaced. Settings: 'port853 status'.\n";

    private DropInRenderer() {
    }

    static String render(DesiredSettings s) {
        StringBuilder b = new StringBuilder(HEADER);
        b.append("[Resolve]\n");
        // Empty assignments first: list values from earlier files would otherwise add to ours.
        b.append("DNS=\n");
        if (!s.servers().isEmpty()) {
            b.append("DNS=").append(join(s.servers())).append('\n');
        }
        b.append("FallbackDNS=\n");
        if (!s.fallback().isEmpty()) {
            b.append("FallbackDNS=").append(join(s.fallback())).append('\n');
        }
        b.append("DNSOverTLS=").append(s.mode().resolvedValue()).append('\n');
        if (s.dnssec() != null) {
            // Only when the user chose: otherwise the system's own DNSSEC setting (e.g. allow-downgrade) stays.
            b.append("DNSSEC=").append(s.dnssec().resolvedValue()).append('\n');
        }
        if (s.routeAllDomains()) {
            // Not cleared first: the admin's search domains stay; "~." only adds the route for every name.
            b.append("Domains=~.\n");
        }
        return b.toString();
    }

    private static String join(List<ServerAddress> servers) {
        return servers.stream().map(ServerAddress::toResolvedSyntax).collect(Collectors.joining(" "));
    }
}
