package org.port853.platform.linux;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.port853.core.Utf8Bytes;

/**
 * Reads the {@code [Resolve]} section of a resolved.conf-style file the way systemd does: for list keys an
 * empty assignment clears what came before and values accumulate; for other keys the last one wins.
 */
final class ResolvedConf {
    static final Set<String> LIST_KEYS = Set.of("DNS", "FallbackDNS", "Domains", "DNSStubListenerExtra");
    /** The keys every drop-in of Port853 sets ({@link DropInRenderer}); DNSSEC and Domains only when chosen. */
    static final Set<String> ALWAYS_WRITTEN = Set.of("DNS", "FallbackDNS", "DNSOverTLS");

    private static final Set<String> BOOLEANS = Set.of("yes", "no", "true", "false", "1", "0", "on", "off", "y", "n",
            "t", "f");
    private static final Set<String> TRUE = Set.of("yes", "true", "1", "on", "y", "t");

    /**
     * Whether resolved takes {@code key=value} (a DNSOverTLS=, DNSSEC=, Cache=... value it cannot parse, the empty one
     * included, it logs and ignores: "Failed to parse DNSOverTLS=, ignoring"); list values count, except a DNS= or
     * FallbackDNS= of host names alone, whose every entry resolved ignores ("Failed to parse DNS server address").
     */
    static boolean takesEffect(String key, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (key) {
            case "DNSOverTLS" -> BOOLEANS.contains(v) || v.equals("opportunistic");
            case "DNSSEC" -> BOOLEANS.contains(v) || v.equals("allow-downgrade");
            case "Cache" -> BOOLEANS.contains(v) || v.equals("no-negative");
            case "ReadEtcHosts" -> BOOLEANS.contains(v);
            case "DNSStubListener" -> BOOLEANS.contains(v) || v.equals("udp") || v.equals("tcp");
            case "LLMNR", "MulticastDNS" -> BOOLEANS.contains(v) || v.equals("resolve");
            case "DNS", "FallbackDNS" -> v.isEmpty() || entries(v).stream().anyMatch(e -> !namesAHost(e));
            default -> true;
        };
    }

    /** A DNS= entry that gives a host name where resolved needs an address (IP[:PORT][%IFACE][#NAME]). */
    static boolean namesAHost(String entry) {
        String host = entry.replaceFirst("#.*$", "").replaceFirst(":\\d+$", "");
        return !host.isEmpty() && org.port853.core.DnsNames.isHostName(host);
    }

    /** A boolean value resolved reads as true, however spelled ("yes", "1", "on", ...). */
    static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The keys of {@code keys} resolved takes, of those in {@code among}. */
    static java.util.List<String> effectiveKeysAmong(Map<String, String> keys, Set<String> among) {
        return keys.entrySet().stream().filter(e -> among.contains(e.getKey()) && takesEffect(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The keys the drop-in for {@code s} sets. */
    static Set<String> keysWritten(org.port853.core.DesiredSettings s) {
        return parse(DropInRenderer.render(s)).keys().keySet();
    }

    /** {@code cleared}: the list keys an empty assignment clears in this text (see {@link org.port853.core.DropIn#clearedLists}). */
    record Parsed(Map<String, String> keys, String error, Set<String> cleared) {
        Parsed(Map<String, String> keys, String error) {
            this(keys, error, Set.of());
        }
    }

    private ResolvedConf() {
    }

    /**
     * The number of the first line systemd refuses because it is not UTF-8, or 0. systemd checks every line it
     * parses, in any section, but skips blank lines and comments ('#' or ';' after leading blanks); such a line fails
     * the whole file, and resolved then reads no drop-in after it (checked on 252). Lines end at LF, CR, CRLF or NUL.
     */
    static int firstNonUtf8Line(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|[\n\r\0]", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("^[ \t]+", ""); // systemd skips blanks and tabs only
            boolean parsed = !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != ';';
            if (parsed && Utf8Bytes.decode(line.getBytes(StandardCharsets.ISO_8859_1)).isEmpty()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * As systemd's config parser reads a file: a UTF-8 byte-order mark before the first line is skipped, and a line
     * ending in an unescaped backslash goes on in the next one (the backslash read as a blank).
     */
    static Parsed parse(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        Set<String> cleared = new java.util.HashSet<>();
        String section = null;
        String error = null;
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            String joined = lines[i];
            while (continues(joined) && i + 1 < lines.length) {
                joined = joined.substring(0, joined.length() - 1) + " " + lines[++i];
            }
            String line = joined.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || section == null) {
                if (error == null) {
                    error = "line " + (first + 1) + " is not KEY=VALUE inside a [section]";
                }
                continue;
            }
            if (!section.equals("Resolve")) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            keys.put(key, assigned(key, keys.get(key), value));
            if (LIST_KEYS.contains(key) && value.isEmpty()) {
                cleared.add(key);
            }
        }
        return new Parsed(keys, error, cleared);
    }

    /**
     * {@code key}'s value after {@code value} is assigned to it where it was {@code before} (null: unset), in one file
     * or in a later one (resolved reads the main file and its drop-ins into the same settings): a list key's values add
     * up and its empty assignment clears them; any other key's last value wins.
     */
    static String assigned(String key, String before, String value) {
        return !LIST_KEYS.contains(key) || value.isEmpty() || before == null || before.isEmpty() ? value
                : before + " " + value;
    }

    /** The entries of a list value (a DNS= or Domains= line), none when it is null or blank. */
    static List<String> entries(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** Ends in a backslash that no backslash before it escapes. */
    private static boolean continues(String line) {
        int n = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
