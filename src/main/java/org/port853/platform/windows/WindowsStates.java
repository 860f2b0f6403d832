package org.port853.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.IpAddresses;
import org.port853.core.LinkState;
import org.port853.core.PendingChange;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

/** Maps {@link WindowsDetails} onto the neutral state: NRPT "." servers as global, adapters as links. */
public final class WindowsStates {
    public static final String RESOLVER_NAME = "Windows DNS client";

    private WindowsStates() {
    }

    public static ResolverState of(WindowsDetails d, PendingChange pending, StateSource source) {
        Optional<NrptRule> rule = d.port853Rule().filter(r -> !d.groupPolicyNrpt());
        List<ServerAddress> global = rule.map(r -> servers(d, r.nameServers())).orElse(List.of());
        GlobalState g = new GlobalState(global, List.of(), null, mode(d, rule.map(NrptRule::nameServers).orElse(List.of())),
                org.port853.core.DnssecMode.NO, false,
                rule.isPresent() ? List.of(new DomainEntry(".", true)) : List.of(), "", "");
        List<LinkState> links = new ArrayList<>();
        for (AdapterDns a : d.adapters()) {
            List<String> all = new ArrayList<>(a.ipv4().addresses());
            all.addAll(a.ipv6().addresses());
            links.add(new LinkState(a.index(), a.alias(), servers(d, all), all.isEmpty() ? null : mode(d, all), null,
                    List.of(), a.up() && rule.isEmpty(), null));
        }
        return new ResolverState(RESOLVER_NAME, source, true, true, g, links, pending, null, d);
    }

    /** A state for when the DNS client could not be read at all. */
    public static ResolverState unreadable(String problem, PendingChange pending) {
        return new ResolverState(RESOLVER_NAME, StateSource.NONE, true, true, null, List.of(), pending, problem, null);
    }

    /**
     * STRICT when every server has an auto-upgrade entry without UDP fallback, OPPORTUNISTIC when every server has an
     * auto-upgrade entry, OFF otherwise. An entry without auto-upgrade (Windows' built-in list) is not used for a
     * server the machine merely has; it counts only when encryption is switched on for that adapter in Settings, which
     * lives in undocumented registry values ({@code DohInterfaceSettings}) that Port853 does not read. A yes or no shown
     * in a word Port853 does not know counts for neither: the mode is what the known words allow, and
     * WIN_YES_NO_UNRECOGNISED says what is unknown (claiming "off" would send a machine Port853 encrypted to "Not
     * encrypted").
     */
    static DotMode mode(WindowsDetails d, List<String> servers) {
        if (servers.isEmpty() || servers.stream().anyMatch(s -> d.entryFor(s).filter(e -> !e.autoUpgrade().isNo())
                .isEmpty())) {
            return DotMode.OFF;
        }
        return servers.stream().noneMatch(s -> d.entryFor(s).get().udpFallback().isYes()) ? DotMode.STRICT
                : DotMode.OPPORTUNISTIC;
    }

    /** Servers with the TLS name their entry authenticates (DoT host or the DoH template's host). */
    private static List<ServerAddress> servers(WindowsDetails d, List<String> addresses) {
        List<ServerAddress> out = new ArrayList<>();
        for (String a : addresses) {
            try {
                String name = d.entryFor(a).map(WindowsStates::tlsName).orElse(null);
                out.add(ServerAddress.reported(IpAddresses.parseReported(a), 0, name));
            } catch (RuntimeException e) {
                // an address Windows printed that we cannot represent: leave it out of the view
            }
        }
        return out;
    }

    static String tlsName(EncryptionEntry e) {
        if (e.protocol() == EncryptionEntry.Protocol.DOT) {
            String host = e.dotHost() == null ? "" : e.dotHost().replaceFirst(":\\d+$", "");
            return host.isEmpty() ? null : host;
        }
        try {
            java.net.URI template = java.net.URI.create(e.template());
            String host = template.getHost() != null ? template.getHost() : hostInUnicode(template.getAuthority());
            return host == null || IpAddresses.isAddress(host) ? null : host;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * The host of an authority that URI does not parse as one, as a host name in Unicode ("bücher.example"): without
     * user and port. Null where there is none.
     */
    private static String hostInUnicode(String authority) {
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        return host.isEmpty() || host.startsWith("[") ? null : host;
    }
}
