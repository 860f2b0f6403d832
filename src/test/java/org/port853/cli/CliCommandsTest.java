package org.port853.cli;

import org.port853.platform.linux.LinuxDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;
import picocli.CommandLine;

@DisplayName("port853 command line over a recording adapter")
class CliCommandsTest {
    static final String DROP_IN = "/etc/systemd/resolved.conf.d/zz-port853.conf";

    /** Records every call; answers are set per test. */
    static final class RecordingAdapter implements ResolverAdapter {
        @Override
        public org.port853.platform.PlatformRules rules() {
            return new org.port853.platform.linux.LinuxRules();
        }

        final List<String> calls = new ArrayList<>();
        final List<DesiredSettings> applied = new ArrayList<>();
        ResolverState state = state(DotMode.OPPORTUNISTIC, true);
        Plan plan = new Plan(List.of(new FileChange(DROP_IN, null, "[Resolve]\nDNS=\nDNS=9.9.9.9#dns.quad9.net\n")),
                List.of("write " + DROP_IN, "systemctl restart systemd-resolved.service"), null, "dropIn");
        ApplyResult result = new ApplyResult(Outcome.APPLIED, "names resolve over an encrypted connection",
                new ApplyResult.Item("dropIn", DROP_IN, "[Resolve]\nDNS=\nDNS=9.9.9.9#dns.quad9.net\n"),
                List.of("write " + DROP_IN, "restart the resolver"), true, Duration.ofMillis(321));

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public boolean isSupported() {
            return true;
        }

        /** Thrown by readState when set. */
        RuntimeException readFails;

        @Override
        public ResolverState readState() {
            calls.add("readState");
            if (readFails != null) {
                throw readFails;
            }
            return state;
        }

        final List<DesiredSettings> planned = new ArrayList<>();

        @Override
        public Plan plan(DesiredSettings desired, ResolverState current) {
            calls.add("plan");
            planned.add(desired);
            return plan;
        }

        @Override
        public ApplyResult apply(DesiredSettings desired) {
            calls.add("apply");
            applied.add(desired);
            return result;
        }

        @Override
        public ApplyResult revert() {
            calls.add("revert");
            return result;
        }

        @Override
        public ApplyResult recover() {
            calls.add("recover");
            return result;
        }

        /** What {@link #settingsWritten} reads from every result; null: nothing. */
        DesiredSettings written;

        @Override
        public java.util.Optional<DesiredSettings> settingsWritten(ApplyResult r) {
            return java.util.Optional.ofNullable(written);
        }
    }

    static ResolverState state(DotMode mode, boolean withLink) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net"),
                ServerAddress.parse("[2620:fe::fe]:853#dns.quad9.net")), List.of(), null, mode, DnssecMode.NO, false,
                List.of(new DomainEntry("example.org", false)), "yes", "stub");
        List<LinkState> links = withLink ? List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("192.168.1.1")),
                null, null, List.of(), true, null)) : List.of();
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, links, null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("8.8.8.8")), List.of(new DropIn(DROP_IN, true, false, Map.of(), null))));
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    final RecordingAdapter adapter = new RecordingAdapter();

    Run run(String... args) {
        return run(new CliServices(() -> adapter, ProviderCatalog::bundled), args);
    }

    Run run(CliServices services, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Port853Command.forArguments(services, args); // what the launcher runs
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Nested
    class Status {
        @Test
        void jsonDocumentHasTheDocumentedFields() throws Exception {
            Run r = run("status", "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            JsonNode j = r.json();
            assertEquals("PARTIAL", j.at("/assessment/verdict").asText());
            JsonNode reasons = j.at("/assessment/reasons");
            assertTrue(reasons.isArray() && reasons.size() > 0);
            List<String> codes = new ArrayList<>();
            for (JsonNode reason : reasons) {
                codes.add(reason.get("code").asText());
                assertFalse(reason.get("message").asText().isBlank());
                assertFalse(reason.get("fix").asText().isBlank());
            }
            assertTrue(codes.containsAll(List.of("OPPORTUNISTIC", "LINK_PLAINTEXT_DEFAULT_ROUTE", "RESOLV_CONF_STATIC")),
                    codes.toString());
            assertEquals("opportunistic", j.at("/global/dnsOverTls").asText());
            assertEquals("no", j.at("/global/dnssec").asText());
            assertEquals("9.9.9.9", j.at("/global/servers/0/address").asText());
            assertTrue(j.at("/global/servers/0/port").isNull());
            assertEquals("dns.quad9.net", j.at("/global/servers/0/name").asText());
            assertEquals("2620:fe::fe", j.at("/global/servers/1/address").asText());
            assertEquals(853, j.at("/global/servers/1/port").asInt());
            assertEquals("example.org", j.at("/global/domains/0").asText());
            assertEquals("eth0", j.at("/links/0/name").asText());
            assertEquals("192.168.1.1", j.at("/links/0/servers/0/address").asText());
            assertTrue(j.at("/links/0/dnsOverTls").isNull(), "unset per-link mode");
            assertTrue(j.at("/links/0/defaultRoute").asBoolean());
            assertTrue(j.at("/links/0/domains").isArray());
            assertEquals("STATIC", j.at("/resolvConf/kind").asText());
            assertEquals(252, j.at("/systemdVersion").asInt());
            assertEquals("dbus", j.at("/source").asText());
            assertEquals(List.of("readState"), adapter.calls);
        }

        @Test
        void unavailableResolver() throws Exception {
            adapter.state = new ResolverState("systemd-resolved", StateSource.NONE, false, false, null, List.of(), null, "systemd-resolved is not installed",
                new LinuxDetails(0, null, List.of()));
            Run r = run("status", "--json");
            assertEquals(0, r.code());
            assertEquals("UNAVAILABLE", r.json().at("/assessment/verdict").asText());
            assertEquals("none", r.json().at("/source").asText());
            assertTrue(r.json().get("global").isNull());
        }

        @Test
        @DisplayName("a stopped or missing resolver: the text still says which resolver, its version and why no settings "
                + "are listed, as --json does")
        void textOutputOfAResolverWithoutSettings() {
            adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                    "systemd-resolved is not running", new LinuxDetails(252, null, List.of()));
            assertTrue(run("status").out().contains("\nResolver: systemd-resolved (systemd 252, not running)\n"),
                    run("status").out());
            adapter.state = new ResolverState("systemd-resolved", StateSource.NONE, false, false, null, List.of(), null,
                    "systemd-resolved is not installed", new LinuxDetails(0, null, List.of()));
            assertTrue(run("status").out().contains("\nResolver: systemd-resolved (not installed)\n"), run("status").out());
        }

        @Test
        @DisplayName("a stopped resolver behind a stub link: the resolv.conf line says programs get no answer, as the "
                + "window's does, and a running one's does not")
        void aStubLinkOfAStoppedResolverLeadsNowhere() {
            var stub = new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                    "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53"), true);
            adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                    "systemd-resolved is not running", new LinuxDetails(252, stub, List.of()));
            String out = run("status").out();
            assertTrue(out.contains("\n/etc/resolv.conf: stub -> /run/systemd/resolve/stub-resolv.conf (nameserver "
                    + "127.0.0.53), which does not answer while systemd-resolved is stopped: programs cannot resolve "
                    + "names\n"), out);
            var ownFile = new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STATIC, null,
                    List.of("127.0.0.53"), true);
            adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                    "systemd-resolved is not running", new LinuxDetails(252, ownFile, List.of()));
            assertTrue(run("status").out().contains("\n/etc/resolv.conf: static (nameserver 127.0.0.53), which does not "
                    + "answer while systemd-resolved is stopped: programs cannot resolve names\n"), "a file naming only "
                    + "the stub leads there too: " + run("status").out());
            ResolverState running = state(DotMode.OFF, true);
            adapter.state = running.withPlatform(new LinuxDetails(252, stub, List.of()));
            assertFalse(run("status").out().contains("cannot resolve"), run("status").out());
        }

        /** Off, with Port853's drop-in path a link to /dev/null: every change is refused (DROP_IN_OURS_LINKED). */
        private ResolverState linkedDropIn() {
            ResolverState s = state(DotMode.OFF, true);
            LinuxDetails d = (LinuxDetails) s.platform();
            return new ResolverState(s.resolverName(), s.source(), true, true, s.global(), s.links(), null, null,
                    new LinuxDetails(252, d.resolvConf(), List.of(), null, true, null, false, null, "/dev/null"));
        }

        @Test
        @DisplayName("where every change is refused, status says why and the fix first, as the window's banner does, and "
                + "suggests no 'port853 apply' that would be refused")
        void refusedChangesAreSaidNotApplySuggested() {
            adapter.state = linkedDropIn();
            Run r = run("status");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("Verdict: NOT ENCRYPTED\nChanges refused until this is fixed: " + DROP_IN
                    + " is a symbolic link to /dev/null: Port853 does not write through links, so it cannot change the "
                    + "resolver's settings until the link is gone.\n    Fix: Remove the link if nothing else needs it: "
                    + (org.port853.core.Privileges.isRoot() ? "" : "sudo ") + "rm " + DROP_IN + "\n"), r.out());
            assertFalse(r.out().contains("port853 apply"), r.out());
            assertEquals(1, r.out().split("symbolic link to /dev/null", -1).length - 1, "said once: " + r.out());
        }

        @Test
        @DisplayName("--json names the reason that refuses every change and marks the fixes it refuses; both absent "
                + "(null, false) where changes can be made")
        void refusedChangesInJson() throws Exception {
            JsonNode usual = run("status", "--json").json().at("/assessment");
            assertTrue(usual.get("changesRefused").isNull(), usual.toString());
            for (JsonNode reason : usual.get("reasons")) {
                assertFalse(reason.get("fixRefused").asBoolean(), reason.toString());
            }
            adapter.state = linkedDropIn();
            JsonNode a = run("status", "--json").json().at("/assessment");
            assertEquals("DROP_IN_OURS_LINKED", a.get("changesRefused").asText());
            List<String> refused = new ArrayList<>();
            for (JsonNode reason : a.get("reasons")) {
                if (reason.get("fixRefused").asBoolean()) {
                    refused.add(reason.get("code").asText());
                    assertTrue(reason.get("fix").asText().contains("port853 apply")
                            || !reason.get("fixAction").isNull(), reason.toString());
                }
            }
            assertTrue(refused.contains("DOT_OFF"), a.toString());
            assertFalse(refused.contains("DROP_IN_OURS_LINKED"), "its own fix is what to do: " + a);
        }

        @Test
        void degradedSource() throws Exception {
            ResolverState s = state(DotMode.STRICT, false);
            adapter.state = new ResolverState(s.resolverName(), StateSource.RESOLVECTL, true, true, s.global(), s.links(), null, "D-Bus unavailable",
                ((LinuxDetails) s.platform()));
            assertEquals("resolvectl", run("status", "--json").json().at("/source").asText());
        }

        @Test
        void textOutput() {
            Run r = run("status");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Verdict: PARTIAL"), r.out());
            assertTrue(r.out().contains("Link eth0: 192.168.1.1"), r.out());
            // words, not Java's list and enum spellings
            assertFalse(r.out().contains("Domains: [") || r.out().contains("domains [") || r.out().contains("STATIC"),
                    r.out());
            assertTrue(r.out().contains("\nDomains: example.org\n"), r.out());
            assertTrue(r.out().contains("\n/etc/resolv.conf: static (nameserver 8.8.8.8)\n"), r.out());
            assertFalse(r.out().contains("Fallback"), "no fallback servers, no line: " + r.out());
        }

        @Test
        void textOutputNamesTheFallbackServersAsJsonDoes() {
            ResolverState s = state(DotMode.STRICT, false);
            GlobalState g = s.global();
            adapter.state = new ResolverState(s.resolverName(), s.source(), true, true, new GlobalState(g.servers(),
                    List.of(ServerAddress.parse("149.112.112.112#dns.quad9.net")), g.currentServer(), g.dnsOverTls(),
                    g.dnssec(), g.dnssecSupported(), g.domains(), g.stubListener(), g.resolvConfMode()), s.links(), null,
                    null, (LinuxDetails) s.platform());
            Run r = run("status");
            assertTrue(r.out().contains("\nServers: 9.9.9.9#dns.quad9.net [2620:fe::fe]:853#dns.quad9.net\n"
                    + "Fallback servers: 149.112.112.112#dns.quad9.net\n"), r.out());
        }
    }

    @Nested
    class Apply {
        @Test
        void appliesWithJson() throws Exception {
            Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--dnssec", "allow-downgrade",
                    "--all-domains", "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = r.json();
            assertEquals("APPLIED", j.get("outcome").asText());
            assertEquals("names resolve over an encrypted connection", j.get("reason").asText());
            assertEquals(DROP_IN, j.at("/dropIn/path").asText());
            assertTrue(j.at("/dropIn/content").asText().contains("DNS=9.9.9.9#dns.quad9.net"));
            assertEquals("write " + DROP_IN, j.at("/actions/0").asText());
            assertEquals(List.of("readState", "plan", "apply"), adapter.calls);
            DesiredSettings s = adapter.applied.get(0);
            assertEquals(DotMode.STRICT, s.mode());
            assertEquals(DnssecMode.ALLOW_DOWNGRADE, s.dnssec());
            assertTrue(s.routeAllDomains());
            assertTrue(s.servers().stream().allMatch(x -> "dns.quad9.net".equals(x.tlsName())), s.servers().toString());
        }

        @Test
        @DisplayName("apply records the applied servers' pins and shows them; a changed key is loud and ends in exit 3: "
                + "done, with a warning")
        void appliesAndShowsPins(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            String pin = java.util.Base64.getEncoder().encodeToString(new byte[32]);
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> servers.stream()
                    .map(x -> org.port853.probe.pins.ServerPinsTest.shows(x, pin)).toList(), dir.resolve("pins.json"),
                    List::of, java.time.Clock.systemUTC());
            Run json = run(new CliServices(() -> adapter, ProviderCatalog::bundled, c -> pins), "apply", "--server",
                    "192.0.2.1#dns.example", "--mode", "strict", "--json");
            assertEquals(0, json.code(), json.err());
            JsonNode p = json.json().get("pins").get(0);
            assertEquals("192.0.2.1#dns.example", p.get("server").asText());
            assertEquals(pin, p.get("pin").asText());
            assertEquals("tofu", p.get("source").asText());
            assertEquals("ok", p.get("status").asText());
            assertTrue(json.json().get("pinsProblem").isNull());
            String other = java.util.Base64.getEncoder().encodeToString(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
            org.port853.probe.pins.ServerPins changed = new org.port853.probe.pins.ServerPins(servers -> servers.stream()
                    .map(x -> org.port853.probe.pins.ServerPinsTest.shows(x, other)).toList(), dir.resolve("pins.json"),
                    List::of, java.time.Clock.systemUTC());
            Run text = run(new CliServices(() -> adapter, ProviderCatalog::bundled, c -> changed), "apply", "--server",
                    "192.0.2.1#dns.example", "--mode", "strict");
            assertEquals(ExitCodes.NOT_COVERED, text.code(), "the change stands, with a warning: " + text.err());
            assertTrue(text.out().startsWith("Applied: "), "it stands: " + text.out());
            assertTrue(text.err().contains("Pin 192.0.2.1#dns.example: THE SERVER'S KEY CHANGED"), text.err());
            Run changedJson = run(new CliServices(() -> adapter, ProviderCatalog::bundled, c -> changed), "apply",
                    "--server", "192.0.2.1#dns.example", "--mode", "strict", "--json");
            assertEquals(ExitCodes.NOT_COVERED, changedJson.code(), changedJson.out());
            assertEquals("failure", changedJson.json().get("pins").get(0).get("status").asText());
        }

        @Test
        @DisplayName("without a pin service (simulated adapters, tests) apply probes nothing and shows an empty list")
        void noPinServiceNoProbe() throws Exception {
            Run json = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
            assertEquals(0, json.json().get("pins").size());
        }

        @Test
        void customServersInOrder() {
            Run r = run("apply", "--server", "192.0.2.1#dns.example", "--server", "[2001:db8::1]:853#dns.example",
                    "--mode", "strict");
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of("192.0.2.1#dns.example", "[2001:db8::1]:853#dns.example"),
                    adapter.applied.get(0).servers().stream().map(ServerAddress::toResolvedSyntax).toList());
            assertTrue(r.out().startsWith("Names resolve over an encrypted connection") || r.out().startsWith("Applied"),
                    r.out());
        }

        @Test
        void rolledBackExitsOne() throws Exception {
            adapter.result = new ApplyResult(Outcome.ROLLED_BACK, "rolled back: certificate not trusted", new ApplyResult.Item("dropIn", DROP_IN, "x"),
                    List.of("restore " + DROP_IN), false, Duration.ofMillis(900));
            Run text = run("apply", "--provider", "quad9", "--mode", "strict");
            assertEquals(1, text.code());
            assertEquals("", text.out());
            assertTrue(text.err().startsWith("Rolled back: certificate not trusted"), text.err());
            Run json = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
            assertEquals(1, json.code());
            assertEquals("ROLLED_BACK", json.json().get("outcome").asText());
            assertEquals("rolled back: certificate not trusted", json.json().get("reason").asText());
        }

        @Test
        @DisplayName("a change that programs reading /etc/resolv.conf bypass ends NOT_COVERED with exit 3, never 0")
        void notCoveredExitsThree() throws Exception {
            adapter.result = new ApplyResult(Outcome.NOT_COVERED, "names resolve over an encrypted connection, but "
                    + "/etc/resolv.conf is a file of its own naming 8.8.8.8, so programs that read it bypass this change",
                    null, List.of(), true, Duration.ofMillis(300));
            Run text = run("apply", "--provider", "quad9", "--mode", "strict");
            assertEquals(3, text.code());
            assertEquals("", text.out());
            assertTrue(text.err().contains("bypass"), text.err());
            Run json = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
            assertEquals(3, json.code());
            assertEquals("NOT_COVERED", json.json().get("outcome").asText());
        }

        @Test
        @DisplayName("--mode off has one meaning: servers without encryption; without servers it says to use revert")
        void modeOffWithoutServersPointsToRevert() {
            Run r = run("apply", "--mode", "off");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("revert"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(adapter.calls.contains("apply"));
            Run plain = run("apply", "--server", "192.0.2.1", "--mode", "off");
            assertEquals(0, plain.code(), plain.err());
            assertEquals(DotMode.OFF, adapter.applied.get(0).mode());
        }

        @Test
        void withoutDnssecOptionTheSystemsSettingIsKept() {
            assertEquals(0, run("apply", "--provider", "quad9", "--mode", "strict").code());
            assertEquals(null, adapter.applied.get(0).dnssec(), "no --dnssec: Port853 writes no DNSSEC setting");
        }

        @Test
        @DisplayName("without --dnssec a DNSSEC setting Port853's drop-in holds from an earlier apply is written again, "
                + "in the dry run's plan too; --dnssec still sets another")
        void withoutDnssecOptionAnEarlierChoiceIsKept() {
            ResolverState s = state(DotMode.STRICT, false);
            adapter.state = new ResolverState(s.resolverName(), s.source(), true, true, s.global(), s.links(), null, null,
                    new LinuxDetails(252, s.platform().resolverFile(), List.of(new DropIn(DROP_IN, true, false,
                            Map.of("DNSSEC", "yes"), null))));
            assertEquals(0, run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run").code());
            assertEquals(DnssecMode.YES, adapter.planned.get(0).dnssec(), "the dry run shows no DNSSEC change");
            assertEquals(0, run("apply", "--provider", "quad9", "--mode", "strict").code());
            assertEquals(DnssecMode.YES, adapter.applied.get(0).dnssec(), "the earlier choice stays");
            assertEquals(0, run("apply", "--provider", "quad9", "--mode", "strict", "--dnssec", "no").code());
            assertEquals(DnssecMode.NO, adapter.applied.get(1).dnssec());
        }

        @Test
        void refusedPlanExitsOneAndNeverApplies() throws Exception {
            adapter.plan = Plan.refused("strict mode needs systemd 246 or later");
            Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
            assertEquals(1, r.code());
            assertEquals("REFUSED", r.json().get("outcome").asText());
            assertTrue(r.json().get("reason").asText().contains("246"));
            assertFalse(adapter.calls.contains("apply"));
            Run text = run("apply", "--provider", "quad9", "--mode", "strict");
            assertEquals(1, text.code());
            assertTrue(text.err().startsWith("port853 apply: refused: strict mode needs systemd 246"), text.err());
        }

        @Test
        void dryRunShowsThePlanAndNeverApplies() throws Exception {
            Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("+++ " + DROP_IN), r.out());
            assertTrue(r.out().contains("* systemctl restart systemd-resolved.service"), r.out());
            Run j = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--json");
            assertEquals("PLANNED", j.json().get("outcome").asText(), "a dry run plans; it never says APPLIED");
            assertTrue(j.json().get("reason").asText().contains("dry run"));
            assertEquals(DROP_IN, j.json().at("/dropIn/path").asText());
            assertTrue(j.json().get("diff").asText().contains("+DNS=9.9.9.9#dns.quad9.net"));
            assertFalse(adapter.calls.contains("apply"), adapter.calls.toString());
        }

        @Test
        void dryRunWhenNothingChanges() throws Exception {
            adapter.plan = new Plan(List.of(new FileChange(DROP_IN, "x\n", "x\n")), List.of(), null);
            Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--json");
            assertEquals(0, r.code());
            assertEquals("UNCHANGED", r.json().get("outcome").asText());
        }
    }

    @Nested
    @DisplayName("bad input: exit 2, one line on stderr, nothing applied")
    class BadInput {
        @ParameterizedTest(name = "--server [{0}]")
        @ValueSource(strings = {"999.1.1.1#dns.example", "dns.quad9.net#dns.quad9.net", "9.9.9.9#dns\nquad9.net",
                "9.9.9.9#dns quad9.net", "9.9.9.9%eth0#x.example", "", "9.9.9.9:99999#x.example", "9.9.9.9"})
        void invalidServer(String server) {
            assertBadInput(run("apply", "--server", server, "--mode", "strict"));
        }

        @Test
        @org.junit.jupiter.api.DisplayName("a TLS name whose label mixes scripts (a Cyrillic 'а' in quad9) is refused, "
                + "saying which characters are from which script and the ASCII form, which is taken as it is")
        void mixedScriptTlsName() {
            refusedThenTakenInItsAsciiForm("dns.qu\u0430d9.net", "TLS name 'dns.qu\u0430d9.net' mixes scripts in one "
                    + "label, as look-alikes of other names do (Latin q, u, d; Cyrillic \u0430 (U+0430)); its ASCII form, "
                    + "which the server's certificate must hold, is dns.xn--qud9-63d.net: if that is the name you mean, "
                    + "enter it so", "dns.xn--qud9-63d.net");
        }

        @Test
        @org.junit.jupiter.api.DisplayName("a TLS name with a label wholly of Cyrillic letters that read as Latin ('аррӏе' "
                + "under .com) is refused, naming the label, its letters and the ASCII form, which is taken as it is")
        void wholeScriptLookAlikeTlsName() {
            refusedThenTakenInItsAsciiForm("dns.\u0430\u0440\u0440\u04cf\u0435.com", "TLS name "
                    + "'dns.\u0430\u0440\u0440\u04cf\u0435.com' has a label, '\u0430\u0440\u0440\u04cf\u0435', written only in "
                    + "letters that look like Latin ones (Cyrillic \u0430 (U+0430), \u0440 (U+0440), \u04cf (U+04CF), \u0435 "
                    + "(U+0435)), and not under a top-level domain in that script, as look-alikes of Latin names are; its "
                    + "ASCII form, which the server's certificate must hold, is dns.xn--80ak6aa92e.com: if that is the "
                    + "name you mean, enter it so", "dns.xn--80ak6aa92e.com");
        }

        private void refusedThenTakenInItsAsciiForm(String tlsName, String refusal, String ascii) {
            Run r = run("apply", "--server", "198.18.0.9#" + tlsName, "--mode", "strict");
            assertBadInput(r);
            assertEquals("port853 apply: " + refusal, r.err().strip());
            assertEquals(0, run("export", "--format", "resolved", "--server", "198.18.0.9#" + ascii, "--mode", "strict")
                    .code());
        }

        @Test
        void unknownProvider() {
            Run r = run("apply", "--provider", "no-such-provider", "--mode", "strict");
            assertBadInput(r);
            assertTrue(r.err().contains("no-such-provider"), r.err());
        }

        @Test
        void unknownModeAndDnssec() {
            assertBadInput(run("apply", "--provider", "quad9", "--mode", "sometimes"));
            assertBadInput(run("apply", "--provider", "quad9", "--mode", "strict", "--dnssec", "maybe"));
        }

        @Test
        void missingModeIsAUsageError() {
            Run r = run("apply", "--provider", "quad9");
            assertEquals(2, r.code());
            assertTrue(adapter.calls.isEmpty());
        }

        @Test
        void strictFallbackWithoutName() {
            assertBadInput(run("apply", "--provider", "quad9", "--mode", "strict", "--fallback", "192.0.2.1"));
        }

        @Test
        void exportValidatesToo() {
            assertBadInput(run("export", "--format", "resolved", "--server", "dns.google", "--mode", "strict"));
        }

        void assertBadInput(Run r) {
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals("", r.out());
            assertTrue(r.err().matches("port853 (apply|export): (?s).*"), "one prefix, naming the command: " + r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertFalse(adapter.calls.contains("apply"), adapter.calls.toString());
        }
    }

    @Nested
    class RevertRecoverExport {
        @Test
        @org.junit.jupiter.api.DisplayName("an error a command stops with is also logged, the same one sentence")
        void errorsAreLogged() {
            java.util.logging.Logger log = java.util.logging.Logger.getLogger(Port853Command.class.getName());
            List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler h = new java.util.logging.Handler() {
                @Override public void publish(java.util.logging.LogRecord r) { logged.add(r.getMessage()); }
                @Override public void flush() { }
                @Override public void close() { }
            };
            log.addHandler(h);
            try {
                Run r = run("apply", "--server", "999.1.1.1#dot.test", "--mode", "strict", "--dry-run");
                assertEquals(2, r.code());
                assertEquals(List.of(r.err().strip()), logged);
                assertTrue(logged.get(0).startsWith("port853 apply: "), logged.get(0));
            } finally {
                log.removeHandler(h);
            }
        }

        @Test
        void revertAndRecoverExitCodes() {
            adapter.result = new ApplyResult(Outcome.REVERTED, "restored the previous settings; names resolve", null,
                    List.of(), false, Duration.ZERO);
            Run r = run("revert");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("Reverted: restored the previous settings"), r.out());
            adapter.result = ApplyResult.of(Outcome.REVERTED, org.port853.core.Sentence.of(
                    "restored the previous settings, but names do not resolve with them: no answer",
                    "result.reverted-unhealthy", 0, "", org.port853.core.Sentence.of("no answer", "check.none"), 0));
            Run unhealthy = run("revert");
            assertEquals(3, unhealthy.code(), "restored, but names do not resolve: a fleet job must see it");
            assertTrue(unhealthy.err().startsWith("Reverted: restored the previous settings, but names do not resolve"),
                    unhealthy.err());
            assertEquals("", unhealthy.out());
            adapter.result = new ApplyResult(Outcome.FAILED, "authorization was refused or cancelled", null,
                    List.of(), false, Duration.ZERO);
            Run failed = run("recover");
            assertEquals(1, failed.code());
            assertEquals("Failed: authorization was refused or cancelled.", failed.err().strip(), "no time when nothing ran");
            assertEquals(List.of("readState", "revert", "readState", "revert", "readState", "recover"), adapter.calls);
        }

        @Test
        @DisplayName("a change another process is making: apply, revert and recover say first that they wait for it")
        void aChangeInProgressIsSaidBeforeWaiting() {
            ResolverState s = adapter.state;
            adapter.state = new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(),
                    s.links(), new org.port853.core.PendingChange("c1", java.time.Instant.parse("2026-12-04T13:00:00Z"),
                    "DNS-over-TLS strict with 1 server(s)", true), s.problem(), s.platform());
            String waiting = "another change is in progress (DNS-over-TLS strict with 1 server(s), started "
                    + "2026-12-04T13:00:00Z); waiting for it to finish.";
            for (String[] args : List.of(new String[] {"revert"}, new String[] {"recover", "--json"},
                    new String[] {"apply", "--provider", "quad9", "--mode", "strict"})) {
                Run r = run(args);
                assertTrue(r.err().startsWith("port853 " + args[0] + ": " + waiting), r.err());
            }
            adapter.state = s;
            assertFalse(run("revert").err().contains("in progress"), "an interrupted change is no wait");
            adapter.readFails = new IllegalStateException("the bus is gone");
            Run r = run("revert");
            assertEquals(0, r.code(), "a state that cannot be read says nothing and stops no revert: " + r.err());
            assertEquals("revert", adapter.calls.get(adapter.calls.size() - 1));
        }

        @Test
        @DisplayName("recover that rolls an interrupted change back says why, as its apply would have: the servers and "
                + "mode it wrote are probed; an incomplete change is no server's doing")
        void recoverSaysWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            List<List<ServerAddress>> probed = new ArrayList<>();
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> {
                probed.add(servers);
                return servers.stream().map(x -> org.port853.probe.pins.ServerPinsTest.shows(x, null)).toList();
            }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC());
            CliServices services = new CliServices(() -> adapter, ProviderCatalog::bundled, c -> pins);
            adapter.written = new DesiredSettings(List.of(ServerAddress.parse("192.0.2.1#dns.example")),
                    DotMode.STRICT, null, true, List.of());
            org.port853.core.Sentence failed = org.port853.core.Sentence.of("resolving example.com failed: All "
                    + "attempts to contact name servers or networks failed", "health.resolve-failed", "example.com",
                    "All attempts to contact name servers or networks failed");
            adapter.result = ApplyResult.of(Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: "
                    + failed.english(), ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, failed, 0,
                    null));
            Run text = run(services, "recover");
            assertEquals(1, text.code());
            assertTrue(text.err().contains("\nWhy: 192.0.2.1#dns.example: TCP 192.0.2.1:853 got no answer"), text.err());
            assertTrue(text.err().contains("\nNone of the chosen servers answered with a TLS handshake when checked "
                    + "after the rollback.\n"), text.err());
            assertEquals(List.of(adapter.written.servers()), probed);
            com.fasterxml.jackson.databind.JsonNode json = run(services, "recover", "--json").json();
            assertEquals("dot.reachable", json.get("cause").get("id").asText());
            assertTrue(json.get("answered").isArray() && json.get("answered").isEmpty(), json.toString());

            adapter.result = ApplyResult.of(Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: the "
                    + "interrupted change was incomplete", ApplyResult.ROLLED_BACK_WORDING, 0, "", 0, null));
            Run incomplete = run(services, "recover");
            assertFalse(incomplete.err().contains("Why:") || incomplete.err().contains("answered"), incomplete.err());
            assertEquals(2, probed.size(), "not probed for an incomplete change");
        }

        @Test
        void recoverJson() throws Exception {
            adapter.result = new ApplyResult(Outcome.KEPT, "names resolve over an encrypted connection", new ApplyResult.Item("dropIn", DROP_IN, "x"),
                    List.of("health check: ok"), true, Duration.ofMillis(5));
            assertEquals("Kept: names resolve over an encrypted connection (5 ms).", run("recover").out().strip());
            Run r = run("recover", "--json");
            assertEquals(0, r.code());
            assertEquals("KEPT", r.json().get("outcome").asText());
            assertTrue(r.json().get("encryptedVerified").asBoolean());
        }

        @Test
        @DisplayName("recover that keeps an interrupted opportunistic change whose check came without encryption ends "
                + "as its apply would have: 'not encrypted' on stderr, exit 3; a kept plaintext change and an "
                + "encrypted one exit 0")
        void recoverKeepingAnUnencryptedChangeExitsThree() throws Exception {
            adapter.written = new DesiredSettings(List.of(ServerAddress.parse("192.0.2.4#dns.example")),
                    DotMode.OPPORTUNISTIC, null, true, List.of());
            adapter.result = new ApplyResult(Outcome.KEPT, "names resolve (the answer did not come over an encrypted "
                    + "connection)", new ApplyResult.Item("dropIn", DROP_IN, "x"), List.of(), false, Duration.ZERO);
            Run text = run("recover");
            assertEquals(3, text.code(), text.err());
            assertTrue(text.err().contains("not encrypted: the change is in place"), text.err());
            Run json = run("recover", "--json");
            assertEquals(3, json.code(), json.err());
            assertEquals("KEPT", json.json().get("outcome").asText());

            adapter.written = new DesiredSettings(List.of(ServerAddress.parse("192.0.2.4")), DotMode.OFF, null, true,
                    List.of());
            assertEquals(0, run("recover").code(), "a kept change that asked for no encryption is complete");
            adapter.written = null;
            assertEquals(0, run("recover").code(), "settings that cannot be read back: the outcome decides");
        }

        @Test
        void exportResolvedIsTheDropIn() {
            Run r = run("export", "--format", "resolved", "--provider", "quad9", "--mode", "strict", "--all-domains");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("[Resolve]\nDNS=\nDNS=9.9.9.9#dns.quad9.net"), r.out());
            assertTrue(r.out().contains("DNSOverTLS=yes\n"));
            assertTrue(r.out().endsWith("Domains=~.\n"), r.out());
            assertTrue(adapter.calls.isEmpty(), "export does not touch the resolver");
        }

        @Test
        void exportAnsibleIsAPlaybookWithTheDropInAndARestartWhenItChanged() {
            Run r = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "strict");
            assertEquals(0, r.code(), r.err());
            String y = r.out();
            assertTrue(y.contains("dest: " + DROP_IN), y);
            assertTrue(y.contains("              DNS=9.9.9.9#dns.quad9.net"), "content indented under 'content: |'");
            assertTrue(y.contains("state: \"{{ 'restarted' if port853_drop_in is changed else 'started' }}\""), y);
            assertTrue(y.contains("enabled: true"));
            assertTrue(y.contains("mode: \"0644\""));
        }

        @Test
        void unknownFormatIsAUsageError() {
            assertEquals(2, run("export", "--format", "yaml", "--provider", "quad9", "--mode", "strict").code());
        }
    }
}
