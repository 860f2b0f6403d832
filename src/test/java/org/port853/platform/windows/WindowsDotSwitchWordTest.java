package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DotMode;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.ui.common.I18n;

/**
 * The global DoT switch is one flag, so a word Port853 does not know agrees with every recorded state of it: what it
 * means comes from the rest of the same reading (dot-26100-de after an apply, with the display language switched to one
 * whose yes and no Port853 knows neither of), or, where nothing there pins it down, it stays unknown.
 */
class WindowsDotSwitchWordTest {
    /** German labels; neither "jaa" nor "neen" is in Port853's lists. */
    private static final FakeWindows.Language UNKNOWN = new FakeWindows.Language(true, "jaa", "neen");
    private static final HelperRequest QUAD9 = HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false);

    @TempDir
    Path state;

    private ApplyResult run(FakeWindows w, HelperRequest r) {
        return WindowsChangeTest.run(w, state, r);
    }

    /** dot-26100-de with quad9 applied strictly, then {@code meanwhile} done to it by someone else. */
    private FakeWindows applied(Consumer<FakeWindows> meanwhile) {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        assertEquals(Outcome.APPLIED, run(w, QUAD9).outcome());
        meanwhile.accept(w);
        return w;
    }

    /** The revert once netsh speaks the language Port853 does not know; the log then holds its commands only. */
    private ApplyResult revertInTheUnknownLanguage(FakeWindows w) {
        w.language = UNKNOWN;
        w.log.clear();
        return run(w, HelperRequest.of(HelperRequest.Action.REVERT));
    }

    private static boolean setsTheSwitch(Command c) {
        return c.argv().size() > 3 && c.argv().subList(0, 4).equals(List.of("netsh", "dnsclient", "set", "global"));
    }

    @Test
    @DisplayName("revert after someone else turned the switch off: 'neen' is no by Port853's entries beside it, so the "
            + "switch is as before and is not written (it was taken for Port853's on and written over)")
    void revertAfterSomeoneElseTurnedTheSwitchOff() {
        FakeWindows w = applied(x -> x.dotEnabled = false);
        ApplyResult reverted = revertInTheUnknownLanguage(w);
        assertEquals(Outcome.REVERTED, reverted.outcome(), reverted.reason());
        assertTrue(w.writes().stream().noneMatch(WindowsDotSwitchWordTest::setsTheSwitch), w.writes().toString());
        assertFalse(reverted.actions().contains("restore DoT (global)"), reverted.actions().toString());
        assertFalse(w.dotEnabled);
    }

    @Test
    @DisplayName("recover after an apply killed before it wrote the switch: 'neen' is no by the entries, so the change "
            + "is unfinished and rolled back (it was taken for Port853's on and kept)")
    void recoverAfterTheSwitchWasNeverWritten() {
        // someone turned it off; applying again turns it on, and is killed just before that
        FakeWindows w = applied(x -> x.dotEnabled = false);
        CommandRunner killedAtTheSwitch = c -> {
            if (setsTheSwitch(c)) {
                throw new Error("killed");
            }
            return w.run(c);
        };
        try {
            WindowsHelper.handle(HelperDocuments.write(QUAD9), new WindowsSystem(killedAtTheSwitch, w, w, null, state),
                    WindowsPlannerTest.CATALOG);
        } catch (Error expected) {
            // the process died here
        }
        w.language = UNKNOWN;
        ApplyResult recovered = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.ROLLED_BACK, recovered.outcome(), recovered.reason());
        assertFalse(w.dotEnabled);
    }

    @Test
    @DisplayName("revert where nothing pins the switch's word (someone removed Port853's DoT entries): the switch is "
            + "left as it is, and the result names it and the word (it was taken for Port853's on and turned off)")
    void nothingPinsTheWord() {
        FakeWindows w = applied(x -> x.dot.clear());
        ApplyResult reverted = revertInTheUnknownLanguage(w);
        assertTrue(w.writes().stream().noneMatch(WindowsDotSwitchWordTest::setsTheSwitch), w.writes().toString());
        assertTrue(w.dotEnabled);
        String said = "left DoT (global) as it is: netsh prints 'jaa' for the DoT switch, a word Port853 does not know "
                + "as yes or no in the language of this Windows, and nothing else netsh prints shows which it means, so "
                + "Port853 cannot tell whether it is still as Port853 set it";
        assertTrue(reverted.actions().contains(said), reverted.actions().toString());
        assertTrue(reverted.reason().contains(said), reverted.reason());
        assertTrue(reverted.revertLeftUnknown(), reverted.reason()); // what makes the revert exit 3 (ExitCodesTest)
        int step = reverted.actions().indexOf(said);
        assertEquals("DoT (global) bleibt, wie es ist: netsh zeigt „jaa“ für den DoT-Schalter, ein Wort, das Port853 in "
                + "der Sprache dieses Windows weder als Ja noch als Nein kennt, und nichts anderes, was netsh ausgibt, "
                + "zeigt, was es bedeutet, daher kann Port853 nicht erkennen, ob es noch so ist, wie Port853 es gesetzt "
                + "hat", I18n.in(Locale.GERMAN, () -> I18n.said("change.", reverted.actionWords().get(step), "", said)));
    }
}
