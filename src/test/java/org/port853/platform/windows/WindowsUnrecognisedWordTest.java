package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Reason;
import org.port853.core.Severity;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * A Windows whose netsh prints a yes or no in a word none of Port853's lists holds (the fixture dot-26100-xx: the
 * German outputs with the made-up "jaa" for yes; or a display language switched after an apply): reading keeps the
 * word, Port853's own change is applied, checked, reverted and recovered by what the journal records, and status says
 * the value is unknown, naming the word.
 */
class WindowsUnrecognisedWordTest {
    /** Neither word in Port853's lists: the display language was switched to one Port853 does not know. */
    private static final FakeWindows.Language UNKNOWN = new FakeWindows.Language(true, "jaa", "neen");

    @TempDir
    Path state;

    private ApplyResult run(FakeWindows w, HelperRequest r) {
        return WindowsChangeTest.run(w, state, r);
    }

    private static HelperRequest apply(String provider) {
        return HelperRequest.apply(new DesiredSettings(WindowsPlannerTest.CATALOG.find(provider).orElseThrow().servers(),
                DotMode.STRICT, DnssecMode.NO, true, List.of()), false);
    }

    private static final HelperRequest REVERT = HelperRequest.of(HelperRequest.Action.REVERT);

    @Test
    @DisplayName("apply then revert where netsh prints 'jaa' for yes: applied (the read-back failed on the word and the "
            + "rollback stopped on it), then the machine is restored exactly")
    void applyThenRevertWithAnUnlistedYes() {
        FakeWindows w = FakeWindows.load("dot-26100-xx");
        String before = w.everything();
        ApplyResult applied = run(w, apply("cloudflare"));
        assertEquals(Outcome.APPLIED, applied.outcome(), applied.reason());
        assertEquals(new FakeWindows.Dot("cloudflare-dns.com:853", true, false), w.dot.get("1.1.1.1"));
        assertTrue(w.dotEnabled);
        assertFalse(applied.encryptedVerified(), "with the word unknown, the settings read back prove no encryption");
        assertTrue(applied.actions().stream().anyMatch(a -> a.contains("whether the answer was encrypted is unknown: "
                + "netsh prints 'jaa' for ")), applied.actions().toString());

        ApplyResult reverted = run(w, REVERT);
        assertEquals(Outcome.REVERTED, reverted.outcome(), reverted.reason());
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("status after that apply says the yes/no is unknown, naming 'jaa' (At risk, not Protected or an error)")
    void statusNamesTheWord() throws Exception {
        FakeWindows w = FakeWindows.load("dot-26100-xx");
        assertEquals(Outcome.APPLIED, run(w, apply("cloudflare")).outcome());
        WindowsResolverAdapter adapter = new WindowsResolverAdapter(w.system(state), WindowsPlannerTest.CATALOG, null);
        var assessment = adapter.assess(adapter.readState());
        Reason r = assessment.reasons().stream().filter(x -> x.code().equals("WIN_YES_NO_UNRECOGNISED")).findFirst()
                .orElseThrow(() -> new AssertionError(assessment.reasons().toString()));
        assertEquals(Severity.WARNING, r.severity());
        assertEquals("netsh shows 'jaa' where it means yes or no for the encryption of 1.1.1.1, 1.0.0.1, "
                + "2606:4700:4700::1111, 2606:4700:4700::1001, a word Port853 does not know in the language of this "
                + "Windows: whether queries to 1.1.1.1, 1.0.0.1, 2606:4700:4700::1111, 2606:4700:4700::1001 are "
                + "encrypted is unknown.", r.message());
        assertEquals(org.port853.core.Verdict.PARTIAL, assessment.verdict());

        StringWriter out = new StringWriter();
        picocli.CommandLine cl = org.port853.cli.Port853Command.create(new org.port853.cli.CliServices(() -> adapter,
                () -> WindowsPlannerTest.CATALOG));
        cl.setOut(new PrintWriter(out, true));
        cl.execute("status");
        assertTrue(out.toString().contains("netsh shows 'jaa' where it means yes or no"), out.toString());
    }

    @Test
    @DisplayName("display language switched to an unknown one after an apply: revert restores (it stopped on the word)")
    void revertAfterTheLanguageChanged() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        String before = w.everything();
        assertEquals(Outcome.APPLIED, run(w, apply("quad9")).outcome());
        w.language = UNKNOWN;
        ApplyResult reverted = run(w, REVERT);
        assertEquals(Outcome.REVERTED, reverted.outcome(), reverted.reason());
        w.language = FakeWindows.Language.GERMAN;
        assertEquals(before, w.everything());
        assertEquals(new FakeWindows.Dot("dns.quad9.net:853", false, true), w.dot.get("2620:fe::fe"),
                "the entry Port853 changed has its values from before again");
    }

    @Test
    @DisplayName("an interrupted change is kept by recover after the language changed (it stopped on the word)")
    void recoverKeepsAfterTheLanguageChanged() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        interruptedApply(w);
        w.language = UNKNOWN;
        ApplyResult keep = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.KEPT, keep.outcome(), keep.reason());
    }

    @Test
    @DisplayName("an interrupted change that does not work is rolled back by recover after the language changed")
    void recoverRollsBackAfterTheLanguageChanged() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        String before = w.everything();
        interruptedApply(w);
        w.language = UNKNOWN;
        w.resolves = false;
        ApplyResult back = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.ROLLED_BACK, back.outcome(), back.reason());
        w.language = FakeWindows.Language.GERMAN;
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("a change that would overwrite a setting shown as 'jaa' is refused, naming it: it could not be put back")
    void overwritingAnUnknownValueIsRefused() {
        FakeWindows w = FakeWindows.load("dot-26100-xx");
        ApplyResult r = run(w, apply("quad9"));
        assertEquals(Outcome.REFUSED, r.outcome(), r.reason());
        assertEquals("netsh prints 'jaa' for the UDP fallback of 2620:fe::fe, a word Port853 does not know as yes or no "
                + "in the language of this Windows, so Port853 could not put that setting back as it is now if the "
                + "change had to be undone", r.reason());
        assertEquals(List.of(), w.writes());
    }

    /** Applies quad9 strict and kills the helper during the health check: the items are written, the journal pending. */
    private void interruptedApply(FakeWindows w) {
        WindowsSystem crashing = new WindowsSystem(w, w, (name, t) -> {
            throw new Error("killed");
        }, null, state);
        try {
            WindowsHelper.handle(HelperDocuments.write(apply("quad9")), crashing, WindowsPlannerTest.CATALOG);
        } catch (Error expected) {
            // the process died here
        }
    }
}
