package org.port853.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
     * {@code linkSearchDomains}; empty when nothing is lost.
     */
    static List<Sentence> notes(LinuxPaths paths, int systemdVersion, Collection<String> linkSearchDomains) {
        Lines old = Lines.of(read(paths.resolvConf()));
        Set<String> searched = new LinkedHashSet<>();
        linkSearchDomains.stream().map(DroppedByStubLink::domain).forEach(searched::add);
        ConfiguredDomains.of(paths, systemdVersion).stream().filter(d -> !d.startsWith("~"))
                .map(DroppedByStubLink::domain).forEach(searched::add);
        List<String> lostDomains = old.search.stream().filter(d -> !searched.contains(d)).toList();
        List<String> lostOptions = old.options.stream().filter(o -> !STUB_OPTIONS.contains(o)).distinct().toList();
        List<Sentence> notes = new ArrayList<>();
        String file = paths.resolvConf().toString();
        if (!lostDomains.isEmpty()) {
            Path dropIn = paths.ourDropIn().resolveSibling("search-domains.conf");
            String listed = String.join(", ", lostDomains);
            String value = String.join(" ", lostDomains);
            notes.add(Sentence.of("the search domains " + listed + " of the current " + file + " are not among "
                    + "systemd-resolved's search domains, so after the link short names under them stop resolving (host "
                    + "no longer finds host." + lostDomains.get(0) + "); to keep them, add Domains=" + value + " under "
                    + "[Resolve] in a file such as " + dropIn + " before applying", "plan.link-drops.search", listed,
                    file, lostDomains.get(0), value, dropIn));
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: it sets nothing
        }
    }

    private static String domain(String name) {
        String d = name.toLowerCase(Locale.ROOT);
        return d.length() > 1 && d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** A resolv.conf as the C library reads it: the last search or domain line wins; options lines add up. */
    private record Lines(List<String> search, List<String> options) {
        static Lines of(String text) {
            List<String> search = List.of();
            List<String> options = new ArrayList<>();
            for (String line : text == null ? new String[0] : text.split("\n")) {
                String[] words = line.strip().split("\\s+");
                List<String> rest = List.of(words).subList(1, words.length);
                switch (words[0]) {
                    case "search" -> search = rest.stream().map(DroppedByStubLink::domain)
                            .filter(d -> !d.equals(".")).toList();
                    case "domain" -> search = rest.stream().limit(1).map(DroppedByStubLink::domain)
                            .filter(d -> !d.equals(".")).toList();
                    case "options" -> options.addAll(rest);
                    default -> {
                        // nameserver, sortlist, comments: nothing a short name depends on
                    }
                }
            }
            return new Lines(search, options);
        }
    }
}
