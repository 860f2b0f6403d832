package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Reason;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.core.Assessor;
import org.port853.core.Assessment;
import org.port853.core.DropIn;
import org.port853.platform.linux.LinuxDetails;
import org.port853.platform.linux.LinuxRules;

class DoctorRulesTest {
    static List<String> resource(String name) throws IOException {
        try (InputStream in = DoctorRulesTest.class.getResourceAsStream(name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    static Check find(List<Check> checks, String id) {
        Optional<Check> c = checks.stream().filter(x -> x.id().equals(id)).findFirst();
        return c.orElseThrow(() -> new AssertionError("no " + id + " in " + checks));
    }

    static ResolverState state(int version, DotMode global, List<LinkState> links, List<ServerAddress> fallback) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("198.18.53.2#dot.test")), fallback, null, global,
                DnssecMode.NO, false, List.of(), "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, links, null, null,
                new LinuxDetails(version, new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of()));
    }

    /** A synchronised clock, an empty journal, no sockets or rules: the system checks say nothing. */
    private static final SystemSources QUIET = new SystemSources() {
        @Override public ClockStatus clock() { return new ClockStatus(true, true, 1.0, 0.0, null); }
        @Override public JournalExcerpt resolvedJournal() { return new JournalExcerpt(List.of(), null); }
        @Override public List<ListeningSockets.Socket> dnsSockets() { return List.of(); }
        @Override public String nftRuleset() { return ""; }
        @Override public Map<String, String> resolvedKeys(ResolverState state) { return Map.of(); }
        @Override public int resolverVersion(ResolverState state) { return 252; }
    };

    /** A doctor whose probes use the system's trust anchors and clock, reading the system through {@code sources}. */
    static Doctor doctor(SystemSources sources) {
        return new Doctor(new org.port853.probe.dot.DotProbe(org.port853.probe.dot.TrustAnchors.configured(),
                java.time.Clock.systemUTC()), sources, java.time.Clock.systemUTC());
    }

    /** {@code doctor}'s report with probes that give up after a second. */
    static Doctor.Report quickly(Doctor doctor, ResolverState s, List<Reason> reasons, List<ServerAddress> servers) {
        return doctor.run(s, reasons, servers, org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1)),
                null);
    }

    static List<Check> bugs(int version, ResolverState s) {
        return KnownBugs.of(s, version);
    }

    static List<Check> config(ResolverState s, Map<String, String> keys) {
        return ConfigChecks.of(s, Assessor.assess(s, new LinuxRules().assess(s)).reasons(), keys);
    }

    /** A running resolved with no DNS server anywhere and encryption off. */
    static ResolverState noServers() {
        GlobalState none = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(), "yes",
                "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, none, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of()));
    }

    @Test
    @DisplayName("no DNS server anywhere: a failure, as Status's 'Not working', and no 'given as addresses' about none")
    void noServersIsAFailure() {
        ResolverState s = noServers();
        List<Check> c = config(s, Map.of());
        assertEquals(CheckStatus.FAILURE, find(c, "config.dot-mode").status());
        assertTrue(c.stream().noneMatch(x -> x.id().equals("config.dns-hostname")), c.toString());
        // with servers and encryption off the addresses are judged
        List<Check> off = config(state(252, DotMode.OFF, List.of(), List.of()), Map.of());
        assertEquals(CheckStatus.OK, find(off, "config.dns-hostname").status());
    }

    @Test
    void recordedDegradedLineIsAFailureWithTheStrictFix() throws IOException {
        List<Check> c = JournalSignals.of(JournalExcerpts.of(resource("journal-252-opportunistic-fallback.txt")),
                JournalExcerpts.NOW);
        Check degraded = find(c, "journal.degraded");
        assertEquals(CheckStatus.FAILURE, degraded.status());
        assertTrue(degraded.evidence().contains("198.18.86.4#dot.test"));
        assertEquals(FixActions.USE_STRICT_MODE, degraded.fixAction());
        assertEquals(CheckStatus.OK, find(c, "journal.certificate").status());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the journal checks say since when they read (the resolver's start) and when the "
            + "last line was logged, with the date where it is not today; an excerpt without times says this boot")
    void journalEvidenceSaysItsTimes() {
        Check degraded = find(JournalSignals.of(JournalExcerpts.of(List.of(LinuxSystemSourcesTest.FELL_BACK)),
                JournalExcerpts.NOW), "journal.degraded");
        assertEquals("1 line(s) in systemd-resolved's journal since 14:02, the last at 14:03: '"
                + LinuxSystemSourcesTest.FELL_BACK + "': resolved gave up TLS for that server (opportunistic fallback to "
                + "plaintext, or in strict mode no answers).", degraded.evidence());
        Check quiet = find(JournalSignals.of(new JournalExcerpt(List.of(), JournalExcerpts.START),
                JournalExcerpts.NOW.plusDays(1)), "journal.certificate");
        assertEquals("No TLS certificate errors in systemd-resolved's journal since 2026-11-30 14:02.", quiet.evidence());
        Check unread = find(JournalSignals.of(new JournalExcerpt(List.of(), null), JournalExcerpts.NOW),
                "journal.server-error");
        assertEquals("No 'Server returned error' in systemd-resolved's journal of this boot.", unread.evidence());
    }

    @Test
    void aStepWithinTlsIsNoFallbackToFixWithStrictMode() {
        Check degraded = find(JournalSignals.of(JournalExcerpts.of(List.of("Using degraded feature set TLS+EDNS0 instead "
                + "of TLS+EDNS0+DO for DNS server 198.18.86.2#dot.test.")), JournalExcerpts.NOW), "journal.degraded");
        assertEquals(null, degraded.fixAction(), "resolved still asks that server over TLS: " + degraded.evidence());
    }

    @Test
    void certificateAndServerErrorsAreMapped() throws IOException {
        List<Check> c = JournalSignals.of(JournalExcerpts.of(resource("journal-252-certificate.txt")), JournalExcerpts.NOW);
        assertEquals(CheckStatus.FAILURE, find(c, "journal.certificate").status());
        assertEquals(CheckStatus.WARNING, find(c, "journal.server-error").status());
        assertEquals(CheckStatus.OK, find(c, "journal.degraded").status());
    }

    @Test
    void bug18060AppliesToStrictBefore249Only() {
        assertEquals(CheckStatus.WARNING, find(bugs(247, state(247, DotMode.STRICT, List.of(), List.of())),
                "bug.strict-udp-fallback").status(), "as status: At risk (STRICT_UDP_FALLBACK is a warning), not failed");
        assertEquals(CheckStatus.OK, find(bugs(252, state(252, DotMode.STRICT, List.of(), List.of())), "bug.strict-udp-fallback").status());
        assertEquals(CheckStatus.OK, find(bugs(247, state(247, DotMode.OFF, List.of(), List.of())), "bug.strict-udp-fallback").status());
    }

    @Test
    void strictLinkUnderWeakerGlobalIsUnverifiedUntilTheFix() {
        LinkState vpn = new LinkState(3, "tun0", List.of(ServerAddress.parse("10.8.0.1#vpn.test")), DotMode.STRICT, null,
                List.of(), false, null);
        Check c = find(bugs(252, state(252, DotMode.OPPORTUNISTIC, List.of(vpn), List.of())), "bug.link-strict-unverified");
        assertEquals(CheckStatus.WARNING, c.status(), "an unauthenticated link, like opportunistic mode: At risk");
        assertTrue(c.evidence().contains("tun0"));
        assertEquals(CheckStatus.OK, find(bugs(262, state(262, DotMode.OPPORTUNISTIC, List.of(vpn), List.of())),
                "bug.link-strict-unverified").status());
        assertEquals(CheckStatus.OK, find(bugs(252, state(252, DotMode.STRICT, List.of(vpn), List.of())),
                "bug.link-strict-unverified").status());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the evidence says what a setting means, not the raw key=value, and names a bug "
            + "number with whose it is (systemd issue #18060, systemd PR #41818); the fix names the setting to remove")
    void evidenceSaysMeaningsNotKeysAndWhoseBugNumbers() {
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        List<Check> off = config(s, Map.of("Cache", "no", "ReadEtcHosts", "false"));
        List<Check> on = config(s, Map.of("Cache", "yes", "ReadEtcHosts", "yes"));
        assertEquals("resolved's cache is off: every lookup goes to the provider over TLS, slower and more visible to "
                + "the provider.", find(off, "config.cache").evidence());
        assertEquals("Remove Cache=no from resolved.conf or the drop-in that sets it (the cache is on by default).",
                find(off, "config.cache").fix());
        assertEquals("resolved's cache is on.", find(on, "config.cache").evidence());
        assertEquals("resolved does not read /etc/hosts: names in it (including localhost aliases) are sent to the "
                + "provider instead of answered locally.", find(off, "config.etc-hosts").evidence());
        assertEquals("Remove ReadEtcHosts=false from resolved.conf or the drop-in that sets it.",
                find(off, "config.etc-hosts").fix());
        assertEquals("resolved answers the names in /etc/hosts itself.", find(on, "config.etc-hosts").evidence());
        LinkState vpn = new LinkState(3, "tun0", List.of(ServerAddress.parse("10.8.0.1#vpn.test")), DotMode.STRICT, null,
                List.of(), false, null);
        List<Check> bugs = new java.util.ArrayList<>();
        for (int v : new int[] {247, 252, 262}) {
            for (DotMode mode : DotMode.values()) {
                bugs.addAll(bugs(v, state(v, mode, List.of(), List.of())));
                bugs.addAll(bugs(v, state(v, mode, List.of(vpn), List.of())));
            }
        }
        for (Check c : bugs) {
            String said = c.evidence() + " " + c.fix();
            assertTrue(!said.matches(".*(?<!systemd issue |systemd PR )#\\d.*"), "a bare number: " + said);
        }
        assertTrue(find(bugs(247, state(247, DotMode.STRICT, List.of(), List.of())), "bug.strict-udp-fallback").evidence()
                .startsWith("systemd 247 has systemd issue #18060: in strict mode resolved can "), "whose bug it is");
    }

    @Test
    void configurationRisks() {
        LinkState dhcp = new LinkState(2, "eth0", List.of(ServerAddress.parse("192.0.2.1")), null, null, List.of(), true, null);
        ResolverState s = state(252, DotMode.OPPORTUNISTIC, List.of(dhcp), List.of(ServerAddress.parse("192.0.2.53")));
        List<Check> c = config(s, Map.of("Cache", "no", "ReadEtcHosts", "no", "DNSStubListenerExtra", "192.168.1.10 127.0.0.2"));
        assertEquals(CheckStatus.WARNING, find(c, "config.cache").status());
        assertEquals(CheckStatus.WARNING, find(c, "config.etc-hosts").status());
        assertEquals(CheckStatus.WARNING, find(c, "config.stub-exposed").status());
        assertTrue(find(c, "config.stub-exposed").evidence().contains("192.168.1.10"));
        assertTrue(!find(c, "config.stub-exposed").evidence().contains("127.0.0.2"));
        assertEquals(CheckStatus.WARNING, find(c, "config.fallback-plaintext").status());
        assertEquals(CheckStatus.WARNING, find(c, "config.link-bypass").status());
        assertEquals("ROUTE_ALL_DOMAINS", find(c, "config.link-bypass").fixAction());
        assertEquals(CheckStatus.OK, find(c, "config.resolv-conf").status());
        assertEquals(CheckStatus.WARNING, find(c, "config.dot-mode").status(), "opportunistic, as Status says");
        assertEquals("USE_STRICT_MODE", find(c, "config.dot-mode").fixAction());
        List<Check> clean = config(state(252, DotMode.STRICT, List.of(), List.of()), Map.of());
        assertTrue(clean.stream().allMatch(x -> x.status() == CheckStatus.OK), clean.toString());
    }

    @Test
    @DisplayName("the encryption-mode check follows Status: OK only in strict mode, opportunistic a warning ('At "
            + "risk'), encryption off a failure ('Not encrypted'), no servers at all a failure ('Not working')")
    void dotModeIsOkOnlyWhenStrict() {
        GlobalState none = new GlobalState(List.of(), List.of(), null, null, DnssecMode.NO, false, List.of(), "yes", "stub");
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        ResolverState empty = new ResolverState(s.resolverName(), s.source(), true, true, none, List.of(), null, null,
                s.platform());
        assertEquals(CheckStatus.FAILURE, find(config(empty, Map.of()), "config.dot-mode").status());
        assertEquals(CheckStatus.FAILURE, find(config(state(252, DotMode.OFF, List.of(), List.of()), Map.of()),
                "config.dot-mode").status());
        assertEquals(CheckStatus.WARNING, find(config(state(252, DotMode.OPPORTUNISTIC, List.of(), List.of()), Map.of()),
                "config.dot-mode").status());
        assertEquals(CheckStatus.OK, find(config(s, Map.of()), "config.dot-mode").status());
    }

    @Test
    @DisplayName("Diagnostics never passes what Status does not: a drop-in that overrides Port853's, an interrupted "
            + "change, a lookup that failed (DNSSEC named as the cause) and an observed fallback to plaintext are all "
            + "checks, failures where Status says 'Not working' or 'Not encrypted'")
    void everyStatusFindingIsACheck() {
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        DropIn ours = new DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false,
                Map.of("DNSOverTLS", "yes"), null);
        DropIn vpn = new DropIn("/etc/systemd/resolved.conf.d/zzz-vpn.conf", false, true,
                Map.of("DNSOverTLS", "opportunistic"), null);
        ResolverState overridden = new ResolverState(s.resolverName(), s.source(), true, true, s.global(), List.of(),
                null, null, new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(ours, vpn)));
        Check dropIns = find(config(overridden, Map.of()), "config.drop-ins");
        assertEquals(CheckStatus.WARNING, dropIns.status());
        assertTrue(dropIns.evidence().contains("zzz-vpn.conf"), dropIns.evidence());
        assertEquals(CheckStatus.OK, find(config(s, Map.of()), "config.drop-ins").status());
        DropIn dangling = new DropIn("/etc/systemd/resolved.conf.d/50-gone.conf", false, false, Map.of(),
                "a link to a missing file"); // DropInScanner.DANGLING_LINK: resolved skips it, nothing is lost
        ResolverState skipped = new ResolverState(s.resolverName(), s.source(), true, true, s.global(), List.of(),
                null, null, new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(ours, dangling)));
        assertEquals(CheckStatus.OK, find(config(skipped, Map.of()), "config.drop-ins").status());

        Assessment a = Assessor.assess(s, new LinuxRules().assess(s));
        Assessment dnssec = Assessor.namesUnresolved(a, s, "p853-probe.example.com: DNSSEC validation "
                + "failed: no-signature");
        Check lookup = find(ConfigChecks.of(s, dnssec.reasons(), Map.of()), "resolver.lookup");
        assertEquals(CheckStatus.FAILURE, lookup.status());
        assertEquals("DNSSEC_VALIDATION_FAILED", lookup.reasons().get(0).code());
        assertTrue(lookup.fix().contains("--dnssec no"), lookup.fix());
        Assessment refused = Assessor.namesUnresolved(a, s, "p853-probe.example.com: Query refused");
        assertEquals("NAMES_UNRESOLVED", find(ConfigChecks.of(s, refused.reasons(), Map.of()), "resolver.lookup")
                .reasons().get(0).code());
        assertTrue(ConfigChecks.of(s, a.reasons(), Map.of()).stream().noneMatch(c -> c.id().equals("resolver.lookup")));

        List<org.port853.core.Reason> more = List.of(new org.port853.core.Reason("CHANGE_INTERRUPTED",
                org.port853.core.Severity.BROKEN, "A change was interrupted.", "Run port853 recover."),
                new org.port853.core.Reason("DOT_DOWNGRADED", org.port853.core.Severity.UNENCRYPTED,
                        "Opportunistic mode fell back to plaintext.", "Use strict mode."),
                new org.port853.core.Reason("LINK_STRICT_INHERITED", org.port853.core.Severity.INFO, "Fine.", null));
        List<Check> c = ConfigChecks.of(s, more, Map.of());
        assertEquals(CheckStatus.FAILURE, find(c, "config.finding").status());
        assertEquals("CHANGE_INTERRUPTED", find(c, "config.finding").reasons().get(0).code());
        assertEquals(1, c.stream().filter(x -> x.id().equals("config.finding")).count(), "information is no finding");
        assertEquals(CheckStatus.FAILURE, find(c, "config.dot-mode").status(), "plaintext seen: 'Not encrypted'");
    }

    @Test
    @DisplayName("harden --revert plans removing the rule file only when it is there")
    void hardeningRevertPlan() {
        assertEquals(List.of("nft delete table inet port853", "remove " + Hardening.FILE), Hardening.plannedActions(true, true));
        assertEquals(1, Hardening.plannedActions(true, false).size());
        assertTrue(Hardening.plannedActions(true, false).get(0).contains("is not there"));
    }

    @Test
    void port53ExposureFromProcNetAndNft() {
        String tcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   991        0 1 1 0\n"
                + "   1: 00000000:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0\n"
                + "   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0\n";
        List<ListeningSockets.Socket> s = ListeningSockets.port53(tcp, "tcp");
        assertEquals(2, s.size());
        assertEquals("127.0.0.53", s.get(0).address());
        assertTrue(s.get(0).loopback());
        assertEquals("0.0.0.0", s.get(1).address());
        Check open = ExposureCheck.of(s, "{\"nftables\": []}");
        assertEquals(CheckStatus.WARNING, open.status());
        assertEquals(FixActions.HARDEN_PORT_53, open.fixAction());
        String hardened = "{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"port853\"}}, {\"chain\": {\"family\": \"inet\", \"table\": \"port853\", \"name\": \"input\"}}]}";
        assertEquals(CheckStatus.OK, ExposureCheck.of(s, hardened).status());
        assertEquals(CheckStatus.OK, ExposureCheck.of(s.subList(0, 1), null).status());
        assertTrue(Hardening.ruleset().contains("iifname != \"lo\" udp dport 53 drop"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a resolver that is installed but stopped is a failed check, not only checks left "
            + "out, and so is a machine without it (a warning where servers given with --server are vetted)")
    void stoppedResolverFails() {
        Doctor doctor = doctor(QUIET);
        ResolverState stopped = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", null);
        Doctor.Report report = quickly(doctor, stopped, Assessor.assess(stopped, List.of()).reasons(), List.of());
        Check running = find(report.checks(), "resolver.running");
        assertEquals(CheckStatus.FAILURE, running.status());
        assertEquals("systemd-resolved is installed but not running.", running.evidence());
        assertEquals("server checks: the configured servers cannot be read while systemd-resolved is not running; "
                + "start it, or pass --server IP#NAME", report.skipped().get(0), "not 'no DNS server is configured'");
        // servers named to vet them (closed loopback port: refused at once, nothing leaves): only a warning
        Doctor.Report vetting = quickly(doctor, stopped, Assessor.assess(stopped, List.of()).reasons(),
                List.of(ServerAddress.parse("127.0.0.1:9#dot.test")));
        assertEquals(CheckStatus.WARNING, find(vetting.checks(), "resolver.running").status());
        ResolverState missing = new ResolverState("systemd-resolved", StateSource.DBUS, false, false, null, List.of(),
                null, "systemd-resolved is not installed", null);
        Doctor.Report withoutResolver = quickly(doctor, missing, Assessor.assess(missing, List.of()).reasons(), List.of());
        // README: what status calls UNAVAILABLE is a failed check (doctor exits 1), a warning when servers are vetted
        assertTrue(withoutResolver.checks().stream().noneMatch(c -> c.id().equals("resolver.running")));
        Check installed = find(withoutResolver.checks(), "resolver.installed");
        assertEquals(CheckStatus.FAILURE, installed.status());
        assertEquals("RESOLVER_MISSING", installed.reasons().get(0).code());
        assertTrue(withoutResolver.failed());
        Doctor.Report vettingWithoutResolver = quickly(doctor, missing, Assessor.assess(missing, List.of()).reasons(),
                List.of(ServerAddress.parse("127.0.0.1:9#dot.test")));
        assertEquals(CheckStatus.WARNING, find(vettingWithoutResolver.checks(), "resolver.installed").status());
        // not 'no DNS server is configured': /etc/resolv.conf may well name some (rig: /usr/lib/systemd hidden)
        assertEquals("server checks: systemd-resolved is not installed, so there are no configured servers of its to "
                + "read; pass --server IP#NAME", withoutResolver.skipped().get(0));
        assertEquals("servers-no-resolver", withoutResolver.skippedWords().get(0).wording());
    }

    @Test
    @DisplayName("a stopped resolver: the servers its configuration names (Port853's drop-in) are still probed, in its "
            + "configured mode, saying where they come from")
    void stoppedResolverServersComeFromTheConfiguration() {
        // closed port: nothing leaves
        Doctor doctor = doctor(configuring(Map.of("DNS", "127.0.0.1:9#dot.test dot.test", "DNSOverTLS", "yes")));
        ResolverState stopped = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", null);
        Doctor.Report report = quickly(doctor, stopped, Assessor.assess(stopped, List.of()).reasons(), List.of());
        Check reachable = find(report.checks(), "dot.reachable");
        assertEquals("127.0.0.1:9#dot.test", reachable.server());
        assertTrue(reachable.evidence().endsWith("This server is named in the configuration (resolved.conf and its "
                + "drop-ins): systemd-resolved is not running, so it cannot say which servers it uses."), reachable.evidence());
        assertEquals("dot.down-mode.strict", find(report.checks(), "dot.down-mode").words().get(0).wording());
        assertEquals(CheckStatus.FAILURE, find(report.checks(), "resolver.running").status());
        assertTrue(report.skippedWords().stream().noneMatch(w -> w.wording().equals("servers-unreadable")),
                report.skipped().toString());
        // no DNSOverTLS= anywhere: resolved's built-in default (off), not "the mode is unknown"; the server is not
        // asked over TLS then, so its missing TLS is a warning
        Doctor.Report byDefault = quickly(doctor(configuring(Map.of("DNS", "127.0.0.1:9#dot.test"))), stopped,
                Assessor.assess(stopped, List.of()).reasons(), List.of());
        Check downMode = find(byDefault.checks(), "dot.down-mode");
        assertTrue(downMode.evidence().endsWith("the resolver's DoT mode is off."), downMode.evidence());
        assertEquals(CheckStatus.WARNING, downMode.status());
    }

    /** A quiet system whose resolved.conf and drop-ins set {@code keys}. */
    private static SystemSources configuring(Map<String, String> keys) {
        return new SystemSources() {
            @Override public ClockStatus clock() { return QUIET.clock(); }
            @Override public JournalExcerpt resolvedJournal() { return new JournalExcerpt(List.of(), null); }
            @Override public List<ListeningSockets.Socket> dnsSockets() { return List.of(); }
            @Override public String nftRuleset() { return ""; }
            @Override public Map<String, String> resolvedKeys(ResolverState state) { return keys; }
            @Override public int resolverVersion(ResolverState state) { return 252; }
        };
    }

    @Test
    @DisplayName("a resolver that runs but does not say how it is set up (it hangs) is a failed check, and its "
            + "servers are unknown, not 'none configured'")
    void unreadableRunningResolverFails() {
        Doctor doctor = doctor(QUIET);
        org.port853.core.Sentence bus = org.port853.core.Sentence.of(
                "systemd-resolved did not answer on D-Bus within 3000 ms", "problem.bus-no-answer", 3000);
        ResolverState hung = ResolverState.unreadable("systemd-resolved", StateSource.NONE, true, true, null,
                org.port853.core.Sentence.of("D-Bus unavailable (" + bus.english() + ") and resolvectl did not answer "
                        + "within 10 s", "problem.bus-and-resolvectl", bus, org.port853.core.Sentence.of(
                        "resolvectl did not answer within 10 s", "problem.resolvectl-no-answer", 10)), null);
        Doctor.Report report = quickly(doctor, hung, Assessor.assess(hung, new LinuxRules().assess(hung)).reasons(),
                List.of());
        assertEquals(CheckStatus.FAILURE, find(report.checks(), "resolver.readable").status());
        assertEquals("server checks: the configured servers could not be read from systemd-resolved; pass --server "
                + "IP#NAME", report.skipped().get(0), "not 'no DNS server is configured'");
        assertEquals("servers-not-read", report.skippedWords().get(0).wording());
        // why, in the window's words where Port853 says it (rig walkthrough: the English sentence in German)
        assertEquals("die Resolver-Prüfungen (bekannte Fehler, Konfiguration, Journal), weil der Zustand des Resolvers "
                + "nicht lesbar war: D-Bus ist nicht verfügbar (systemd-resolved hat nicht innerhalb von 3000 ms über "
                + "D-Bus geantwortet), und resolvectl hat nicht innerhalb von 10 s geantwortet",
                org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> org.port853.ui.common.I18n.said(
                        "diag.skipped.", report.skippedWords().get(1), "", report.skipped().get(1))));
        // said in whole, not "… could not be read;" with nothing after it (the reason's text needs the state)
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            org.port853.ui.diagnostics.CheckTexts.Text t = org.port853.ui.common.I18n.in(l,
                    () -> org.port853.ui.diagnostics.CheckTexts.of(find(report.checks(), "resolver.readable")));
            assertTrue(t.evidence().endsWith(").") || t.evidence().endsWith("“)."), t.evidence());
            assertTrue(t.fix().contains("systemctl status"), t.fix());
        }
    }

    @Test
    @DisplayName("with DNS-over-TLS off, a configured server that offers none (a router) is a warning: the failure is "
            + "that encryption is off; the same server named to vet it fails")
    void configuredServerWithoutDotWhileOffIsAWarning() {
        Doctor doctor = doctor(QUIET);
        ServerAddress closed = ServerAddress.parse("127.0.0.1:9#dot.test"); // refused at once, nothing leaves
        GlobalState off = new GlobalState(List.of(closed), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                "yes", "stub");
        ResolverState s = state(252, DotMode.OFF, List.of(), List.of());
        ResolverState router = new ResolverState(s.resolverName(), s.source(), true, true, off, List.of(), null, null,
                s.platform());
        List<org.port853.core.Reason> reasons = Assessor.assess(router, new LinuxRules().assess(router)).reasons();
        var quick = org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1));
        Doctor.Report configured = doctor.run(router, reasons, List.of(), quick, null);
        assertEquals(CheckStatus.WARNING, find(configured.checks(), "dot.reachable").status());
        assertEquals(CheckStatus.FAILURE, find(configured.checks(), "config.dot-mode").status());
        assertTrue(configured.failed(), "encryption off fails the diagnosis");
        Doctor.Report vetted = doctor.run(router, reasons, List.of(closed), quick, null);
        assertEquals(CheckStatus.FAILURE, find(vetted.checks(), "dot.reachable").status());
        // a link strict on its own (a VPN) while the global mode is off: resolved does ask its server over TLS
        GlobalState offNoServers = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        LinkState vpn = new LinkState(5, "wg0", List.of(closed), DotMode.STRICT, null, List.of(), false, null);
        ResolverState strictLink = new ResolverState(s.resolverName(), s.source(), true, true, offNoServers,
                List.of(vpn), null, null, s.platform());
        Doctor.Report viaLink = doctor.run(strictLink, Assessor.assess(strictLink, new LinuxRules().assess(strictLink))
                .reasons(), List.of(), quick, null);
        assertEquals(CheckStatus.FAILURE, find(viaLink.checks(), "dot.reachable").status());
        assertEquals(CheckStatus.FAILURE, find(viaLink.checks(), "dot.down-mode").status(), "strict: fails by design");
    }

    @Test
    @DisplayName("a link's own server beside the global ones (a network manager's) is probed too: in strict mode, names "
            + "routed to it fail when it offers no TLS; without routed names the global servers answer (warnings)")
    void linkServersBesideGlobalOnesAreProbed() {
        Doctor doctor = doctor(QUIET);
        ServerAddress global = ServerAddress.parse("127.0.0.1:10#dot.test"); // closed loopback ports: nothing leaves
        ServerAddress router = ServerAddress.parse("127.0.0.1:9");
        GlobalState strict = new GlobalState(List.of(global), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        var quick = org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1));
        LinkState corp = new LinkState(2, "eth0", List.of(router), DotMode.STRICT, null,
                List.of(new org.port853.core.DomainEntry("corp.example", true)), false, null);
        ResolverState routed = new ResolverState(s.resolverName(), s.source(), true, true, strict, List.of(corp), null,
                null, s.platform());
        Doctor.Report r = doctor.run(routed, Assessor.assess(routed, new LinuxRules().assess(routed)).reasons(),
                List.of(), quick, null);
        Check down = r.checks().stream().filter(c -> c.id().equals("dot.down-mode") && router.toString().equals(c.server()))
                .findFirst().orElseThrow(() -> new AssertionError("link server not probed: " + r.checks()));
        assertEquals(CheckStatus.FAILURE, down.status());
        assertTrue(down.evidence().startsWith("Names under corp.example go only to the servers of link eth0"), down.evidence());
        LinkState dhcp = new LinkState(2, "eth0", List.of(router), DotMode.STRICT, null, List.of(), true, null);
        ResolverState beside = new ResolverState(s.resolverName(), s.source(), true, true, strict, List.of(dhcp), null,
                null, s.platform());
        Doctor.Report b = doctor.run(beside, Assessor.assess(beside, new LinuxRules().assess(beside)).reasons(),
                List.of(), quick, null);
        List<Check> routers = b.checks().stream().filter(c -> router.toString().equals(c.server())).toList();
        assertEquals(List.of("dot.reachable", "dot.down-mode"), routers.stream().map(Check::id).toList());
        assertTrue(routers.stream().allMatch(c -> c.status() == CheckStatus.WARNING), routers.toString());
        assertEquals(FixActions.ROUTE_ALL_DOMAINS, routers.get(1).fixAction());
    }

    @Test
    @DisplayName("a link's own server that gets no query (all domains routed to the global servers, as Protect sets "
            + "them) is not probed: the window, right after Protect, warned that its queries fail and offered to route "
            + "all domains, which was done")
    void linkServerUnderRouteAllIsNotProbed() {
        ServerAddress global = ServerAddress.parse("127.0.0.1:10#dot.test"); // closed loopback ports: nothing leaves
        ServerAddress router = ServerAddress.parse("127.0.0.1:9");
        GlobalState routeAll = new GlobalState(List.of(global), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub");
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        LinkState dhcp = new LinkState(2, "eth0", List.of(router), null, null, List.of(), true, null);
        ResolverState protectedState = new ResolverState(s.resolverName(), s.source(), true, true, routeAll,
                List.of(dhcp), null, null, s.platform());
        Doctor.Report r = doctor(QUIET).run(protectedState, Assessor.assess(protectedState,
                new LinuxRules().assess(protectedState)).reasons(), List.of(),
                org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1)), null);
        List<Check> routers = r.checks().stream().filter(c -> router.toString().equals(c.server())).toList();
        assertTrue(routers.isEmpty(), routers.toString());
        assertTrue(r.checks().stream().anyMatch(c -> global.toString().equals(c.server())), "the global server still is");
    }

    @Test
    @DisplayName("doctor --server for a server the resolver does not use: the strict-mode check says what strict mode would "
            + "do with it, not that the resolver is failing through it; a named server in use keeps the strict wording")
    void aNamedServerNotInUseIsNotSaidToFailInStrictMode() {
        ServerAddress used = ServerAddress.parse("127.0.0.1:9#dot.test"); // refused at once, nothing leaves
        ServerAddress other = ServerAddress.parse("127.0.0.2:9#other.test");
        GlobalState strict = new GlobalState(List.of(used), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        ResolverState s = state(252, DotMode.STRICT, List.of(), List.of());
        ResolverState running = new ResolverState(s.resolverName(), s.source(), true, true, strict, List.of(), null,
                null, s.platform());
        List<org.port853.core.Reason> reasons = Assessor.assess(running, new LinuxRules().assess(running)).reasons();
        var quick = org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1));
        Check notUsed = find(doctor(QUIET).run(running, reasons, List.of(other), quick, null).checks(), "dot.down-mode");
        assertEquals("dot.down-mode.not-in-use", notUsed.words().get(0).wording());
        assertTrue(notUsed.evidence().startsWith("The resolver does not use this server") && notUsed.evidence()
                .contains("were it used in strict mode"), notUsed.evidence());
        Check usedOne = find(doctor(QUIET).run(running, reasons, List.of(used), quick, null)
                .checks(), "dot.down-mode");
        assertEquals("dot.down-mode.strict", usedOne.words().get(0).wording());
    }

    @Test
    @DisplayName("opportunistic with no server reachable over TLS: no one-click switch to strict mode, which would leave "
            + "nothing to resolve with (and be rolled back); the fix says to choose a reachable provider")
    void noStrictModeButtonWhenNoServerSpeaksTls() {
        Doctor doctor = doctor(QUIET);
        ServerAddress closed = ServerAddress.parse("127.0.0.1:9#dot.test"); // refused at once, nothing leaves
        GlobalState opportunistic = new GlobalState(List.of(closed), List.of(), null, DotMode.OPPORTUNISTIC, DnssecMode.NO,
                false, List.of(), "yes", "stub");
        ResolverState s = state(252, DotMode.OPPORTUNISTIC, List.of(), List.of());
        ResolverState down = new ResolverState(s.resolverName(), s.source(), true, true, opportunistic, List.of(), null,
                null, s.platform());
        var quick = org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1));
        Doctor.Report r = doctor.run(down, Assessor.assess(down, new LinuxRules().assess(down)).reasons(), List.of(),
                quick, null);
        Check downMode = find(r.checks(), "dot.down-mode");
        assertEquals(CheckStatus.FAILURE, downMode.status());
        assertEquals(null, downMode.fixAction(), downMode.toString());
        assertTrue(downMode.fix().contains("reachable over TLS"), downMode.fix());
        assertTrue(r.checks().stream().noneMatch(c -> FixActions.USE_STRICT_MODE.equals(c.fixAction())),
                "no other check offers it either (config.dot-mode): " + r.checks());
    }

    @Test
    @DisplayName("encryption off with named servers that offer no TLS: no one-click 'turn on encryption', which would "
            + "switch those very servers to strict mode (and be rolled back); the fix in words names a provider")
    void noEnableDotButtonWhenTheNamedServersSpeakNoTls() {
        Doctor doctor = doctor(QUIET);
        ServerAddress closed = ServerAddress.parse("127.0.0.1:9#dot.test"); // refused at once, nothing leaves
        GlobalState off = new GlobalState(List.of(closed), List.of(), null, DotMode.OFF, DnssecMode.NO,
                false, List.of(), "yes", "stub");
        ResolverState s = state(252, DotMode.OFF, List.of(), List.of());
        ResolverState plain = new ResolverState(s.resolverName(), s.source(), true, true, off, List.of(), null,
                null, s.platform());
        var quick = org.port853.probe.dot.ProbeOptions.quick(java.time.Duration.ofSeconds(1));
        Doctor.Report r = doctor.run(plain, Assessor.assess(plain, new LinuxRules().assess(plain)).reasons(), List.of(),
                quick, null);
        Check mode = find(r.checks(), "config.dot-mode");
        assertEquals(CheckStatus.FAILURE, mode.status());
        assertEquals(null, mode.fixAction(), mode.toString());
        assertTrue(mode.fix().contains("--provider"), mode.fix());
    }

    @Test
    @DisplayName("names that do not resolve: doctor's fix points at its own server checks, not at running doctor")
    void lookupFailureFixPointsAtTheServerChecks() {
        org.port853.core.Reason unresolved = new org.port853.core.Reason("NAMES_UNRESOLVED",
                org.port853.core.Severity.BROKEN, "Names do not resolve: systemd-resolved could not look up a name just "
                + "now (example.com: timeout).", "The DNS servers refuse queries or cannot be reached; 'port853 doctor' "
                + "checks each server and says why.", List.of("systemd-resolved", "example.com: timeout"));
        Check lookup = find(ConfigChecks.of(state(252, DotMode.STRICT, List.of(), List.of()), List.of(unresolved),
                Map.of()), "resolver.lookup");
        assertEquals(CheckStatus.FAILURE, lookup.status());
        assertTrue(!lookup.fix().contains("port853 doctor") && lookup.fix().contains("server checks"), lookup.fix());
        Check other = find(ConfigChecks.of(state(252, DotMode.STRICT, List.of(), List.of()), List.of(unresolved),
                Map.of(), false), "resolver.lookup");
        assertEquals("The DNS servers refuse queries or cannot be reached; this report checks the --server ones "
                + "instead: 'port853 doctor' without --server checks the configured ones and says why.", other.fix(),
                "doctor --server probed other servers: their checks say nothing of the configured ones");
    }

    @Test
    void clockNotSynchronisedIsAWarning() {
        assertEquals(CheckStatus.WARNING, ClockChecks.of(new ClockStatus(false, false, 16000.0, 0.0, null)).status());
        assertEquals(CheckStatus.OK, ClockChecks.of(new ClockStatus(true, true, 1.0, 0.2, null)).status());
        assertEquals(CheckStatus.WARNING, ClockChecks.of(new ClockStatus(null, null, null, null, "no bus")).status());
    }

    @Test
    @DisplayName("the running programs are read from /proc only for a check that needs them (a port-53 socket beyond "
            + "loopback whose process was not read), and once per run however many such sockets there are")
    void runningProgramsReadOnlyWhenNeeded() {
        ResolverState s = noServers();
        List<Reason> reasons = Assessor.assess(s, new LinuxRules().assess(s)).reasons();
        ListeningSockets.Socket stub = new ListeningSockets.Socket("udp", "127.0.0.53", true, 1, 991,
                new org.port853.capture.SocketHolder("systemd-resolve", 300, 991, "systemd-resolve"));
        int[] reads = {0};
        quickly(doctor(sockets(List.of(stub), reads)), s, reasons, List.of());
        assertEquals(0, reads[0], "no socket beyond loopback: nothing to tell by the running programs");

        List<ListeningSockets.Socket> unread = List.of(ExposureCheckTest.unreadSocket(117, "dnsmasq"),
                ExposureCheckTest.unreadSocket(118, "unbound"));
        quickly(doctor(sockets(unread, reads)), s, reasons, List.of());
        assertEquals(1, reads[0], "two sockets whose process was not read: one read");
    }

    /** A quiet system with {@code sockets} on port 53, counting in {@code reads} how often its programs are read. */
    private static SystemSources sockets(List<ListeningSockets.Socket> sockets, int[] reads) {
        return new SystemSources() {
            @Override public ClockStatus clock() { return QUIET.clock(); }
            @Override public JournalExcerpt resolvedJournal() { return new JournalExcerpt(List.of(), null); }
            @Override public List<ListeningSockets.Socket> dnsSockets() { return sockets; }
            @Override public List<org.port853.capture.RunningPrograms.Running> runningPrograms() {
                reads[0]++;
                return List.of();
            }
            @Override public String nftRuleset() { return ""; }
            @Override public Map<String, String> resolvedKeys(ResolverState state) { return Map.of(); }
            @Override public int resolverVersion(ResolverState state) { return 252; }
        };
    }
}
