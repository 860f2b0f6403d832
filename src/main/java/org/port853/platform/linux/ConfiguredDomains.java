package org.port853.platform.linux;

import java.util.LinkedHashSet;
import java.util.Set;
import org.port853.core.DropIn;

/**
 * The global search and routing domains the configuration files set, as resolved reads them: the main resolved.conf,
 * then each drop-in in order; a file's empty {@code Domains=} clears what came before it, other values add.
 */
final class ConfiguredDomains {
    private ConfiguredDomains() {
    }

    /** Spelled as resolved reports them ({@code ~.}, {@code ~corp.example}, {@code home.arpa}). */
    static Set<String> of(LinuxPaths paths, int systemdVersion) {
        return of(ResolvedConfFiles.mainFileKeys(paths, systemdVersion), DropInScanner.scan(paths, systemdVersion));
    }

    /** As above, from the main file's keys and the drop-ins already read. */
    static Set<String> of(java.util.Map<String, String> mainKeys, java.util.List<DropIn> dropIns) {
        Set<String> domains = new LinkedHashSet<>();
        for (String d : ResolvedConf.entries(ResolvedConfFiles.effectiveKeys(mainKeys, dropIns).get("Domains"))) {
            String name = d.startsWith("~") ? d.substring(1) : d;
            name = name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            domains.add((d.startsWith("~") ? "~" : "") + (name.isEmpty() ? "." : name));
        }
        return domains;
    }
}
