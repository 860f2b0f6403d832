package org.port853.probe.doctor;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.LinkState;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.UnclaimedNames;
import org.port853.core.Words;
import org.port853.probe.dot.DotProbe;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TlsOutcome;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.PinVerdict;
import org.port853.probe.pins.Pinning;

/** Runs every check: one probe per server (in parallel), then the system-wide checks. */
public final class Doctor {
    /** The assessment's codes for a resolver names cannot go through: each is a failed check of its own. */
    private static final Set<String> RESOLVER_UNUSABLE = Set.of("RESOLVER_MISSING", "RESOLVER_STOPPED",
            "STATE_UNREADABLE");

    /**
     * The checks, the servers' probe reports, and the checks that could not run (with why); {@code skippedWords} says
     * each of {@code skipped} for the window (wording {@code skipped.<name>}, same order; empty: none given).
     */
    public record Report(List<Check> checks, List<ProbeReport> probes, List<String> skipped, List<Words> skippedWords) {
        public Report(List<Check> checks, List<ProbeReport> probes, List<String> skipped) {
            this(checks, probes, skipped, List.of());
        }

        public boolean failed() {
            return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILURE);
        }
    }

    private final DotProbe probe;
    private final SystemSources system;
    private final Clock clock;

    public Doctor(DotProbe probe, SystemSources system, Clock clock) {
        this.probe = probe;
        this.system = system;
        this.clock = clock;
    }

    /** The servers the resolver is configured with: global ones, else those of the links. */
    public static List<ServerAddress> configuredServers(ResolverState s) {
        if (s.global() == null) {
            return List.of();
        }
        if (!s.global().servers().isEmpty()) {
            return s.global().servers();
        }
        List<ServerAddress> out = new ArrayList<>();
        for (LinkState l : s.links()) {
            out.addAll(l.servers());
        }
        return out;
    }

    /**
     * What the diagnosis probes by default: the configured servers and, beside global ones, each link's own (a network
     * manager's or a VPN's): names routed to a link go to its servers alone, in the link's DoT mode. A link that gets
     * no query (no names of its own, and {@code ~.} elsewhere takes the rest) is left out: its server's TLS matters to
     * no lookup.
     */
    static List<ServerAddress> serversInUse(ResolverState s) {
        Set<ServerAddress> out = new LinkedHashSet<>(configuredServers(s));
        UnclaimedNames unclaimed = UnclaimedNames.in(s);
        s.links().stream().filter(l -> unclaimed.reach(l) || l.domains().stream().anyMatch(d -> !d.routesEverything()))
                .forEach(l -> out.addAll(l.servers()));
        return List.copyOf(out);
    }

    /** The resolver sends queries to {@code server}'s address and port (under whichever TLS name). */
    private static boolean inUse(ServerAddress server, ResolverState s) {
        return serversInUse(s).stream().anyMatch(u -> u.dotEndpoint().equals(server.dotEndpoint()));
    }

    /**
     * {@code servers} empty: the configured ones. {@code pins}: compared, never changed (recording is apply's and
     * {@code pins --check}'s); null: no pin checks. {@code reasons}: the adapter's assessment of {@code state}
     * (configuration rules live there).
     */
    public Report run(ResolverState state, List<Reason> reasons, List<ServerAddress> servers, ProbeOptions options, PinStore pins) {
        return run(state, reasons, servers, options, pins, Map.of());
    }

    /** Like the above; {@code published}: the pins providers publish for their servers (see the catalogue). */
    public Report run(ResolverState state, List<Reason> reasons, List<ServerAddress> servers, ProbeOptions options,
                      PinStore pins, Map<ServerAddress, List<String>> published) {
        List<Check> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Words> skippedWords = new ArrayList<>();
        // a stopped resolver's bus cannot say its servers: its configuration does (those it uses once started)
        Map<String, String> keys = servers.isEmpty() && state.installed() && !state.running() ? system.resolvedKeys(state)
                : Map.of();
        List<ServerAddress> fromConfig = ConfiguredServers.of(keys);
        List<ServerAddress> targets = !servers.isEmpty() ? servers : !fromConfig.isEmpty() ? fromConfig
                : serversInUse(state);
        if (targets.isEmpty() && state.installed() && !state.running()) {
            // a stopped resolver's settings cannot be read over its bus: "none configured" would be untrue
            skipped.add("server checks: the configured servers cannot be read while " + state.resolverName()
                    + " is not running; start it, or pass --server IP#NAME");
            skippedWords.add(Words.of("servers-unreadable", state.resolverName()));
        } else if (targets.isEmpty() && !state.installed()) {
            // no resolver of Port853's to read servers from: the system may still name some (resolv.conf)
            skipped.add("server checks: " + state.resolverName() + " is not installed, so there are no configured "
                    + "servers of its to read; pass --server IP#NAME");
            skippedWords.add(Words.of("servers-no-resolver", state.resolverName()));
        } else if (targets.isEmpty() && state.installed() && !state.readable()) {
            // running, but its settings did not come (a resolver that hangs): which servers it has is unknown
            skipped.add("server checks: the configured servers could not be read from " + state.resolverName()
                    + "; pass --server IP#NAME");
            skippedWords.add(Words.of("servers-not-read", state.resolverName()));
        } else if (targets.isEmpty()) {
            skipped.add("server checks: no DNS server is configured; pass --server IP#NAME");
            skippedWords.add(Words.of("no-servers"));
        }
        DotMode mode = !fromConfig.isEmpty() ? ConfiguredServers.mode(keys)
                : state.global() == null ? null : state.global().effectiveDotMode();
        DnssecMode resolverDnssec = state.global() == null ? null : state.global().dnssec();
        List<ProbeReport> reports = probeAll(targets, options);
        for (ProbeReport r : reports) {
            PinVerdict pin = pins == null ? null : Pinning.compare(pins, r, published.getOrDefault(r.server(), List.of()));
            DotMode serverMode = servers.isEmpty() ? modeOf(r.server(), state, mode) : mode;
            // a configured server the resolver never asks over TLS (DNS-over-TLS off for it): that it offers none (a
            // router) is worth knowing, not a failure; what fails is that encryption is off (config.dot-mode). Servers
            // named to vet them keep their verdict.
            boolean unusedOverTls = servers.isEmpty() && serverMode == DotMode.OFF;
            LinkState link = servers.isEmpty() ? linkBesideGlobal(r.server(), state) : null;
            boolean strictOnLink = link != null && serverMode == DotMode.STRICT && r.tls() != TlsOutcome.OK;
            boolean namedNotInUse = !servers.isEmpty() && (mode == DotMode.STRICT || mode == DotMode.OPPORTUNISTIC)
                    && !inUse(r.server(), state);
            List<DomainEntry> routed = link == null ? List.of()
                    : link.domains().stream().filter(d -> !d.routesEverything()).toList();
            // a link's server that takes only names the global servers take too fails no lookup: those answer them
            boolean asWarnings = unusedOverTls || strictOnLink && routed.isEmpty();
            for (Check c : ServerChecks.of(r, serverMode, resolverDnssec, pin, clock.instant())) {
                if (!fromConfig.isEmpty() && c.id().equals("dot.reachable")) {
                    c = c.adding("This server is named in the configuration (resolved.conf and its drop-ins): "
                            + state.resolverName() + " is not running, so it cannot say which servers it uses.",
                            "dot.reachable.from-configuration", state.resolverName());
                }
                if (namedNotInUse && c.id().equals("dot.down-mode")) {
                    c = ServerChecks.downModeNotInUse(mode, r.server().toString());
                }
                if (strictOnLink && c.id().equals("dot.down-mode")) {
                    c = ServerChecks.downModeOnLink(r.server().toString(), link.name(), routed.stream()
                            .map(DomainEntry::name).collect(Collectors.joining(", ")));
                }
                checks.add(asWarnings && c.status() == CheckStatus.FAILURE ? c.asWarning() : c);
            }
        }
        checks.add(ClockChecks.of(system.clock()));
        if (state.readable()) {
            checks.addAll(KnownBugs.of(state, system.resolverVersion(state)));
            checks.addAll(ConfigChecks.of(state, reasons, system.resolvedKeys(state), servers.isEmpty()));
            try {
                checks.addAll(JournalSignals.of(system.resolvedJournal(),
                        clock.instant().atZone(java.time.ZoneId.systemDefault())));
            } catch (IOException e) {
                skipped.add("journal checks: " + e.getMessage());
                // the window says why in its language where the reason is Port853's own, else in the system's words
                skippedWords.add(e instanceof JournalUnreadable j ? j.words() : Words.of("journal", e.getMessage()));
            }
        } else {
            // not installed, installed but stopped, or running without answering what it is set to: names cannot be
            // relied on through it, which is a failure, not only checks left out; a warning when servers were named to
            // vet them (their verdict is what was asked)
            reasons.stream().filter(r -> RESOLVER_UNUSABLE.contains(r.code()))
                    .findFirst().map(Doctor::resolverCheck)
                    .ifPresent(c -> checks.add(servers.isEmpty() ? c : c.asWarning()));
            skipped.add("resolver checks (known bugs, configuration, journal): " + (state.problem() == null
                    ? "the resolver's state could not be read" : state.problem()));
            skippedWords.add(Words.of("resolver", state.problemSentence(), state.problem() == null ? 0 : 1));
        }
        checks.add(ExposureCheck.of(system.dnsSockets(), system.nftRuleset(),
                new ReadOnce<>(system::runningPrograms)));
        // strict mode with the configured servers resolves only if one of them speaks TLS: else the one-click switch
        // would break every lookup (and be rolled back), so the fixes stay in words (choose a reachable provider)
        List<ServerAddress> configured = configuredServers(state);
        boolean strictResolvesNothing = servers.isEmpty() && !configured.isEmpty() && reports.stream()
                .filter(r -> configured.contains(r.server())).noneMatch(r -> r.tls() == TlsOutcome.OK);
        // turning encryption on keeps the configured servers when each has a TLS name (OneClickChanges): the same switch
        boolean enableKeepsThem = state.global() != null && state.global().serversAllNamed();
        Set<String> wouldFail = !strictResolvesNothing ? Set.of() : enableKeepsThem
                ? Set.of(FixActions.USE_STRICT_MODE, FixActions.ENABLE_DOT) : Set.of(FixActions.USE_STRICT_MODE);
        List<Check> said = checks.stream().map(c -> c.fixAction() != null && wouldFail.contains(c.fixAction())
                ? c.withFixAction(null) : c).toList();
        return new Report(said, reports, skipped, skippedWords);
    }

    /**
     * A resolver whose settings cannot be read, as the failed check of what is wrong with it. The window says an
     * unreadable one in words of its own: the reason's text needs the state's problem, which the skipped line says.
     */
    private static Check resolverCheck(Reason r) {
        return switch (r.code()) {
            case "RESOLVER_MISSING" -> Check.failure("resolver.installed", null, r.message(), r.fix()).repeats(List.of(r));
            case "RESOLVER_STOPPED" -> Check.failure("resolver.running", null, r.message(), r.fix()).repeats(List.of(r));
            default -> Check.failure("resolver.readable", null, r.message(), r.fix()).says("resolver.readable.unread");
        };
    }

    /** The link whose own server {@code server} is, where the resolver has global servers too; else null. */
    private static LinkState linkBesideGlobal(ServerAddress server, ResolverState state) {
        if (state.global() == null || state.global().servers().isEmpty() || state.global().servers().contains(server)) {
            return null;
        }
        return state.links().stream().filter(l -> l.servers().contains(server)).findFirst().orElse(null);
    }

    /** The DoT mode the resolver uses for configured {@code server}: its link's own setting, else the global one. */
    private static DotMode modeOf(ServerAddress server, ResolverState state, DotMode global) {
        if (state.global() != null && state.global().servers().contains(server)) {
            return global;
        }
        return state.links().stream().filter(l -> l.servers().contains(server) && l.dnsOverTls() != null)
                .map(LinkState::dnsOverTls).findFirst().orElse(global);
    }

    /** Probes in parallel (each probe is bound by its timeouts); results keep the servers' order. */
    public List<ProbeReport> probeAll(List<ServerAddress> servers, ProbeOptions options) {
        return probe.probeAll(servers, options);
    }
}
