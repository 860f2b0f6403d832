package org.port853.probe.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.port853.core.DotMode;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;

/**
 * Configuration risks. The rules the status assessment already knows are taken from it (one place for each
 * rule); the keys it does not read (Cache=, ReadEtcHosts=, DNSStubListenerExtra=) come from the effective
 * resolved.conf + drop-ins.
 */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    /**
     * {@code keys}: the effective [Resolve] keys (main file then drop-ins, last wins). {@code reasons}: the adapter's
     * assessment of the state (neutral and platform rules).
     */
    public static List<Check> of(ResolverState s, List<Reason> reasons, Map<String, String> keys) {
        return of(s, reasons, keys, true);
    }

    /**
     * {@code configuredProbed}: the report's server checks are of the configured servers (doctor without --server),
     * so they say why those refuse or cannot be reached.
     */
    public static List<Check> of(ResolverState s, List<Reason> reasons, Map<String, String> keys,
                                 boolean configuredProbed) {
        List<Check> out = new ArrayList<>();
        // the resolver's own lookup failed: names do not resolve, whatever the settings below promise
        List<Reason> lookupFailed = reasons.stream().filter(r -> LOOKUP_FAILED.contains(r.code())).toList();
        if (!lookupFailed.isEmpty()) {
            Check lookup = repeating("resolver.lookup", lookupFailed);
            // Status sends the user to doctor for the why; here the server checks of the same report say it (as the
            // window's diag.fix.NAMES_UNRESOLVED)
            out.add(!lookupFailed.get(0).code().equals("NAMES_UNRESOLVED") ? lookup : lookup.withFix("The DNS servers "
                    + "refuse queries or cannot be reached; " + (configuredProbed ? "the server checks of this report say "
                    + "which and why." : "this report checks the --server ones instead: 'port853 doctor' without "
                    + "--server checks the configured ones and says why.")));
        }
        Check names = fromReasons(Check.ok("config.dns-hostname", null, "DNS= holds addresses only.")
                .says("config.dns-hostname.ok"), reasons, Set.of("DNS_HOSTNAME"));
        boolean noServers = Reason.anyHas(reasons, Reason.NO_SERVERS);
        if (names.status() != CheckStatus.OK || !noServers) { // "given as addresses" says nothing where there are none
            out.add(names);
        }
        // the same finding as Status's (opportunistic or no encryption), so that the two screens agree
        out.add(fromReasons(Check.ok("config.dot-mode", null, "DNS-over-TLS runs in strict mode: nothing falls back to "
                + "plaintext.").says("config.dot-mode.strict"), reasons, DOT_MODE));
        out.add(fallback(s));
        out.add(fromReasons(Check.ok("config.link-bypass", null, "No link with plaintext servers takes queries past the global "
                + "DoT servers.").says("config.link-bypass.ok"), reasons, LINK_BYPASS));
        if (s.platform().hasStubResolverConfig()) {
            out.addAll(stubResolverChecks(reasons, keys));
        }
        // what Status says beyond the checks above, so that Diagnostics never passes what Status does not
        for (Reason r : reasons) {
            if (r.severity().lowersVerdict() && !COVERED.contains(r.code())) {
                out.add(repeating("config.finding", List.of(r)));
            }
        }
        return out;
    }

    private static final Set<String> LOOKUP_FAILED = Set.of("NAMES_UNRESOLVED", "DNSSEC_VALIDATION_FAILED");
    private static final Set<String> DOT_MODE = Set.of("DOT_OFF", "OPPORTUNISTIC", Reason.NO_SERVERS, "DOT_UNSUPPORTED",
            "DOT_DOWNGRADED");
    private static final Set<String> DROP_INS = Set.of("DROP_IN_OVERRIDES", "DROP_IN_HIDES_OURS", "DROP_IN_UNREADABLE",
            "DROP_IN_LINE_SKIPPED", "DROP_IN_DANGLING", "DROP_IN_OURS_LINKED", "DROP_IN_PIPE");
    private static final Set<String> LINK_BYPASS = Set.of("LINK_ANSWERED_PLAINTEXT", "LINK_PLAINTEXT_DEFAULT_ROUTE",
            "LINK_PLAINTEXT_DOMAINS");
    private static final Set<String> RESOLV_CONF = Set.of("RESOLV_CONF_UPLINK", "RESOLV_CONF_STATIC", "RESOLV_CONF_MISSING",
            "RESOLV_CONF_DIRECTORY", "RESOLV_CONF_SPECIAL", "RESOLV_CONF_CHANGING");
    /**
     * The codes a check of their own says: those above, the resolver's state (Doctor), systemd's bug #18060
     * ({@link KnownBugs}), the journal's fallback line ({@link JournalSignals}: journal.degraded).
     */
    private static final Set<String> COVERED = java.util.stream.Stream.of(LOOKUP_FAILED, DOT_MODE, DROP_INS, LINK_BYPASS,
            RESOLV_CONF, Set.of("DNS_HOSTNAME", "RESOLVER_STOPPED", "RESOLVER_MISSING", "STATE_UNREADABLE",
                    "STRICT_UDP_FALLBACK", "DOT_DOWNGRADED_JOURNAL")).flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    /** /etc/resolv.conf and the resolved.conf keys (see {@link org.port853.core.PlatformDetails#hasStubResolverConfig}). */
    private static List<Check> stubResolverChecks(List<Reason> reasons, Map<String, String> keys) {
        List<Check> out = new ArrayList<>();
        out.add(fromReasons(Check.ok("config.resolv-conf", null, "/etc/resolv.conf points programs at the stub.")
                        .says("config.resolv-conf.ok"), reasons, RESOLV_CONF));
        // a link to a missing drop-in is information only (resolved skips it), as Status says
        List<Reason> dropInRisks = reasons.stream().filter(r -> r.severity().lowersVerdict()).toList();
        out.add(fromReasons(Check.ok("config.drop-ins", null, "No other configuration file overrides or hides Port853's "
                + "settings.").says("config.drop-ins.ok"), dropInRisks, DROP_INS));
        String extra = keys.getOrDefault("DNSStubListenerExtra", "").strip();
        List<String> exposed = new ArrayList<>();
        for (String e : extra.split("\\s+")) {
            String host = e.replaceFirst("^(udp|tcp):", "").replaceFirst("^\\[(.*)\\](:\\d+)?$", "$1").replaceFirst("^([0-9.]+):\\d+$", "$1");
            if (!host.isEmpty() && !host.startsWith("127.") && !host.equals("::1")) {
                exposed.add(e);
            }
        }
        out.add(exposed.isEmpty() ? Check.ok("config.stub-exposed", null, "The stub listens on loopback only.")
                .says("config.stub-exposed.loopback")
                : Check.warning("config.stub-exposed", null, "DNSStubListenerExtra=" + String.join(" ", exposed)
                + " makes the stub answer beyond loopback: other machines can use (and probe) this resolver.",
                "Remove DNSStubListenerExtra= unless this machine is meant to serve DNS to others; then firewall it.")
                .says("config.stub-exposed.beyond", String.join(" ", exposed)));
        String cache = keys.getOrDefault("Cache", "yes").strip();
        out.add(cache.equals("no") || cache.equals("false") || cache.equals("0")
                ? Check.warning("config.cache", null, "resolved's cache is off: every lookup goes to the provider over "
                + "TLS, slower and more visible to the provider.", "Remove Cache=" + cache + " from resolved.conf or the "
                + "drop-in that sets it (the cache is on by default).").says("config.cache.off", cache)
                : Check.ok("config.cache", null, "resolved's cache is on.").says("config.cache.on", cache));
        String hosts = keys.getOrDefault("ReadEtcHosts", "yes").strip();
        out.add(hosts.equals("no") || hosts.equals("false") || hosts.equals("0")
                ? Check.warning("config.etc-hosts", null, "resolved does not read /etc/hosts: names in it (including "
                + "localhost aliases) are sent to the provider instead of answered locally.", "Remove ReadEtcHosts="
                + hosts + " from resolved.conf or the drop-in that sets it.").says("config.etc-hosts.off", hosts)
                : Check.ok("config.etc-hosts", null, "resolved answers the names in /etc/hosts itself.")
                .says("config.etc-hosts.read", hosts));
        return out;
    }

    private static Check fallback(ResolverState s) {
        List<ServerAddress> fb = s.global().fallbackServers();
        DotMode mode = s.global().effectiveDotMode();
        String plain = fb.stream().filter(ServerAddress::unnamed).map(ServerAddress::addressText).collect(Collectors.joining(", "));
        if (plain.isEmpty() || mode == DotMode.OFF) {
            String all = fb.stream().map(ServerAddress::toString).collect(Collectors.joining(", "));
            return fb.isEmpty() ? Check.ok("config.fallback-plaintext", null, "No fallback servers.")
                    .says("config.fallback-plaintext.none")
                    : Check.ok("config.fallback-plaintext", null, "Fallback servers " + all + ".")
                    .says("config.fallback-plaintext.listed", all);
        }
        return Check.warning("config.fallback-plaintext", null, "FallbackDNS servers " + plain + " have no TLS name: when no "
                        + "other server is known they are used " + (mode == DotMode.STRICT ? "and fail the certificate check"
                        : "possibly in plaintext") + ".",
                "Set FallbackDNS= to DoT servers with #name, or empty (Port853's drop-in does this on apply).")
                .says("config.fallback-plaintext.plain", plain, mode == DotMode.STRICT ? 1 : 0);
    }

    /** {@code ok}: the check when none of the {@code codes} is among the {@code reasons}. */
    private static Check fromReasons(Check ok, List<Reason> reasons, Set<String> codes) {
        List<Reason> hits = reasons.stream().filter(r -> codes.contains(r.code())).collect(Collectors.toList());
        if (hits.isEmpty()) {
            return ok;
        }
        return repeating(ok.id(), hits);
    }

    /** Check {@code id} saying the assessment's {@code hits} (at least one), with the first one's fix. */
    private static Check repeating(String id, List<Reason> hits) {
        Reason r = hits.get(0);
        String evidence = hits.stream().map(Reason::message).collect(Collectors.joining(" "));
        // as Status: "Not encrypted" or "Not working" (no server anywhere, names do not resolve) is a failure, "At
        // risk" a warning
        boolean broken = hits.stream().anyMatch(h -> h.severity().failsProtection());
        Check c = broken ? Check.failure(id, null, evidence, r.fix()).repeats(hits)
                : Check.warning(id, null, evidence, r.fix()).repeats(hits);
        return r.fixAction() == null ? c : c.withFixAction(r.fixAction().name());
    }
}
