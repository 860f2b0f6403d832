package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A resolv.conf's lines as the C library reads them: its name servers in order, its search domains (the last
 * {@code search} or {@code domain} line wins; lower case, without a trailing dot) and its options (lines add up).
 */
record ResolvConfLines(List<String> nameservers, List<String> search, List<String> options) {
    static final ResolvConfLines NONE = new ResolvConfLines(List.of(), List.of(), List.of());

    ResolvConfLines {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
        options = List.copyOf(options);
    }

    /** The file's lines; {@link #NONE} when it is missing, unreadable or no regular file, as then it sets nothing. */
    static ResolvConfLines read(Path file) {
        try {
            return parse(org.port853.core.RegularFiles.readString(file));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    static ResolvConfLines parse(String text) {
        List<String> nameservers = new ArrayList<>();
        List<String> search = List.of();
        List<String> options = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] words = line.strip().split("\\s+");
            List<String> rest = List.of(words).subList(1, words.length);
            switch (words[0]) {
                case "nameserver" -> rest.stream().limit(1).forEach(nameservers::add);
                case "search" -> search = domains(rest);
                case "domain" -> search = domains(rest.stream().limit(1).toList());
                case "options" -> options.addAll(rest);
                default -> {
                    // sortlist, comments: nothing a lookup's server or a short name depends on
                }
            }
        }
        return new ResolvConfLines(nameservers, search, options);
    }

    /** {@code name} as resolved and the C library compare domains: lower case, no trailing dot. */
    static String domain(String name) {
        String d = name.toLowerCase(Locale.ROOT);
        return d.length() > 1 && d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    private static List<String> domains(List<String> names) {
        return names.stream().map(ResolvConfLines::domain).filter(d -> !d.equals(".")).toList();
    }
}
