package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ProviderCatalog;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

@DisplayName("apply: exit codes and JSON that tell the truth about encryption")
class ApplyCommandTest {
    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), args);
    }

    void answeredInPlaintext() {
        adapter.result = new ApplyResult(Outcome.APPLIED, "names resolve (the answer did not come over an encrypted connection)",
                adapter.result.item(), List.of("write x", "health check: resolved example.com from the network without encryption"),
                false, Duration.ofMillis(200));
    }

    @Test
    @DisplayName("strict or opportunistic without a server names the options that give one, for apply and export alike")
    void noServerNamesTheOptions() {
        for (List<String> command : List.of(List.of("apply"), List.of("export", "--format", "resolved"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--mode", "strict"));
            CliRuns.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("DNS-over-TLS needs at least one server: give --provider ID (see 'port853 "
                    + "providers') or --server IP#NAME"), r.err());
        }
    }

    @Test
    @DisplayName("opportunistic mode that fell back to plaintext: exit 3 and a line saying so, how to check and fix")
    void opportunisticPlaintextIsNotFullSuccess() throws Exception {
        answeredInPlaintext();
        CliRuns.Run r = run("apply", "--provider", "quad9", "--mode", "opportunistic");
        assertEquals(ExitCodes.NOT_COVERED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("port853 apply: not encrypted: the change is in place") && r.err().contains("plaintext fallback")
                && r.err().contains("port853 verify") && r.err().contains("--mode strict"), r.err());
        // the router's server of an opportunistic link with the default route falls back as well: both are named
        assertTrue(r.err().contains("on link eth0's own DNS server (192.168.1.1)") && r.err().contains("--all-domains"),
                r.err());
        CliRuns.Run json = run("apply", "--provider", "quad9", "--mode", "opportunistic", "--json");
        assertEquals(3, json.code());
        assertEquals("APPLIED", json.json().get("outcome").asText());
        assertFalse(json.json().get("encryptedVerified").asBoolean());
    }

    @Test
    @DisplayName("--json: a change that found nothing to do (another process made it while this one waited for the "
            + "lock) has an empty diff, not the plan made before the wait")
    void unchangedHasNoDiff() throws Exception {
        CliRuns.Run planned = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
        assertFalse(planned.json().get("diff").asText().isEmpty(), "the plan writes the drop-in");
        adapter.result = new ApplyResult(Outcome.UNCHANGED, "the settings are already in place", adapter.result.item(),
                List.of(), true, Duration.ofMillis(20));
        CliRuns.Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--json");
        assertEquals("UNCHANGED", r.json().get("outcome").asText());
        assertEquals("", r.json().get("diff").asText(), r.out());
    }

    @Test
    @DisplayName("a plan that lowers the admin's strict mode says so before (dry run, --json) and after the change, not "
            + "after a rollback")
    void aLoweredAdminSettingIsSaidBeforeAndAfter() throws Exception {
        String note = "this lowers DNS-over-TLS from strict (set in /etc/systemd/resolved.conf) to opportunistic: "
                + "Port853's drop-in is read after that file, so it wins until 'port853 revert'";
        adapter.plan = adapter.plan.withNotes(List.of(org.port853.core.Sentence.of(note, "plan.lowers.dot", 2,
                "/etc/systemd/resolved.conf", 1)));
        String line = "port853 apply: note: " + note + ".\n";
        CliRuns.Run dry = run("apply", "--provider", "quad9", "--mode", "opportunistic", "--dry-run");
        assertTrue(dry.err().startsWith(line), dry.err());
        CliRuns.Run dryJson = run("apply", "--provider", "quad9", "--mode", "opportunistic", "--dry-run", "--json");
        assertEquals(note, dryJson.json().get("notes").get(0).asText(), dryJson.out());
        CliRuns.Run applied = run("apply", "--provider", "quad9", "--mode", "opportunistic");
        assertTrue(applied.err().contains(line), applied.out() + applied.err());
        assertEquals(note, run("apply", "--provider", "quad9", "--mode", "opportunistic", "--json").json()
                .get("notes").get(0).asText());
        adapter.result = ApplyResult.of(Outcome.ROLLED_BACK, "no server answered");
        CliRuns.Run rolledBack = run("apply", "--provider", "quad9", "--mode", "opportunistic");
        assertFalse(rolledBack.err().contains("note:"), rolledBack.err());
        assertEquals(0, run("apply", "--provider", "quad9", "--mode", "opportunistic", "--json").json().get("notes").size());
    }

    @Test
    @DisplayName("a dry run on a static /etc/resolv.conf says the real apply would end NOT_COVERED unless --link-resolv-conf")
    void dryRunSaysWhatResolvConfWouldBypass() {
        CliRuns.Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("\nDry run: nothing was changed.\n"), r.out());
        assertEquals("port853 apply: note: /etc/resolv.conf is a file of its own naming 8.8.8.8, so programs that read it "
                + "bypass this change: applied as planned, it ends NOT_COVERED (exit 3); add --link-resolv-conf to "
                + "point it at the stub.\n", r.err());
        CliRuns.Run json = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--json");
        assertTrue(json.err().contains("NOT_COVERED (exit 3)"), json.err());
        assertEquals("", run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--link-resolv-conf").err());
        org.port853.core.ResolverState s = adapter.state;
        adapter.state = withResolvConf(s, new org.port853.core.ResolvConfState(
                org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")));
        assertEquals("", run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run").err(), "the stub: nothing to say");
        adapter.state = withResolvConf(s, new org.port853.core.ResolvConfState(
                org.port853.core.ResolvConfState.Kind.STATIC, null, List.of("198.18.124.4"), true));
        assertTrue(run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run").err().contains("so nearly every "
                + "program on this machine bypasses this change (the C library follows the file): applied as planned"),
                "as the real apply says where the C library follows the file");
        // no link replaces a directory: the advice to add --link-resolv-conf alone would only be refused
        assertEquals("port853 apply: note: /etc/resolv.conf is a directory, so programs that read it find no DNS server "
                + "there: applied as planned, it ends NOT_COVERED (exit 3); move the directory away first (sudo mv "
                + "/etc/resolv.conf /etc/resolv.conf.old), then add --link-resolv-conf to point it at the stub.\n",
                dryRunOn(org.port853.core.ResolvConfState.Kind.DIRECTORY));
    }

    @Test
    @DisplayName("on a /etc/resolv.conf that keeps changing, the dry run says to stop whatever rewrites it before "
            + "--link-resolv-conf, which that program would undo")
    void dryRunSaysToStopTheRewriterBeforeTheLink() {
        assertEquals("port853 apply: note: /etc/resolv.conf kept changing while it was read, so programs that read it "
                + "bypass this change: applied as planned, it ends NOT_COVERED (exit 3); find the program that keeps "
                + "rewriting it and stop it first, then add --link-resolv-conf to point it at the stub.\n",
                dryRunOn(org.port853.core.ResolvConfState.Kind.CHANGING));
    }

    /** What a strict dry run says on stderr with /etc/resolv.conf of {@code kind}, naming no server, read by the C library. */
    private String dryRunOn(org.port853.core.ResolvConfState.Kind kind) {
        adapter.state = withResolvConf(adapter.state, new org.port853.core.ResolvConfState(kind, null, List.of(), true));
        return run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run").err();
    }

    /** {@code s} on Linux with {@code file} at /etc/resolv.conf. */
    private static org.port853.core.ResolverState withResolvConf(org.port853.core.ResolverState s,
                                                                 org.port853.core.ResolvConfState file) {
        return new org.port853.core.ResolverState(s.resolverName(), s.source(), true, true, s.global(), s.links(), null,
                null, new org.port853.platform.linux.LinuxDetails(252, file, List.of()));
    }

    @Test
    @DisplayName("with resolved's stub listener off, the dry run does not advise --link-resolv-conf (nothing answers on the stub)")
    void dryRunDoesNotAdviseALinkToADeadStub() {
        org.port853.core.ResolverState s = adapter.state;
        org.port853.core.GlobalState g = s.global();
        adapter.state = new org.port853.core.ResolverState(s.resolverName(), s.source(), true, true,
                new org.port853.core.GlobalState(g.servers(), g.fallbackServers(), g.currentServer(), g.dnsOverTls(),
                        g.dnssec(), g.dnssecSupported(), g.domains(), "no", g.resolvConfMode()),
                s.links(), null, null, s.platform());
        CliRuns.Run r = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertEquals("port853 apply: note: /etc/resolv.conf is a file of its own naming 8.8.8.8, so programs that read it "
                + "bypass this change: applied as planned, it ends NOT_COVERED (exit 3); systemd-resolved's stub "
                + "listener is off (DNSStubListener=no), so linking /etc/resolv.conf to the stub would leave programs "
                + "that read it without DNS; turn the stub listener on (DNSStubListener=yes) or leave /etc/resolv.conf "
                + "as it is.\n", r.err());
    }

    @Test
    void modeOffAsksForNoEncryption() {
        answeredInPlaintext();
        assertEquals(0, run("apply", "--server", "192.0.2.1", "--mode", "off").code());
    }

    @Test
    void encryptedAnswerIsSuccess() {
        CliRuns.Run r = run("apply", "--provider", "quad9", "--mode", "opportunistic");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    @DisplayName("an unknown provider id is echoed printable and short: no terminal escape, not 100 000 characters")
    void unknownProviderIsEchoedPrintable() {
        for (String[] args : List.of(new String[] {"apply", "--provider", "x\u001b[2Jy", "--mode", "strict", "--dry-run"},
                new String[] {"export", "--format", "resolved", "--provider", "z".repeat(100_000), "--mode", "strict"})) {
            CliRuns.Run r = run(args);
            assertEquals(2, r.code());
            assertFalse(r.err().contains("\u001b"), r.err());
            assertTrue(r.err().length() < 300, r.err().length() + " characters");
            assertTrue(r.err().startsWith("port853 " + args[0] + ": unknown provider '" + (args[0].equals("apply")
                    ? "x\\x1b[2Jy'" : "z".repeat(80) + "…'")), r.err());
        }
    }

    @Test
    @DisplayName("an invalid custom-providers entry: apply and export say why the provider is unknown, in one sentence")
    void invalidCustomProviderFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.port853.core.CustomProviders custom = new org.port853.core.CustomProviders(dir.resolve("custom-providers.json"));
        custom.save(org.port853.core.CustomProviders.validate("home", "Home", "192.168.1.2", "dot.home.example"));
        java.nio.file.Files.writeString(custom.file(), java.nio.file.Files.readString(custom.file())
                .replace("dot.home.example", "dot test"));
        CliServices services = new CliServices(() -> adapter, () -> org.port853.core.ProviderCatalog.withCustom(custom));
        for (String[] args : List.of(new String[] {"apply", "--provider", "home", "--mode", "strict", "--dry-run"},
                new String[] {"export", "--format", "resolved", "--provider", "home", "--mode", "strict"})) {
            CliRuns.Run r = CliRuns.run(services, args);
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("port853 " + args[0] + ": unknown provider 'home' (see 'port853 providers' for the list); "
                    + "your custom providers were not loaded (custom providers file ") && r.err().contains("dot test"), r.err());
            assertTrue(r.err().strip().endsWith("contains a space)") && !r.err().contains("Only the built-in providers are shown"),
                    "one sentence, about this command: " + r.err());
        }
    }

    @Test
    @DisplayName("apply --dry-run --json has the documented pins fields: [] and null (nothing was put in place)")
    void dryRunJsonHasPinFields() throws Exception {
        JsonNode j = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--json").json();
        assertEquals("PLANNED", j.get("outcome").asText());
        assertTrue(j.get("pins").isArray() && j.get("pins").isEmpty(), j.toString());
        assertTrue(j.has("pinsProblem") && j.get("pinsProblem").isNull(), j.toString());
    }

    @Test
    @DisplayName("harden --dry-run --json is shaped as apply --json: the plan in actions, the file as item and diff")
    void hardenDryRunJsonIsShapedAsApply() throws Exception {
        JsonNode j = run("harden", "--dry-run", "--json").json();
        assertEquals("PLANNED", j.get("outcome").asText());
        assertEquals("dry run: nothing was changed", j.get("reason").asText());
        assertEquals("write " + org.port853.probe.doctor.Hardening.FILE, j.at("/actions/0").asText());
        assertTrue(j.get("actions").size() == 3, j.toString());
        assertEquals(org.port853.probe.doctor.Hardening.FILE, j.at("/nftables/path").asText());
        assertTrue(j.at("/nftables/content").asText().contains("table inet port853"), j.toString());
        assertTrue(j.get("diff").asText().contains("dport 53 drop"), j.toString());
        JsonNode revert = run("harden", "--revert", "--dry-run", "--json").json();
        assertTrue(revert.at("/actions/0").asText().startsWith("nft delete table inet port853"), revert.toString());
        assertTrue(revert.at("/nftables/content").isNull());
        boolean installed = java.nio.file.Files.exists(java.nio.file.Path.of(org.port853.probe.doctor.Hardening.FILE));
        // a file that is not there is not planned for removal
        assertEquals(installed ? 2 : 1, revert.get("actions").size(), revert.toString());
        assertEquals(!installed, revert.at("/actions/0").asText().contains("is not there"), revert.toString());
        assertEquals(List.of(), adapter.calls, "a dry run never reaches the adapter");
        for (String[] args : List.of(new String[] {"harden", "--dry-run"}, new String[] {"harden", "--revert", "--dry-run"})) {
            String text = run(args).out();
            assertTrue(text.strip().endsWith("Dry run: nothing was changed."), "says so, as apply --dry-run does: " + text);
        }
    }

    @Test
    @DisplayName("recover --json with nothing to recover: \"dropIn\": null, not an object of nulls")
    void recoverWithoutFileGivesNullItem() throws Exception {
        adapter.result = new ApplyResult(Outcome.UNCHANGED, "there is no interrupted change",
                new ApplyResult.Item("dropIn", null, null), List.of(), false, Duration.ZERO);
        JsonNode j = run("recover", "--json").json();
        assertTrue(j.has("dropIn") && j.get("dropIn").isNull(), j.toString());
        adapter.result = new ApplyResult(Outcome.KEPT, "kept", new ApplyResult.Item("dropIn", "/x", "c"), List.of(), true,
                Duration.ZERO);
        assertEquals("/x", run("recover", "--json").json().at("/dropIn/path").asText());
    }

    @Test
    @DisplayName("revert --json that kept Port853's drop-in because someone else changed it: \"dropIn\": null (no file "
            + "touched), not a path with content null, which reads as removed; the file is in leftAlone, exit 3")
    void revertThatKeptTheDropInTouchedNoFile() throws Exception {
        String dropIn = "/etc/systemd/resolved.conf.d/zz-port853.conf";
        adapter.result = ApplyResult.of(Outcome.UNCHANGED, org.port853.core.Sentence.of("nothing reverted: " + dropIn
                + " changed after Port853 last wrote it", "result.nothing-to-revert.others", dropIn))
                .withItem(new ApplyResult.Item("dropIn", dropIn, null));
        CliRuns.Run r = run("revert", "--json");
        assertEquals(3, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.has("dropIn") && j.get("dropIn").isNull(), j.toString());
        assertEquals(dropIn, j.at("/leftAlone/0").asText(), j.toString());

        adapter.result = new ApplyResult(Outcome.REVERTED, "reverted", new ApplyResult.Item("dropIn", dropIn, null),
                List.of(), false, Duration.ZERO);
        assertEquals(dropIn, run("revert", "--json").json().at("/dropIn/path").asText(), "a removed file stays named");
    }

    @Test
    @DisplayName("a reason without a fix has fix null in JSON and no empty 'Fix:' line in text")
    void reasonWithoutFix() throws Exception {
        org.port853.core.Reason r = new org.port853.core.Reason("WIN_DOT_UNAVAILABLE", org.port853.core.Severity.INFO,
                "No DoT here.", "");
        assertEquals(null, r.fix());
    }

    @Test
    @DisplayName("run as root, a refusal and a result say their commands as root types them (no sudo), as status and "
            + "doctor do: text and --json, dry run and change")
    void rootIsToldCommandsWithoutSudo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.port853.core.Privileges.isRoot(), "the tests run as root");
        String masked = "the drop-in /run/systemd/resolved.conf.d/zz-vpn.conf sorts after Port853's file and sets "
                + "DNSOverTLS, which would override Port853's settings; mask it first (sudo ln -s /dev/null "
                + "/etc/systemd/resolved.conf.d/zz-vpn.conf)";
        adapter.plan = org.port853.platform.Plan.refused(masked);
        CliRuns.Run dry = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run");
        assertTrue(dry.err().contains("mask it first (ln -s /dev/null /etc/systemd/resolved.conf.d/zz-vpn.conf)."),
                dry.err());
        assertFalse(dry.err().contains("sudo"), dry.err());
        CliRuns.Run dryJson = run("apply", "--provider", "quad9", "--mode", "strict", "--dry-run", "--json");
        assertFalse(dryJson.json().get("reason").asText().contains("sudo"), dryJson.out());
        adapter.result = ApplyResult.of(Outcome.REFUSED, masked);
        CliRuns.Run refused = run("apply", "--provider", "quad9", "--mode", "strict");
        assertFalse(refused.err().contains("sudo") || refused.out().contains("sudo"), refused.err());
    }
}
