package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.InvalidInputException;
import org.port853.core.LinkState;
import org.port853.core.ServerAddress;

/**
 * Reads the text of {@code resolvectl status} when D-Bus is not available: the layout of 246 and later
 * ("Protocols: +DefaultRoute ... DNSOverTLS=...") and the older one ("DNSOverTLS setting: no", 245 on Ubuntu
 * 20.04). The text is not a stable interface, so unknown lines are skipped and the state is marked degraded by
 * the caller.
 */
final class ResolvectlStatusParser {
    private static final Pattern LINK = Pattern.compile("^Link (\\d+) \\(([^)]*)\\)");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z .]+?):\\s*(.*)$");

    record Parsed(GlobalState global, List<LinkState> links) {
    }

    private ResolvectlStatusParser() {
    }

    static Parsed parse(String text) {
        Section global = new Section(0, "global");
        List<Section> links = new ArrayList<>();
        Section current = global;
        String lastKey = null;
        for (String line : text.split("\\R")) {
            Matcher link = LINK.matcher(line);
            if (link.find()) {
                current = new Section(Integer.parseInt(link.group(1)), link.group(2));
                links.add(current);
                lastKey = null;
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                lastKey = f.group(1).trim();
                current.add(lastKey, f.group(2).trim());
            } else if (lastKey != null && line.startsWith(" ") && !line.isBlank()) {
                current.add(lastKey, line.trim());
            }
        }
        GlobalState g = new GlobalState(global.servers, List.of(), global.current, global.dot == null ? DotMode.OFF
                : global.dot, global.dnssec == null ? DnssecMode.NO : global.dnssec, global.dnssecSupported,
                global.domains, "", global.resolvConfMode);
        List<LinkState> ls = new ArrayList<>();
        for (Section s : links) {
            ls.add(new LinkState(s.index, s.name, s.servers, s.dot, s.dnssec, s.domains, s.defaultRoute, s.current));
        }
        return new Parsed(g, ls);
    }

    private static final class Section {
        final int index;
        final String name;
        final List<ServerAddress> servers = new ArrayList<>();
        final List<DomainEntry> domains = new ArrayList<>();
        ServerAddress current;
        DotMode dot;
        DnssecMode dnssec;
        boolean dnssecSupported;
        boolean defaultRoute;
        String resolvConfMode = "";

        Section(int index, String name) {
            this.index = index;
            this.name = name;
        }

        void add(String key, String value) {
            switch (key) {
                case "Protocols":
                    protocols(value);
                    break;
                case "DNSOverTLS setting":
                    dot = DotMode.parseOrNull(value);
                    break;
                case "DNSSEC setting":
                    dnssec = DnssecMode.parseOrNull(value);
                    break;
                case "DNSSEC supported":
                    dnssecSupported = value.equals("yes");
                    break;
                case "DefaultRoute setting":
                    defaultRoute = value.equals("yes");
                    break;
                case "resolv.conf mode":
                    resolvConfMode = value;
                    break;
                case "Current DNS Server":
                    current = server(value);
                    break;
                case "DNS Servers":
                    for (String v : value.split("\\s+")) {
                        ServerAddress s = server(v);
                        if (s != null) servers.add(s);
                    }
                    break;
                case "DNS Domain":
                    for (String v : value.split("\\s+")) {
                        if (!v.isEmpty()) domains.add(new DomainEntry(v.replaceFirst("^~", ""), v.startsWith("~")));
                    }
                    break;
                default:
                    break;
            }
        }

        private void protocols(String value) {
            for (String p : value.split("\\s+")) {
                try {
                    protocol(p);
                } catch (IllegalArgumentException unknownValue) {
                    // a newer systemd's word: leave the field unknown rather than fail the whole state
                }
            }
        }

        private void protocol(String p) {
            if (p.equals("+DNSOverTLS")) {
                dot = DotMode.STRICT;
            } else if (p.equals("-DNSOverTLS")) {
                dot = DotMode.OFF;
            } else if (p.startsWith("DNSOverTLS=")) {
                dot = DotMode.parse(p.substring(11));
            } else if (p.equals("+DefaultRoute")) {
                defaultRoute = true;
            } else if (p.startsWith("DNSSEC=")) {
                String[] parts = p.substring(7).split("/");
                dnssec = DnssecMode.parse(parts[0]);
                dnssecSupported = parts.length > 1 && parts[1].equals("supported");
            }
        }

        private static ServerAddress server(String text) {
            try {
                return text.isBlank() ? null : ServerAddress.parseReported(text.replaceFirst("%[^#]*", ""));
            } catch (InvalidInputException e) {
                return null;
            }
        }
    }
}
