package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;

@DisplayName("harden: nft looked for where it would run; the exit code says what the result says")
class HardenCommandTest {
    private static final String CONFIG = "/etc/nftables.conf";
    private static final String RULES = "/etc/nftables.d/port853-harden-dns.nft";

    /** Answers every harden with {@link #result}, as the helper would; nothing else is asked of it. */
    static final class HardeningAdapter implements ResolverAdapter {
        ApplyResult result;

        @Override
        public ApplyResult harden(boolean on) {
            return result;
        }

        @Override public String id() { return "hardening"; }
        @Override public boolean isSupported() { return true; }
        @Override public ResolverState readState() { throw new AssertionError("not asked"); }
        @Override public Plan plan(DesiredSettings d, ResolverState s) { throw new AssertionError("not asked"); }
        @Override public ApplyResult apply(DesiredSettings d) { throw new AssertionError("not asked"); }
        @Override public ApplyResult revert() { throw new AssertionError("not asked"); }
        @Override public ApplyResult recover() { throw new AssertionError("not asked"); }
    }

    final HardeningAdapter adapter = new HardeningAdapter();

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), args);
    }

    /** The helper's undo, as its reboot note words it when the boot file still includes the rule file by name. */
    static ApplyResult undo(Outcome outcome, Sentence done) {
        Sentence said = Sentence.of(done.english() + "; " + CONFIG + " still includes " + RULES + " by name: remove that "
                + "line, or loading " + CONFIG + " fails as a whole (nftables.service at boot, nft -f) and none of its "
                + "rules take effect", ApplyResult.UNHARDENED_INCLUDE_LEFT, done, CONFIG, RULES);
        return new ApplyResult(outcome, said.english(), null, List.of("nft delete table inet port853", "remove " + RULES),
                false, Duration.ofMillis(40), said.words(), List.of());
    }

    @Test
    @DisplayName("--revert that leaves the boot file including the removed file (it then fails to load): exit 3, done "
            + "but not covering everything, the outcome line on stderr as a revert's warning; --json too (outside test: "
            + "exit 0)")
    void revertLeavingABrokenBootFileIsExit3() throws Exception {
        adapter.result = undo(Outcome.REVERTED, Sentence.of("the hardening rule is gone", "result.unhardened"));
        CliRuns.Run text = run("harden", "--revert");
        assertEquals(ExitCodes.NOT_COVERED, text.code(), text.out() + text.err());
        assertTrue(text.err().startsWith("Reverted: the hardening rule is gone; " + CONFIG + " still includes " + RULES),
                text.err());
        assertFalse(text.out().contains("still includes"), text.out());
        CliRuns.Run json = run("harden", "--revert", "--json");
        assertEquals(ExitCodes.NOT_COVERED, json.code(), json.err());
        assertEquals("REVERTED", json.json().get("outcome").asText());

        // nothing to remove, but the line is there all the same: the boot file fails to load as well
        adapter.result = undo(Outcome.UNCHANGED, Sentence.of("there is no hardening rule to remove",
                "result.unhardened-nothing"));
        assertEquals(ExitCodes.NOT_COVERED, run("harden", "--revert").code());
    }

    /** The helper's harden, as its reboot note words it when nothing loads the rule at the next boot. */
    static ApplyResult untilReboot(Outcome outcome, Sentence done) {
        String glob = "/etc/nftables.d/*.nft";
        String enable = "sudo systemctl enable nftables";
        Sentence said = Sentence.of(done.english() + ", until the next reboot: " + CONFIG + " does not include " + RULES
                + ", and nftables.service, which loads it at boot, is not enabled; to keep the rule, add the line "
                + "include \"" + glob + "\" to " + CONFIG + " and run " + enable,
                ApplyResult.HARDENED_UNTIL_REBOOT_SERVICE_OFF, done, CONFIG, RULES, glob, 0, enable);
        return new ApplyResult(outcome, said.english(), null, List.of("write " + RULES, "load: nft -f " + RULES),
                false, Duration.ofMillis(40), said.words(), List.of());
    }

    @Test
    @DisplayName("a rule that lasts only until the next reboot: exit 3, the outcome line on stderr saying so and what "
            + "keeps it; also when found in place; --json too (outside test: exit 0)")
    void hardenLostAtRebootIsExit3() throws Exception {
        adapter.result = untilReboot(Outcome.APPLIED, Sentence.of("inbound DNS is dropped on non-loopback interfaces",
                "result.hardened"));
        CliRuns.Run text = run("harden");
        assertEquals(ExitCodes.NOT_COVERED, text.code(), text.out() + text.err());
        assertTrue(text.err().startsWith("Applied: inbound DNS is dropped on non-loopback interfaces, until the next "
                + "reboot: "), text.err());
        assertTrue(text.err().contains("to keep the rule, add the line include \"/etc/nftables.d/*.nft\" to " + CONFIG
                + " and run "), text.err());
        assertFalse(text.out().contains("until the next reboot"), text.out());
        CliRuns.Run json = run("harden", "--json");
        assertEquals(ExitCodes.NOT_COVERED, json.code(), json.err());
        assertEquals("APPLIED", json.json().get("outcome").asText());

        adapter.result = untilReboot(Outcome.UNCHANGED, Sentence.of("the hardening rule is in place already: inbound "
                + "DNS is dropped on non-loopback interfaces", "result.hardened-already"));
        assertEquals(ExitCodes.NOT_COVERED, run("harden").code(), "run again: still lost at the next reboot");
    }

    @Test
    @DisplayName("a rule kept at boot is exit 0, its line on stdout")
    void hardenKeptAtBootIsExit0() {
        Sentence done = Sentence.of("inbound DNS is dropped on non-loopback interfaces", "result.hardened");
        adapter.result = new ApplyResult(Outcome.APPLIED, done.english(), null, List.of("write " + RULES), false,
                Duration.ofMillis(40), done.words(), List.of());
        CliRuns.Run r = run("harden");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Applied: inbound DNS is dropped on non-loopback interfaces (40 ms)."), r.out());
        assertEquals("", r.err());
    }

    @Test
    @DisplayName("a dry run knows whether nft is there to load the rule (Debian 13 walkthrough: planned without it)")
    void nftIsLookedForWhereItWouldRun(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertFalse(HardenCommand.nftIn(List.of(bin, dir.resolve("missing"))));
        Path nft = Files.writeString(bin.resolve("nft"), "#!/bin/sh\n");
        assertFalse(HardenCommand.nftIn(List.of(bin)), "not executable: not runnable");
        nft.toFile().setExecutable(true);
        assertTrue(HardenCommand.nftIn(List.of(dir.resolve("missing"), bin)));
    }

    @Test
    @DisplayName("a plain undo is exit 0, its line on stdout")
    void plainRevertIsExit0() {
        Sentence gone = Sentence.of("the hardening rule is gone", "result.unhardened");
        adapter.result = new ApplyResult(Outcome.REVERTED, gone.english(), null, List.of("nft delete table inet port853"),
                false, Duration.ofMillis(40), gone.words(), List.of());
        CliRuns.Run r = run("harden", "--revert");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Reverted: the hardening rule is gone"), r.out());
        assertEquals("", r.err());
    }
}
