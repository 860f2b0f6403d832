package org.port853.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a {@link ResolverState} into a verdict with reasons. Pure: the same state always gives the same
 * assessment. These are the platform-neutral rules (servers, modes, links, DNSSEC); each platform adds its own
 * (versions, install hints, configuration files) next to its adapter.
 */
public final class Assessor {
    private Assessor() {
    }

    /** The neutral rules only (tests, and platforms without rules of their own). */
    public static Assessment assess(ResolverState s) {
        return assess(s, List.of());
    }

    /**
     * RESOLVER_MISSING's, RESOLVER_STOPPED's and STATE_UNREADABLE's detail where the platform knows no better: "2"
     * (Linux says "0", or "1" where systemd is not the init system), so the window gives no platform's commands.
     */
    private static final List<String> NO_PLATFORM_DETAIL = List.of("2");
    /**
     * The command behind the fixes that turn encryption on, as `status` and `doctor` print them: "Turn on encryption
     * with a provider" alone left a person at the terminal to find the command (the window has its own texts).
     */
    private static final String ENCRYPT_COMMAND = "port853 apply --mode strict --provider ID --all-domains";
    /** Routing all names to the servers already in use: "--provider ID" would swap a custom server for a provider. */
    public static final String ROUTE_ALL_COMMAND = "port853 apply --mode strict --all-domains with the same --provider "
            + "or --server";
    /**
     * The fix for a link that takes every name by a ~. of its own: it ties with the global ~., so routing all domains to
     * the encrypted servers does not take the names away from it.
     */
    public static final String OWN_CATCH_ALL_FIX = "Turn on strict DNS-over-TLS for that connection, or remove its ~. "
            + "route: routing all domains to the encrypted servers does not take names away from a connection with a ~. "
            + "of its own.";
    private static final String TURN_ON = "Turn on encryption with a provider (" + ENCRYPT_COMMAND
            + "; 'port853 providers' lists the IDs).";

    /**
     * The neutral rules plus the platform's reasons; a platform reason with the code of a neutral one replaces it
     * (the platform knows the better fix, e.g. how to install its resolver).
     */
    public static Assessment assess(ResolverState s, List<Reason> platformReasons) {
        List<Reason> reasons = new ArrayList<>();
        if (!s.installed()) {
            reasons.add(new Reason("RESOLVER_MISSING", Severity.UNAVAILABLE,
                    s.problem() != null ? sentence(s.problem())
                            : s.resolverName() + " is not installed, so Port853 cannot manage DNS here.",
                    "Port853 cannot change DNS settings on this computer; it can still analyse capture files "
                            + "('port853 analyze FILE').", NO_PLATFORM_DETAIL));
            return finish(merge(reasons, platformReasons));
        }
        if (!s.running()) {
            reasons.add(new Reason("RESOLVER_STOPPED", Severity.UNAVAILABLE,
                    s.resolverName() + " is installed but not running.", "Start the resolver service.",
                    NO_PLATFORM_DETAIL));
            return finish(merge(reasons, platformReasons));
        }
        if (!s.readable()) {
            reasons.add(new Reason("STATE_UNREADABLE", Severity.UNAVAILABLE,
                    "The resolver's settings could not be read: " + s.problem(),
                    "Check that the resolver service answers.", NO_PLATFORM_DETAIL));
            return finish(merge(reasons, platformReasons));
        }
        if (s.pendingChange() != null && s.pendingChange().inProgress()) {
            reasons.add(new Reason("CHANGE_IN_PROGRESS", Severity.INFO,
                    "A change started " + s.pendingChange().started() + " is being made right now ("
                            + s.pendingChange().description() + "): what is read may be half-way through it.",
                    "Read again once it has finished (it ends with its health check, in seconds; a recovery at boot waits up to "
                            + "5 minutes for the network).",
                    null, List.of(String.valueOf(s.pendingChange().started()), s.pendingChange().description())));
        } else if (s.pendingChange() != null) {
            // unchecked settings, not dead DNS: At risk (PARTIAL), as the window says; a failed lookup makes it BROKEN
            reasons.add(new Reason(Assessment.INTERRUPTED, Severity.WARNING,
                    "A change started " + s.pendingChange().started() + " was interrupted before it was checked ("
                            + s.pendingChange().description() + "); DNS may not work or may not be encrypted.",
                    "Run 'port853 recover' to check it and keep it or roll it back, or 'port853 revert'.",
                    FixAction.RECOVER, List.of(String.valueOf(s.pendingChange().started()), s.pendingChange().description(),
                    "0"))); // 0: nothing keeps it from being recovered (a platform's reason may say what does)
        }
        GlobalState g = s.global();
        assessServers(s, g, reasons);
        assessLinks(s, g, reasons);
        lookAlikeNames(s, g).ifPresent(reasons::add);
        nonHostNames(s, g).ifPresent(reasons::add);
        UnicodeNameReason.of(allServers(s, g).toList(), s.platform().unicodeTlsNames()).ifPresent(reasons::add);
        if (g.dnssec() == DnssecMode.NO && s.platform().canValidateDnssec()) {
            reasons.add(dnssecOff(modeInUse(s)));
        }
        return finish(merge(reasons, platformReasons));
    }

    /** DNSSEC off, said with what the transport gives (detail 0: DoT off, 1: strict, 2: opportunistic). */
    private static Reason dnssecOff(DotMode mode) {
        String transport = switch (mode) {
            case OFF -> "answers are neither encrypted nor cryptographically validated";
            case STRICT -> "answers are encrypted in transit but not cryptographically validated";
            case OPPORTUNISTIC -> "answers are encrypted in transit only while the server's TLS works (opportunistic mode "
                    + "falls back to plaintext) and are not cryptographically validated";
        };
        int detail = switch (mode) {
            case OFF -> 0;
            case STRICT -> 1;
            case OPPORTUNISTIC -> 2;
        };
        return new Reason("DNSSEC_OFF", Severity.INFO, "DNSSEC validation is off: " + transport + ".",
                "Choose DNSSEC allow-downgrade or yes if your providers support it.", List.of(String.valueOf(detail)));
    }

    private static List<Reason> merge(List<Reason> neutral, List<Reason> platform) {
        List<Reason> out = new ArrayList<>();
        for (Reason n : neutral) {
            out.add(platform.stream().filter(p -> p.code().equals(n.code())).findFirst().orElse(n));
        }
        platform.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    private static String sentence(String text) {
        String t = text.strip();
        return Sentence.ended(Character.toUpperCase(t.charAt(0)) + t.substring(1));
    }

    /** The words systemd reads as false (parse_boolean). */
    private static final java.util.Set<String> FALSE_WORDS = java.util.Set.of("no", "false", "0", "off", "n", "f");

    private static void assessServers(ResolverState s, GlobalState g, List<Reason> reasons) {
        boolean anyLinkServers = s.links().stream().anyMatch(l -> !l.servers().isEmpty());
        if (g.servers().isEmpty() && !anyLinkServers && g.fallbackServers().isEmpty()) {
            ResolvConfState file = s.platform() == null ? null : s.platform().resolverFile();
            if (file != null && file.sendsLookupsToNetwork() && !file.nameservers().isEmpty()) {
                // the C library asks the file's servers itself: names resolve, in plaintext, which the file's reason
                // says (resolved's uplink file names no server while resolved has none)
                reasons.add(new Reason(Reason.NO_SERVERS, Severity.WARNING, "The resolver has no DNS server: programs "
                        + "resolve names only through the servers /etc/resolv.conf names, in plaintext.", TURN_ON,
                        FixAction.ENABLE_DOT, List.of("1")));
                return;
            }
            reasons.add(new Reason(Reason.NO_SERVERS, Severity.BROKEN, "No DNS server is configured anywhere: names "
                    + "cannot resolve.", TURN_ON, FixAction.ENABLE_DOT, List.of("0")));
            return;
        }
        DotMode mode = g.effectiveDotMode();
        if (linksDecide(s)) {
            // no global server would use the global setting: each link asks its own servers in its own mode, and those
            // that never use TLS are the links' own reasons (LINK_PLAINTEXT_DEFAULT_ROUTE)
            String encrypting = s.links().stream().filter(l -> !l.servers().isEmpty()
                    && l.effectiveDotMode(g) != DotMode.OFF).map(LinkState::name).collect(Collectors.joining(", "));
            reasons.add(new Reason("DOT_PER_LINK", Severity.INFO, "DNS-over-TLS is off in the global settings, which "
                    + "name no DNS server: each network connection's own setting decides, and " + encrypting
                    + " turns DNS-over-TLS on for its own servers.", null, List.of(encrypting)));
            return;
        }
        if (mode == DotMode.OFF) {
            // a file read after Port853's that sets DNSOverTLS= wins over whatever Port853 writes: turning encryption
            // on through Port853 would be refused, so that file is the fix (and no one-click change is offered)
            SettingElsewhere later = s.platform() == null ? null : s.platform().settingAfterOurs("DNSOverTLS");
            if (later != null && !FALSE_WORDS.contains(later.value().strip().toLowerCase(java.util.Locale.ROOT))) {
                later = null; // it turns DNS-over-TLS on (resolved has not read it yet): not why it is off
            }
            String off = "DNS-over-TLS is off: every query leaves this computer in plaintext on port 53.";
            reasons.add(later == null ? new Reason("DOT_OFF", Severity.UNENCRYPTED, off,
                    TURN_ON, FixAction.ENABLE_DOT, List.of("0"))
                    : new Reason("DOT_OFF", Severity.UNENCRYPTED, off, setsAfter("DNSOverTLS", later)
                    + ": remove that line (or the file), then turn on encryption with a provider in strict mode.", null,
                    laterFileDetails(later)));
            return;
        }
        if (g.servers().isEmpty()) {
            // every link with servers never asks over TLS: nothing is encrypted, whatever the global mode says
            boolean noTlsPath = s.links().stream().filter(l -> !l.servers().isEmpty())
                    .allMatch(l -> l.effectiveDotMode(g) == DotMode.OFF);
            reasons.add(new Reason("NO_GLOBAL_SERVERS", noTlsPath ? Severity.UNENCRYPTED : Severity.WARNING,
                    "DNS-over-TLS is on but no global servers are set: queries go to the network's own servers, "
                            + "which rarely speak DNS-over-TLS.",
                    "Choose one or more providers (" + ENCRYPT_COMMAND + "; 'port853 providers' lists the IDs).",
                    FixAction.ENABLE_DOT));
        }
        if (mode == DotMode.OPPORTUNISTIC) {
            reasons.add(new Reason("OPPORTUNISTIC", Severity.WARNING,
                    "Opportunistic mode does not authenticate the server and falls back to plaintext when TLS fails, "
                            + "so an attacker on the network can downgrade it.",
                    "Switch to strict mode (port853 apply --mode strict with the same --provider or --server).",
                    FixAction.USE_STRICT_MODE));
        }
        if (mode == DotMode.STRICT) {
            String unnamed = g.servers().stream().filter(ServerAddress::unnamed)
                    .map(ServerAddress::addressText).collect(Collectors.joining(", "));
            if (!unnamed.isEmpty()) {
                reasons.add(new Reason("SERVER_WITHOUT_NAME", Severity.WARNING,
                        "Server " + unnamed + " has no TLS name: strict mode checks its certificate against the IP "
                                + "address, which fails for most providers.",
                        "Write servers as ADDRESS#tls-name, or pick them from the catalogue.", List.of(unnamed)));
            }
        }
        String plainFallback = g.fallbackServers().stream().filter(ServerAddress::unnamed)
                .map(ServerAddress::addressText).collect(Collectors.joining(", "));
        if (!plainFallback.isEmpty() && mode == DotMode.STRICT) {
            reasons.add(new Reason("FALLBACK_WITHOUT_NAME", Severity.INFO,
                    "Fallback servers " + plainFallback + " have no TLS name; they are only used when no other server is known.",
                    "Set fallback servers with names, or none.", List.of(plainFallback)));
        }
    }

    /**
     * Servers in use whose TLS name is a look-alike (see {@link DnsNames#isLookAlike}): the system may hold one someone
     * else wrote, which Port853 shows rather than hide; said so the person can tell it from the provider it imitates.
     */
    private static Optional<Reason> lookAlikeNames(ResolverState s, GlobalState g) {
        String named = allServers(s, g).filter(x -> x.tlsName() != null && DnsNames.isLookAlike(x.tlsName()))
                .map(ServerAddress::toResolvedSyntax).distinct().collect(Collectors.joining(", "));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("LOOKALIKE_TLS_NAME", Severity.INFO, "Server " + named + " has a TLS "
                + "name that reads as a look-alike (letters of another script that look Latin, or scripts mixed in one "
                + "label): its certificate is checked against that name, which may belong to someone other than the "
                + "provider it resembles.", "Check that the name is the one you mean; if not, remove the server from the "
                + "file that sets it, or choose a provider from the catalogue ('port853 providers').", List.of(named)));
    }

    /**
     * Servers in use whose TLS name is no host name ({@link ServerAddress#nonHostName}): resolved (247 to 262) takes
     * any text after '#' and checks the certificate against it as written, so strict mode verifies such a server only
     * when its certificate lists exactly that name, which public authorities do not issue (none at all for letters
     * outside ASCII: queries to it failed in the rig).
     */
    private static Optional<Reason> nonHostNames(ResolverState s, GlobalState g) {
        String named = allServers(s, g).filter(x -> x.nonHostName() != null).map(ServerAddress::toShownSyntax).distinct()
                .collect(Collectors.joining(", "));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("TLS_NAME_NOT_HOST_NAME", Severity.WARNING, "Server " + named + " has a TLS name "
                + "that is not a host name (shown with its unusual characters escaped): systemd-resolved checks the "
                + "server's certificate against it as written, so strict mode fails unless the certificate lists exactly "
                + "that name, which public certificate authorities do not issue; with letters outside ASCII it never "
                + "matches.", "Correct the name in the file that sets it (ADDRESS#host-name, the provider's host name), "
                + "or choose a provider from the catalogue ('port853 providers').", List.of(named)));
    }

    /** The global, fallback and link servers. */
    private static Stream<ServerAddress> allServers(ResolverState s, GlobalState g) {
        return Stream.concat(Stream.concat(g.servers().stream(), g.fallbackServers().stream()),
                s.links().stream().flatMap(l -> l.servers().stream()));
    }

    private static void assessLinks(ResolverState s, GlobalState g, List<Reason> reasons) {
        DotMode globalMode = g.effectiveDotMode();
        UnclaimedNames unclaimed = UnclaimedNames.in(s);
        for (LinkState link : s.links()) {
            if (link.servers().isEmpty()) {
                continue;
            }
            DotMode effective = link.effectiveDotMode(g);
            String servers = link.servers().stream().map(ServerAddress::addressText).collect(Collectors.joining(", "));
            String modeText = link.dnsOverTls() == null ? "DoT unset" : "DoT " + effective.resolvedValue();
            // Search domains route matching names to the link just like "~" routing domains do.
            List<DomainEntry> routed = link.domains().stream().filter(d -> !d.routesEverything())
                    .collect(Collectors.toList());
            boolean takesDefault = unclaimed.reach(link);
            if (unclaimed.mayLeaveInPlaintext(link)) {
                // resolved asks every default-route scope at once: a link that never uses TLS gets each such name in
                // plaintext, beside the encrypted servers; an opportunistic one only when its TLS fails
                boolean everyQuery = effective == DotMode.OFF;
                boolean besideEncrypted = everyQuery && globalMode != DotMode.OFF && !g.servers().isEmpty();
                boolean ownCatchAll = unclaimed.route(link) == UnclaimedNames.Route.OWN_CATCH_ALL;
                // with DNS-over-TLS off for every query, DOT_OFF says it all; where links decide, this one is why
                reasons.add(new Reason("LINK_PLAINTEXT_DEFAULT_ROUTE", everyQuery && globalMode == DotMode.OFF
                        && !linksDecide(s) ? Severity.INFO : everyQuery ? Severity.UNENCRYPTED : Severity.WARNING,
                        "Link " + link.name() + " has DNS " + servers + (ownCatchAll ? " with routing domain ~."
                                : " with default route") + " and " + modeText
                                + (besideEncrypted ? ": every query that no routing domain claims goes there in plaintext "
                                + "too, beside the encrypted servers." : ": queries can leave there in plaintext."),
                        ownCatchAll ? OWN_CATCH_ALL_FIX
                                : "Route all domains to the encrypted servers so every query goes to them ("
                                + (besideEncrypted ? ROUTE_ALL_COMMAND : ENCRYPT_COMMAND) + ").",
                        ownCatchAll ? null : FixAction.ROUTE_ALL_DOMAINS,
                        // the fix: 0 route all names to the encrypted servers, 1 the link's own ~., 2 none to route
                        // to yet (Protect my DNS)
                        List.of(link.name(), servers, besideEncrypted ? "1" : "0", ownCatchAll ? "1" : "0",
                                ownCatchAll ? "1" : globalMode != DotMode.OFF && !g.servers().isEmpty() ? "0" : "2")));
            } else if (effective != DotMode.STRICT && !routed.isEmpty()) {
                reasons.add(splitDnsReason(link, routed, servers, modeText));
            } else if (link.takesGlobalStrict(g)) {
                if (!routed.isEmpty()) {
                    reasons.add(strictDomainsReason(link, routed, servers));
                }
                if (takesDefault) {
                    // nothing leaves in plaintext, so not "at risk" for privacy, but lookups fail: WARNING (PARTIAL)
                    // shows it as needing attention; BROKEN would say no name resolves
                    reasons.add(new Reason("LINK_STRICT_INHERITED", Severity.WARNING,
                            "Link " + link.name() + " has DNS " + servers + " and inherits strict mode: unless that "
                                    + "server (a router's or VPN's) speaks DNS-over-TLS, names that do not exist and "
                                    + "names only that network's server knows fail after a wait instead of being "
                                    + "answered; nothing leaves in plaintext.",
                            "Route all domains to the encrypted servers (" + ROUTE_ALL_COMMAND + ").",
                            FixAction.ROUTE_ALL_DOMAINS, List.of(link.name(), servers)));
                }
            }
        }
    }

    /** A link's own names (a VPN's split DNS, a router's search domain) under inherited strict mode. */
    private static Reason strictDomainsReason(LinkState link, List<DomainEntry> routed, String servers) {
        String routedNames = routed.stream().map(DomainEntry::name).collect(Collectors.joining(", "));
        return new Reason("LINK_STRICT_DOMAINS", Severity.INFO,
                "Names under " + routedNames + " go only to " + servers + " on link " + link.name()
                        + ", which inherits strict mode: if that server (a VPN's or the local network's) does "
                        + "not speak DNS-over-TLS, those names do not resolve.",
                "If they do not resolve, choose opportunistic mode, which falls back to plaintext for such "
                        + "servers, or ask that network's administrator for DNS-over-TLS.",
                List.of(routedNames, servers, link.name()));
    }

    /**
     * DNS-over-TLS is off globally, but the global settings name no server and a link with servers of its own turns it
     * on for itself (a VPN's or a connection's setting): the links' modes, not the global one, say what leaves in
     * plaintext. (Fallback servers are asked only when no link has servers.)
     */
    public static boolean linksDecide(ResolverState s) {
        GlobalState g = s.global();
        return g != null && g.effectiveDotMode() == DotMode.OFF && g.servers().isEmpty() && s.links().stream()
                .anyMatch(l -> !l.servers().isEmpty() && l.effectiveDotMode(g) != DotMode.OFF);
    }

    /**
     * The DNS-over-TLS mode the resolver's queries use: the global one, or where {@link #linksDecide links decide}, the
     * weakest among the links that turn it on (opportunistic if one of them is).
     */
    public static DotMode modeInUse(ResolverState s) {
        GlobalState g = s.global();
        if (g == null) {
            return DotMode.OFF;
        }
        if (!linksDecide(s)) {
            return g.effectiveDotMode();
        }
        return s.links().stream().filter(l -> !l.servers().isEmpty()).map(l -> l.effectiveDotMode(g))
                .anyMatch(m -> m == DotMode.OPPORTUNISTIC) ? DotMode.OPPORTUNISTIC : DotMode.STRICT;
    }

    /** Names routed to a link without strict DoT: harmless when they exist only on the local network. */
    private static Reason splitDnsReason(LinkState link, List<DomainEntry> routed, String servers, String modeText) {
        String routedNames = routed.stream().map(DomainEntry::name).collect(Collectors.joining(", "));
        List<String> args = List.of(routedNames, servers, link.name());
        if (routed.stream().allMatch(d -> LocalOnlyNames.contains(d.name()))) {
            return new Reason("LINK_LOCAL_NAMES", Severity.INFO,
                    "Names of the local network (" + routedNames + ") go to " + servers + " on link " + link.name()
                            + " with " + modeText + ": such names are never sent to the internet's DNS.",
                    null, args);
        }
        return new Reason("LINK_PLAINTEXT_DOMAINS", Severity.WARNING,
                "Queries for " + routedNames + " go to " + servers + " on link " + link.name() + " with " + modeText
                        + ", which may be plaintext (split DNS, e.g. a VPN).",
                "Accept it for internal names, or set DNS-over-TLS on that connection.", args);
    }

    /**
     * {@code a} after the resolver's own lookup of a name just failed ({@code why}): names do not resolve whatever the
     * settings promise, so the verdict is BROKEN.
     */
    public static Assessment namesUnresolved(Assessment a, ResolverState s, String why) {
        String resolver = s.resolverName();
        List<Reason> reasons = new ArrayList<>(a.reasons());
        Optional<String> dnssec = DnssecFailures.resultIn(why);
        if (dnssec.isPresent()) {
            // the servers answer, but not with what validation needs: "they refuse or cannot be reached" would be untrue;
            // a file read after Port853's that sets DNSSEC= wins over --dnssec no, so the advice names that file
            SettingElsewhere later = s.platform() == null ? null : s.platform().settingAfterOurs("DNSSEC");
            String fix = later == null ? "apply again with --dnssec no (in the window: DNSSEC No on the Providers "
                    + "screen)" : setsAfter("DNSSEC", later) + ": set it to no there (or remove that line) and restart "
                    + "systemd-resolved";
            List<String> details = new ArrayList<>(List.of(resolver, dnssec.get()));
            details.addAll(later == null ? List.of("0") : laterFileDetails(later));
            reasons.add(new Reason("DNSSEC_VALIDATION_FAILED", Severity.BROKEN, "Names do not resolve: " + resolver
                    + " rejects the answers because DNSSEC validation failed (" + dnssec.get() + ").",
                    "The servers, or the network between, do not deliver the signatures DNSSEC needs: " + fix
                            + ", or choose providers that support DNSSEC.", details));
            return finish(reasons);
        }
        reasons.add(new Reason("NAMES_UNRESOLVED", Severity.BROKEN,
                "Names do not resolve: " + resolver + " could not look up a name just now (" + why + ").",
                "The DNS servers refuse queries or cannot be reached; 'port853 doctor' checks each server and says why.",
                List.of(resolver, why)));
        return finish(reasons);
    }

    /** "{file} sets {key}={value}" and what that file, read later, wins over. */
    private static String setsAfter(String key, SettingElsewhere later) {
        return later.file() + " sets " + key + "=" + later.value() + winsOver(later.over());
    }

    /**
     * The details the bundles' texts take for a file read later that sets a key: the choice (0 is "no such file", so
     * 1 + what the file wins over), the file, its value, and the exported copy it wins over.
     */
    private static List<String> laterFileDetails(SettingElsewhere later) {
        return List.of(String.valueOf(1 + later.over().kind().ordinal()), later.file(), later.value(),
                later.over().file());
    }

    /** How a file read later that sets a key wins over {@code over}; nothing said when Port853 manages no file. */
    private static String winsOver(OverriddenSettings over) {
        return switch (over.kind()) {
            case PORT853 -> " after Port853's settings, so it wins over them";
            case EXPORTED_COPY -> " after the exported copy " + over.file() + ", so it wins over it";
            case NONE -> "";
        };
    }

    /** The reason of servers in use whose key is not their recorded pin, a change the user has not accepted. */
    public static final String PIN_CHANGED = "PIN_CHANGED";

    /**
     * {@code a} when the servers in use {@code servers} (as the pin store writes them) showed a key other than their pin
     * at the last check, which the user has not accepted: someone may be intercepting, so not PROTECTED whatever the
     * settings say.
     */
    public static Assessment keysChanged(Assessment a, List<String> servers) {
        String named = String.join(", ", servers);
        String accept = servers.size() == 1 ? "port853 pins --accept " + servers.get(0)
                : "port853 pins --accept SERVER for each of them";
        List<Reason> reasons = new ArrayList<>(a.reasons());
        String what = servers.size() == 1 ? "The key of " + named + " is not its recorded pin: someone on the network "
                + "may be intercepting DNS-over-TLS, or the provider changed its key." : "The keys of " + named + " are "
                + "not their recorded pins: someone on the network may be intercepting DNS-over-TLS, or the providers "
                + "changed their keys.";
        reasons.add(new Reason(PIN_CHANGED, Severity.WARNING, what, "Providers rotate keys rarely and announce it. If the "
                + "provider did not, use another network. Accept the new key only when you know why: " + accept + ".",
                List.of(named, String.valueOf(servers.size()))));
        return finish(reasons);
    }

    private static Assessment finish(List<Reason> reasons) {
        Severity worst = reasons.stream().map(Reason::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        List<Reason> sorted = new ArrayList<>(reasons);
        sorted.sort(Comparator.comparing(Reason::severity).reversed());
        return new Assessment(worst.verdict(), sorted);
    }
}
