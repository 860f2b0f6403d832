package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DotMode;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/** The elevated side end to end on the fake machine: plan, engine, exact commands, journal, revert, rollback. */
class WindowsChangeTest {
    @TempDir
    Path state;

    private ApplyResult run(FakeWindows w, HelperRequest r) {
        return run(w, state, r);
    }

    /** The elevated side's result for {@code r} on {@code w}, with its journal in {@code state}. */
    static ApplyResult run(FakeWindows w, Path state, HelperRequest r) {
        WindowsHelper.Response resp = WindowsHelper.handle(HelperDocuments.write(r), w.system(state),
                WindowsPlannerTest.CATALOG);
        assertTrue(resp.resultJson() != null, () -> "no result: " + resp.error());
        return HelperDocuments.readResult(resp.resultJson());
    }

    /** Applies strict and kills the helper during the health check: the items are written, the journal pending. */
    private void interruptedApply(FakeWindows w) {
        interruptedApply(w, state);
    }

    static void interruptedApply(FakeWindows w, Path state) {
        WindowsSystem crashing = new WindowsSystem(w, w, (name, t) -> {
            throw new Error("killed");
        }, null, state);
        try {
            WindowsHelper.handle(HelperDocuments.write(HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT),
                    false)), crashing, WindowsPlannerTest.CATALOG);
        } catch (Error expected) {
            // the process died here
        }
    }

    private ApplyResult apply(FakeWindows w, DotMode mode) {
        return run(w, HelperRequest.apply(WindowsPlannerTest.quad9(mode), false));
    }

    @Test
    @DisplayName("revert on a machine only the fleet script changed does nothing and says why (it removed the script's "
            + "rule alone, kept its entries and adapter servers, and said 'restored the previous settings')")
    void revertLeavesTheFleetScriptsSettings() {
        FakeWindows w = FakeWindows.load("home-22631");
        w.rules.add(new FakeWindows.Rule("{0F1EE7}", List.of("."), List.of("9.9.9.9"), NrptRule.FLEET_COMMENT));
        String before = w.everything();
        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.UNCHANGED, revert.outcome(), revert.reason());
        assertTrue(revert.reason().startsWith("nothing to revert: Port853 has no record of a change on this computer; "
                + "the rule for all names here was written by Port853's fleet script"), revert.reason());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("apply then revert on a machine the fleet script configured puts the script's rule back with its values "
            + "(revert removed it, put back the script's entries and adapter servers without it, and said 'restored')")
    void revertRestoresTheFleetScriptsRule() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        PowerShellExportTest.runByItsLogic(PowerShellExportTest.script(DotMode.STRICT, "cloudflare"), w);
        FakeWindows.Rule fleet = w.rules.stream().filter(r -> NrptRule.FLEET_COMMENT.equals(r.comment())).findFirst()
                .orElseThrow();
        String configuredByTheFleet = w.everything();
        assertEquals(Outcome.APPLIED, apply(w, DotMode.STRICT).outcome());
        assertFalse(w.rules.contains(fleet), "Port853's rule replaced the script's");

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertTrue(w.rules.stream().anyMatch(r -> r.namespace().equals(fleet.namespace())
                && r.servers().equals(fleet.servers()) && r.comment().equals(fleet.comment())),
                () -> "the script's rule is back as it was: " + w.rules);
        assertEquals(configuredByTheFleet, w.everything());
    }

    @Test
    @DisplayName("DoH strict → assessed protected; applying twice writes nothing; revert restores the machine exactly")
    void applyTwiceThenRevert() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        ApplyResult first = apply(w, DotMode.STRICT);
        assertEquals(Outcome.APPLIED, first.outcome(), first.reason());
        assertTrue(first.encryptedVerified());
        assertEquals(1, w.cacheClears);
        String health = "health check: " + WindowsResolverControl.CHECK_NAME + " resolved; every server in Port853's rule "
                + "is encrypted without UDP fallback, so the answer was encrypted (servers in the rule: 9.9.9.9, "
                + "149.112.112.112, 2620:fe::fe, 2620:fe::9)";
        assertTrue(first.actions().contains(health), first.actions().toString());
        WindowsDetails d = WindowsStateReaderTest.read(w);
        assertTrue(new WindowsRules().assess(d).stream().allMatch(r -> r.severity() == org.port853.core.Severity.INFO),
                () -> new WindowsRules().assess(d).toString());
        assertEquals(List.of("9.9.9.9", "149.112.112.112", "2620:fe::fe", "2620:fe::9"),
                d.port853Rule().orElseThrow().nameServers());
        assertTrue(d.entryFor("9.9.9.9").orElseThrow().strict());
        assertEquals(List.of(".corp.example"), d.nrptRules().get(0).namespaces(), "the user's own rule stays");
        assertTrue(w.log.contains(IcaclsGuard.command(state)), "the journal directory is locked down");
        assertTrue(Files.exists(state.resolve("journal.json")));

        int writes = w.writes().size();
        ApplyResult second = apply(w, DotMode.STRICT);
        assertEquals(Outcome.UNCHANGED, second.outcome());
        assertEquals(writes, w.writes().size(), "applying twice runs no write command");

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertEquals(before, w.everything());
        assertTrue(w.doh.containsKey("9.9.9.9"), "the built-in entry that existed before is restored, not removed");
        assertFalse(w.doh.containsKey("2620:fe::9"), "the entry Port853 added is removed");
        assertFalse(Files.exists(state.resolve("journal.json")));
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
    }

    @Test
    @DisplayName("DoT build (German netsh): DoT strict, then opportunistic, then revert restores the original exactly")
    void dotGermanRoundTrip() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        String before = w.everything();
        assertEquals(Outcome.APPLIED, apply(w, DotMode.STRICT).outcome());
        assertTrue(w.dotEnabled);
        assertEquals(new FakeWindows.Dot("dns.quad9.net:853", true, false), w.dot.get("9.9.9.9"));
        ApplyResult opp = apply(w, DotMode.OPPORTUNISTIC);
        assertEquals(Outcome.APPLIED, opp.outcome(), opp.reason());
        assertFalse(opp.encryptedVerified(), "with UDP fallback an answer proves nothing");
        assertTrue(w.dot.get("9.9.9.9").udpFallback());
        assertEquals(Outcome.REVERTED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("a failed health check rolls every item back; the machine is as before")
    void failedCheckRollsBack() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        w.resolves = false;
        ApplyResult r = apply(w, DotMode.STRICT);
        assertEquals(Outcome.ROLLED_BACK, r.outcome());
        assertTrue(r.reason().contains("did not resolve"), r.reason());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("a write that fails half-way: the items already written are put back")
    void failedWriteRestores() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        w.failing = c -> PowerShell.ADD_NRPT.equals(PowerShell.scriptOf(c));
        ApplyResult r = apply(w, DotMode.STRICT);
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(r.reason().startsWith("could not write NRPT \".\": Add-DnsClientNrptRule failed"), r.reason());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("an interrupted change (journal pending, helper killed) is rolled back by recover when it does not work")
    void recoverInterrupted() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        // kill the helper during the health check: the items are written, the journal still says pending
        interruptedApply(w);
        assertNotEquals(before, w.everything());
        assertTrue(Files.readString(state.resolve("journal.json"), StandardCharsets.UTF_8).contains("\"pending\" : {"));
        w.resolves = false;
        ApplyResult r = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.ROLLED_BACK, r.outcome());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("status shows an interrupted change through the engine's public marker, in a folder Users may read")
    void pendingMarkerInStatus() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        interruptedApply(w);
        assertTrue(w.log.contains(IcaclsGuard.readableCommand(state.resolve("status"))), "Users may read the marker folder");
        assertTrue(Files.isRegularFile(state.resolve("status").resolve("pending.json")));
        WindowsResolverAdapter adapter = new WindowsResolverAdapter(w.system(state), WindowsPlannerTest.CATALOG, null);
        var pending = adapter.readState().pendingChange();
        assertEquals("DNS-over-HTTPS strict with 4 servers", pending == null ? null : pending.description());
        assertTrue(adapter.assess(adapter.readState()).reasons().stream().anyMatch(x -> x.code().equals("CHANGE_INTERRUPTED")));

        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = org.port853.cli.Port853Command.create(new org.port853.cli.CliServices(() -> adapter,
                () -> WindowsPlannerTest.CATALOG));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.execute("status", "--json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals("DNS-over-HTTPS strict with 4 servers", json.path("pendingChange").path("description").asText(),
                out.toString());

        assertEquals(Outcome.KEPT, run(w, HelperRequest.of(HelperRequest.Action.RECOVER)).outcome());
        assertEquals(null, adapter.readState().pendingChange(), "the marker goes with the pending change");
        assertTrue(json.has("pendingChange"));
    }

    @Test
    @DisplayName("an interrupted change that works is kept by recover")
    void recoverKeeps() {
        FakeWindows w = FakeWindows.load("home-22631");
        interruptedApply(w);
        assertEquals(Outcome.KEPT, run(w, HelperRequest.of(HelperRequest.Action.RECOVER)).outcome());
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.of(HelperRequest.Action.RECOVER)).outcome());
    }

    @Test
    @DisplayName("refused under Group Policy: nothing is written, exit 1")
    void refusedUnderPolicy() {
        FakeWindows w = FakeWindows.load("home-22631");
        w.registry.put(RegistryPaths.GROUP_POLICY_NRPT, new java.util.TreeMap<>());
        WindowsHelper.Response resp = WindowsHelper.handle(HelperDocuments.write(HelperRequest.apply(
                WindowsPlannerTest.quad9(DotMode.STRICT), false)), w.system(state), WindowsPlannerTest.CATALOG);
        assertEquals(1, resp.exitCode());
        assertEquals(Outcome.REFUSED, HelperDocuments.readResult(resp.resultJson()).outcome());
        assertEquals(List.of(), w.writes());
    }

    @Test
    @DisplayName("a bad request document is refused with exit 2 before anything is read")
    void badDocument() {
        FakeWindows w = FakeWindows.load("home-22631");
        WindowsHelper.Response resp = WindowsHelper.handle("{\"version\":1,\"action\":\"apply\",\"settings\":{\"servers\":"
                .concat("[\"9.9.9.9; Remove-Item\"],\"mode\":\"strict\"}}").getBytes(StandardCharsets.UTF_8),
                w.system(state), WindowsPlannerTest.CATALOG);
        assertEquals(2, resp.exitCode());
        assertEquals(List.of(), w.log);
    }
}
