package org.port853.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link ResolverState} into a verdict with reasons. Pure: the same state always gives the same
 * assessment. Rules follow systemd-resolved's documented behaviour (resolved.conf(5), systemd NEWS).
 */
public final class Assessor {
    /** systemd 239 added DNSOverTLS=; 246 added #name and certificate-name checking. */
    public static final int FIRST_DOT_VERSION = 239;
    public static final int FIRST_SNI_VERSION = 246;

    private Assessor() {
    }

    public static Assessment assess(ResolverState s) {
        List<Reason> reasons = new ArrayList<>();
        if (!s.installed()) {
            reasons.add(new Reason("RESOLVER_MISSING", Severity.UNAVAILABLE,
                    s.resolverName() + " is not installed, so Port853 cannot manage DNS here.",
                    "Install it: sudo apt install systemd-resolved (Debian/Ubuntu) or sudo dnf install "
                            + "systemd-resolved (Fedora), then enable it."));
            return finish(reasons);
        }
        if (!s.running()) {
            reasons.add(new Reason("RESOLVER_STOPPED", Severity.UNAVAILABLE,
                    s.resolverName() + " is installed but not running.",
                    "Start it: sudo systemctl enable --now systemd-resolved.service"));
            return finish(reasons);
        }
        if (!s.readable()) {
            reasons.add(new Reason("STATE_UNREADABLE", Severity.UNAVAILABLE,
                    "The resolver's settings could not be read: " + s.problem(),
                    "Check that the system D-Bus is running and that resolvectl works."));
            return finish(reasons);
        }
        if (s.pendingChange() != null) {
            reasons.add(new Reason("CHANGE_INTERRUPTED", Severity.BROKEN,
                    "A change started " + s.pendingChange().started() + " was interrupted before it was checked ("
                            + s.pendingChange().description() + "); DNS may not work or may not be encrypted.",
                    "Run 'port853 recover' to check it and keep it or roll it back, or 'port853 revert'.",
                    FixAction.RECOVER));
        }
        if (s.degraded()) {
            reasons.add(new Reason("STATE_DEGRADED", Severity.INFO,
                    "D-Bus was not available, so the state was read from 'resolvectl status' text and may be incomplete.",
                    "Make sure the system D-Bus is running."));
        }
        GlobalState g = s.global();
        assessServers(s, g, reasons);
        assessLinks(s, g, reasons);
        assessResolvConf(s.resolvConf(), reasons);
        assessDropIns(s.dropIns(), reasons);
        if (g.dnssec() == DnssecMode.NO) {
            reasons.add(new Reason("DNSSEC_OFF", Severity.INFO,
                    "DNSSEC validation is off: answers are encrypted in transit but not cryptographically validated.",
                    "Choose DNSSEC allow-downgrade or yes if your providers support it."));
        }
        return finish(reasons);
    }

    private static void assessServers(ResolverState s, GlobalState g, List<Reason> reasons) {
        boolean anyLinkServers = s.links().stream().anyMatch(l -> !l.servers().isEmpty());
        if (g.servers().isEmpty() && !anyLinkServers && g.fallbackServers().isEmpty()) {
            reasons.add(new Reason("NO_SERVERS", Severity.BROKEN, "No DNS server is configured anywhere: names cannot resolve.",
                    "Turn on encryption with a provider.", FixAction.ENABLE_DOT));
            return;
        }
        DotMode mode = g.dnsOverTls() == null ? DotMode.OFF : g.dnsOverTls();
        if (mode == DotMode.OFF) {
            reasons.add(new Reason("DOT_OFF", Severity.UNENCRYPTED,
                    "DNS-over-TLS is off: every query leaves this computer in plaintext on port 53.",
                    "Turn on encryption with a provider in strict mode.", FixAction.ENABLE_DOT));
            return;
        }
        if (s.systemdVersion() > 0 && s.systemdVersion() < FIRST_DOT_VERSION) {
            reasons.add(new Reason("DOT_UNSUPPORTED", Severity.UNENCRYPTED,
                    "systemd " + s.systemdVersion() + " has no DNS-over-TLS support (it arrived in 239).",
                    "Upgrade the operating system."));
            return;
        }
        if (g.servers().isEmpty()) {
            reasons.add(new Reason("NO_GLOBAL_SERVERS", Severity.WARNING,
                    "DNS-over-TLS is on but no global servers are set: queries go to the network's own servers, "
                            + "which rarely speak DNS-over-TLS.",
                    "Choose one or more providers.", FixAction.ENABLE_DOT));
        }
        if (mode == DotMode.OPPORTUNISTIC) {
            reasons.add(new Reason("OPPORTUNISTIC", Severity.WARNING,
                    "Opportunistic mode does not authenticate the server and falls back to plaintext when TLS fails, "
                            + "so an attacker on the network can downgrade it.",
                    "Switch to strict mode.", FixAction.USE_STRICT_MODE));
        }
        if (s.systemdVersion() > 0 && s.systemdVersion() < FIRST_SNI_VERSION) {
            reasons.add(new Reason("NO_NAME_CHECK", Severity.WARNING,
                    "systemd " + s.systemdVersion() + " cannot check the server's certificate name (that arrived in 246): "
                            + "a server on the path could impersonate your provider.",
                    "Upgrade to a release with systemd 246 or later (Ubuntu 20.10+, Debian 11+)."));
        } else if (mode == DotMode.STRICT) {
            String unnamed = g.servers().stream().filter(x -> x.tlsName() == null)
                    .map(ServerAddress::addressText).collect(Collectors.joining(", "));
            if (!unnamed.isEmpty()) {
                reasons.add(new Reason("SERVER_WITHOUT_NAME", Severity.WARNING,
                        "Server " + unnamed + " has no TLS name: strict mode checks its certificate against the IP "
                                + "address, which fails for most providers.",
                        "Write servers as ADDRESS#tls-name, or pick them from the catalogue."));
            }
        }
        String plainFallback = g.fallbackServers().stream().filter(x -> x.tlsName() == null)
                .map(ServerAddress::addressText).collect(Collectors.joining(", "));
        if (!plainFallback.isEmpty() && mode == DotMode.STRICT) {
            reasons.add(new Reason("FALLBACK_WITHOUT_NAME", Severity.INFO,
                    "Fallback servers " + plainFallback + " have no TLS name; they are only used when no other server is known.",
                    "Set fallback servers with names, or none."));
        }
    }

    private static void assessLinks(ResolverState s, GlobalState g, List<Reason> reasons) {
        DotMode globalMode = g.dnsOverTls() == null ? DotMode.OFF : g.dnsOverTls();
        for (LinkState link : s.links()) {
            if (link.servers().isEmpty()) {
                continue;
            }
            DotMode effective = link.dnsOverTls() == null ? globalMode : link.dnsOverTls();
            String servers = link.servers().stream().map(ServerAddress::addressText).collect(Collectors.joining(", "));
            String modeText = link.dnsOverTls() == null ? "DoT unset" : "DoT " + effective.resolvedValue();
            // Search domains route matching names to the link just like "~" routing domains do.
            List<DomainEntry> routed = link.domains().stream().filter(d -> !d.routesEverything())
                    .collect(Collectors.toList());
            boolean takesDefault = link.defaultRoute() && !g.routesEverything()
                    || link.domains().stream().anyMatch(DomainEntry::routesEverything);
            if (effective != DotMode.STRICT && takesDefault) {
                reasons.add(new Reason("LINK_PLAINTEXT_DEFAULT_ROUTE",
                        effective == DotMode.OFF && globalMode == DotMode.OFF ? Severity.INFO : Severity.WARNING,
                        "Link " + link.name() + " has DNS " + servers + " with default route and " + modeText
                                + ": queries can leave there in plaintext.",
                        "Set Domains=~. globally so every query goes to the encrypted servers.",
                        FixAction.ROUTE_ALL_DOMAINS));
            } else if (effective != DotMode.STRICT && !routed.isEmpty()) {
                reasons.add(new Reason("LINK_PLAINTEXT_DOMAINS", Severity.WARNING,
                        "Queries for " + routed.stream().map(DomainEntry::name).collect(Collectors.joining(", "))
                                + " go to " + servers + " on link " + link.name() + " with " + modeText
                                + ", which may be plaintext (split DNS, e.g. a VPN).",
                        "Accept it for internal names, or set DNS-over-TLS on that connection."));
            } else if (effective == DotMode.STRICT && link.dnsOverTls() == null && takesDefault) {
                reasons.add(new Reason("LINK_STRICT_INHERITED", Severity.INFO,
                        "Link " + link.name() + " has DNS " + servers + " and inherits strict mode: if that server "
                                + "(a router or VPN) does not speak DNS-over-TLS, its lookups fail.",
                        "Route all domains to the encrypted servers (Domains=~.).", FixAction.ROUTE_ALL_DOMAINS));
            }
        }
    }

    private static void assessResolvConf(ResolvConfState rc, List<Reason> reasons) {
        if (rc == null) {
            return;
        }
        switch (rc.kind()) {
            case STUB:
                break;
            case UPLINK:
                reasons.add(new Reason("RESOLV_CONF_UPLINK", Severity.WARNING,
                        "/etc/resolv.conf links to resolved's uplink file: programs that read it query the upstream "
                                + "servers directly, in plaintext.",
                        "Link /etc/resolv.conf to /run/systemd/resolve/stub-resolv.conf.", FixAction.LINK_RESOLV_CONF));
                break;
            case STATIC:
                boolean onlyStub = !rc.nameservers().isEmpty() && rc.nameservers().stream()
                        .allMatch(n -> n.equals("127.0.0.53") || n.equals("127.0.0.54"));
                reasons.add(new Reason("RESOLV_CONF_STATIC", onlyStub ? Severity.INFO : Severity.WARNING,
                        "/etc/resolv.conf is a static file" + (onlyStub ? " that points at the stub"
                                : " (nameservers " + String.join(", ", rc.nameservers())
                                + "): programs reading it bypass the stub and its encryption") + ".",
                        "Link /etc/resolv.conf to /run/systemd/resolve/stub-resolv.conf.", FixAction.LINK_RESOLV_CONF));
                break;
            case MISSING:
                reasons.add(new Reason("RESOLV_CONF_MISSING", Severity.BROKEN,
                        "/etc/resolv.conf is missing or a dangling link: most programs cannot resolve names.",
                        "Link /etc/resolv.conf to /run/systemd/resolve/stub-resolv.conf.", FixAction.LINK_RESOLV_CONF));
                break;
            default:
                throw new IllegalStateException(rc.kind().name());
        }
    }

    private static void assessDropIns(List<DropIn> dropIns, List<Reason> reasons) {
        for (DropIn d : dropIns) {
            if (d.error() != null) {
                reasons.add(new Reason("DROP_IN_UNREADABLE", Severity.WARNING,
                        "Drop-in " + d.path() + " could not be read: " + d.error(),
                        "Check the file's permissions and syntax."));
            }
            if (d.overridesOurs()) {
                reasons.add(new Reason("DROP_IN_OVERRIDES", Severity.WARNING,
                        "Drop-in " + d.path() + " sorts after Port853's file and overrides its settings.",
                        "Remove it or move its settings into an earlier file."));
            }
            String dns = d.keys().getOrDefault("DNS", "");
            for (String entry : dns.split("\\s+")) {
                String host = entry.replaceFirst("#.*$", "").replaceFirst(":\\d+$", "");
                if (!host.isEmpty() && DnsNames.isHostName(host)) {
                    reasons.add(new Reason("DNS_HOSTNAME", Severity.WARNING,
                            "Drop-in " + d.path() + " sets DNS=" + entry + ": a host name, not an address, is a circular "
                                    + "dependency (the resolver would need DNS to find its DNS server) and is ignored.",
                            "Use the provider's IP address with #name, e.g. 9.9.9.9#dns.quad9.net."));
                }
            }
        }
    }

    private static Assessment finish(List<Reason> reasons) {
        Severity worst = reasons.stream().map(Reason::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        Verdict v;
        switch (worst) {
            case UNAVAILABLE: v = Verdict.UNAVAILABLE; break;
            case BROKEN: v = Verdict.BROKEN; break;
            case UNENCRYPTED: v = Verdict.NOT_ENCRYPTED; break;
            case WARNING: v = Verdict.PARTIAL; break;
            default: v = Verdict.PROTECTED;
        }
        List<Reason> sorted = new ArrayList<>(reasons);
        sorted.sort(Comparator.comparing(Reason::severity).reversed());
        return new Assessment(v, sorted);
    }
}
