package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static boolean setsTheSwitch(Command c) {
        return c.argv().size() > 3 && c.argv().subList(0, 4).equals(List.of("netsh", "dnsclient", "set", "global"));
    }

    @Test
    @DisplayName("revert after someone else turned the switch off: 'neen' is no by Port853's entries beside it, so the "
            + "switch is as before and is not written (it was taken for Port853's on and written over)")
    void revertAfterSomeoneElseTurnedTheSwitchOff() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        assertEquals(Outcome.APPLIED, run(w, QUAD9).outcome());
        w.dotEnabled = false;
        w.language = UNKNOWN;
        w.log.clear();
        ApplyResult reverted = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, reverted.outcome(), reverted.reason());
        assertTrue(w.writes().stream().noneMatch(WindowsDotSwitchWordTest::setsTheSwitch), w.writes().toString());
        assertFalse(reverted.actions().contains("restore DoT (global)"), reverted.actions().toString());
        assertFalse(w.dotEnabled);
    }

    @Test
    @DisplayName("recover after an apply killed before it wrote the switch: 'neen' is no by the entries, so the change "
            + "is unfinished and rolled back (it was taken for Port853's on and kept)")
    void recoverAfterTheSwitchWasNeverWritten() {
        FakeWindows w = FakeWindows.load("dot-26100-de");
        assertEquals(Outcome.APPLIED, run(w, QUAD9).outcome());
        w.dotEnabled = false; // someone turned it off; applying again turns it on, and is killed just before that
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
}
