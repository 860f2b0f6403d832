package org.port853.platform.linux;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.port853.core.DropIn;
import org.port853.core.Sentence;

/**
 * The search domains systemd-resolved takes from a foreign /etc/resolv.conf (a file of its own, not resolved's stub or
 * uplink file), which it reads only while no configuration file sets DNS= or Domains=: Port853's drop-in sets DNS=, so
 * resolved stops searching them. Programs that ask resolved itself (NSS's resolve module, resolvectl) then no longer
 * find short names under them; programs that read the file keep its search line.
 */
final class ImportedSearchDomains {
    private ImportedSearchDomains() {
    }

    /**
     * The note for a change that writes Port853's drop-in while {@code paths}' resolv.conf stays as it is, where the
     * links search {@code linkSearchDomains}; empty when resolved does not search that file's domains now.
     */
    static List<Sentence> notes(LinuxPaths paths, Map<String, String> mainKeys, List<DropIn> dropIns,
                                List<String> linkSearchDomains) {
        boolean configured = Stream.concat(Stream.of(mainKeys), dropIns.stream().map(DropIn::keys))
                .anyMatch(keys -> keys.containsKey("DNS") || keys.containsKey("Domains"));
        if (configured || ResolvConfInspector.leadsToResolved(paths.resolvConf())) {
            return List.of();
        }
        List<String> searched = linkSearchDomains.stream().map(ResolvConfLines::domain).toList();
        List<String> lost = ResolvConfLines.read(paths.resolvConf()).search().stream()
                .filter(d -> !searched.contains(d)).toList();
        if (lost.isEmpty()) {
            return List.of();
        }
        String file = paths.resolvConf().toString();
        String listed = String.join(", ", lost);
        String value = String.join(" ", lost);
        java.nio.file.Path dropIn = DroppedByStubLink.searchDomainsDropIn(paths);
        return List.of(Sentence.of("systemd-resolved searches " + listed + " only because it takes them from " + file
                + " while no resolved.conf sets DNS= or Domains=; Port853's drop-in sets them, so programs that ask "
                + "systemd-resolved (NSS's resolve module, resolvectl) stop resolving short names under them (host no "
                + "longer finds host." + lost.get(0) + "; programs that read " + file + " still do); "
                + DroppedByStubLink.howToKeep(value, dropIn, file), "plan.imported-search", listed, file, lost.get(0),
                value, dropIn));
    }
}
