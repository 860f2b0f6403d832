package org.port853.platform.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.port853.core.DropIn;
import org.port853.core.Sentence;

/**
 * What the C library loses when /etc/resolv.conf becomes a link to resolved's stub file, whose search line is
 * resolved's own search domains (global and per link) and whose options are resolved's: the old file's search
 * domains that resolved does not search (short names under them stop resolving), and its options the stub file does
 * not set. The stub file's search line now is no guide: a resolved without DNS= or Domains= of its own imports a
 * foreign resolv.conf's search domains, and stops once Port853's drop-in sets DNS= or the file is its own link.
 */
final class DroppedByStubLink {
    /** The options resolved writes into the stub file. */
    private static final List<String> STUB_OPTIONS = List.of("edns0", "trust-ad");

    private DroppedByStubLink() {
    }

    /**
     * The notes for linking {@code paths}' resolv.conf (read through a link) to the stub, where the links search
     * {@code linkSearchDomains} and the main file ({@code mainKeys}) and {@code dropIns} set the global domains; empty
     * when nothing is lost.
     */
    static List<Sentence> notes(LinuxPaths paths, java.util.Map<String, String> mainKeys, List<DropIn> dropIns,
                                Collection<String> linkSearchDomains) {
        ResolvConfLines old = ResolvConfLines.read(paths.resolvConf());
        Set<String> searched = new LinkedHashSet<>();
        linkSearchDomains.stream().map(ResolvConfLines::domain).forEach(searched::add);
        ConfiguredDomains.of(mainKeys, dropIns).stream().filter(d -> !d.startsWith("~"))
                .map(ResolvConfLines::domain).forEach(searched::add);
        List<String> lostDomains = old.search().stream().filter(d -> !searched.contains(d)).toList();
        List<String> lostOptions = old.options().stream().filter(o -> !STUB_OPTIONS.contains(o)).distinct().toList();
        List<Sentence> notes = new ArrayList<>();
        String file = paths.resolvConf().toString();
        if (!lostDomains.isEmpty()) {
            Path dropIn = searchDomainsDropIn(paths);
            String listed = String.join(", ", lostDomains);
            String value = String.join(" ", lostDomains);
            notes.add(Sentence.of("the search domains " + listed + " of the current " + file + " are not among "
                    + "systemd-resolved's search domains, so after the link short names under them stop resolving (host "
                    + "no longer finds host." + lostDomains.get(0) + "); " + howToKeep(value, dropIn, file),
                    "plan.link-drops.search", listed, file, lostDomains.get(0), value, dropIn));
        }
        if (!lostOptions.isEmpty()) {
            String listed = String.join(" ", lostOptions);
            String stubOptions = String.join(" ", STUB_OPTIONS);
            notes.add(Sentence.of("the options " + listed + " of the current " + file + " are dropped: the stub "
                    + "file sets only systemd-resolved's own (" + stubOptions + ")", "plan.link-drops.options", listed,
                    file, stubOptions));
        }
        return notes;
    }

    /** Where the advice puts the search domains a change would lose: a drop-in of the user's own, beside Port853's. */
    static Path searchDomainsDropIn(LinuxPaths paths) {
        return paths.ourDropIn().resolveSibling("search-domains.conf");
    }

    /**
     * How to keep search domains {@code value} (space-separated) that a change to {@code file}'s readers loses; a
     * Domains= file also ends resolved's import of that file's nameservers, so it must go again after a revert.
     */
    static String howToKeep(String value, Path dropIn, String file) {
        return "to keep them, add Domains=" + value + " under [Resolve] in a file such as " + dropIn + " before "
                + "applying (or after it, then: sudo systemctl restart systemd-resolved; that file also stops "
                + "systemd-resolved from taking the nameservers of " + file + ", so remove it after a 'port853 revert')";
    }
}
