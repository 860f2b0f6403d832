package org.port853.platform.linux;

import java.util.List;
import java.util.stream.Collectors;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;

/** Writes Port853's one drop-in. The output is deterministic: the same settings give the same bytes. */
final class DropInRenderer {
    static final String HEADER = "# Written by Port853. Do not edit: 'port853 revert' removes this file and restores\n"
            + "# what it replaced. Settings: 'port853 status'.\n";

    private DropInRenderer() {
    }

    /**
     * {@code file} is a file (not a link) that carries Port853's header: Port853's drop-in as far as one can tell without
     * the journal, which a revert without one removes and leaves any other file (or link) at its path alone.
     */
    static boolean rendered(java.nio.file.Path file) {
        try {
            String content = FileItemStore.read(file).content(); // none for a link
            return content != null && content.startsWith(HEADER);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String render(DesiredSettings s) {
        return render(s, new ResolvedFeatures(0));
    }

    /** Before 246 resolved knows neither {@code :port} nor {@code #name}: it would drop such an entry. */
    static String render(DesiredSettings s, ResolvedFeatures features) {
        java.util.function.Function<ServerAddress, String> written = features.serverNames()
                ? ServerAddress::toResolvedSyntax : ServerAddress::addressText;
        // Strict mode never falls back to plaintext on port 53, so there ":853" is the default said twice: IP:853#name
        // and IP#name are one setting, written one way, and applying one after the other changes nothing.
        java.util.function.Function<ServerAddress, String> syntax = a -> written.apply(DesiredSettings.canonical(a, s.mode()));
        StringBuilder b = new StringBuilder(HEADER);
        b.append("[Resolve]\n");
        // Empty assignments first: list values from earlier files would otherwise add to ours.
        b.append("DNS=\n");
        if (!s.servers().isEmpty()) {
            b.append("DNS=").append(join(s.servers(), syntax)).append('\n');
        }
        b.append("FallbackDNS=\n");
        if (!s.fallback().isEmpty()) {
            b.append("FallbackDNS=").append(join(s.fallback(), syntax)).append('\n');
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

    private static String join(List<ServerAddress> servers, java.util.function.Function<ServerAddress, String> syntax) {
        return servers.stream().map(syntax).collect(Collectors.joining(" "));
    }
}
