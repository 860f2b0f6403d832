package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.ui.apply.ApplyViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The apply sheet blocks the whole window (header's "Exit demo", menus and their shortcuts), and the keyboard focus
 * starts on the Status screen's primary control and comes back to what opened a sheet, never on "Exit demo".
 */
class SheetAndFocusTest extends WindowTestBase {
    private static final KeyCombination VERIFY = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SCREEN_3 = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN);

    @TempDir
    Path configDir;

    private void openDemo() throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        fx(() -> {
            window.verifyViewModel().setSettle(Duration.ofMillis(300));
            return null;
        });
    }

    /** What the shortcut does (the menu bar's accelerator, as a key press runs it). */
    private void press(KeyCombination k) throws Exception {
        fx(() -> {
            Runnable r = stage.getScene().getAccelerators().get(k);
            if (r != null) r.run();
            return null;
        });
    }

    /** Closes the result sheet and turns encryption off with the switch: the turn-off sheet's preview. */
    private void closeAndTurnOff(FxRobot robot, ApplyViewModel apply) throws Exception {
        fx(() -> {
            apply.close();
            return null;
        });
        atlantafx.base.controls.ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        waitUntil(() -> !sw.isDisabled() && sw.isSelected());
        fx(() -> {
            sw.fire();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertEquals(ApplyViewModel.Kind.REVERT, apply.kind());
    }

    private String focusId() throws Exception {
        return fx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }

    @Test
    @DisplayName("while the apply sheet is open: Exit demo, the screen and Verify shortcuts do nothing; after it, they work")
    void sheetBlocksHeaderAndShortcuts(FxRobot robot) throws Exception {
        openDemo();
        ApplyViewModel apply = window.applyViewModel();
        Button exit = robot.lookup("#exit-demo").queryButton();
        assertFalse(fx(exit::isDisabled), "Exit demo usable without a sheet");
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertTrue(fx(exit::isDisabled), "Exit demo is not usable while the sheet is open");
        press(VERIFY);
        press(SCREEN_3);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> window.verifyViewModel().runningProperty().get()), "Ctrl+Shift+V started a Verify behind the sheet");
        assertEquals(MainWindow.Screen.STATUS, fx(() -> window.navigation().currentProperty().get()),
                "a screen shortcut switched the screen behind the sheet");
        assertNotEquals("exit-demo", focusId());

        fx(() -> {
            apply.confirm();
            return null;
        });
        // while the change runs and on its result: still blocked
        assertTrue(fx(exit::isDisabled), "Exit demo is not usable while the change runs");
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        assertTrue(fx(exit::isDisabled));
        assertNotEquals("exit-demo", focusId());
        fx(() -> {
            apply.close();
            return null;
        });
        assertFalse(fx(exit::isDisabled), "Exit demo usable again once the sheet is closed");
        press(VERIFY);
        assertTrue(fx(() -> window.verifyViewModel().runningProperty().get()), "Ctrl+Shift+V verifies again");
        waitUntil(() -> !window.verifyViewModel().runningProperty().get());
    }

    @Test
    @DisplayName("the result lists what was done (with the server that answered the check) under 'Done'; Escape closes it")
    void resultSaysWhatWasDoneAndEscapeClosesIt(FxRobot robot) throws Exception {
        openDemo();
        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        String planned = fx(() -> apply.actionsProperty().get());
        fx(() -> {
            apply.confirm();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        String done = fx(() -> apply.actionsProperty().get());
        assertNotEquals(planned, done, "the result shows the steps taken, not the plan");
        assertTrue(done.contains(fx(() -> apply.resultProperty().get().actions().get(0)).replace("(demo) ", "")),
                done);
        assertTrue(robot.lookup(".section-label").queryAll().stream().anyMatch(n -> n.isVisible()
                && org.port853.ui.common.I18n.t("apply.actions.done").equals(((javafx.scene.control.Label) n).getText())));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.IDLE);
    }

    @Test
    @DisplayName("focus starts on Protect my DNS, comes back to it after the sheet, and is not left on Exit demo by a Verify")
    void focusNeverStraysToExitDemo(FxRobot robot) throws Exception {
        openDemo();
        waitUntil(() -> "protect-button".equals(focusId()));
        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            robot.lookup("#protect-button").queryButton().fire();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        waitUntil(() -> "apply-confirm".equals(focusId()));
        fx(() -> {
            apply.close();
            return null;
        });
        waitUntil(() -> "protect-button".equals(focusId()));

        fx(() -> {
            window.verifyNow();
            return null;
        });
        waitUntil(() -> !window.verifyViewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> "verify-run".equals(focusId()));
    }

    @Test
    @DisplayName("Quit while a change to the machine runs asks first (Cancel is the default and keeps the window); "
            + "before and after the change, and in the demo, it quits at once")
    void quitDuringAChangeAsks(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        adapter.delayMs = 60_000;
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        java.util.concurrent.atomic.AtomicInteger quits = new java.util.concurrent.atomic.AtomicInteger();
        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertTrue(fx(() -> window.quitAfterAsking(quits::incrementAndGet)), "nothing runs during a preview");
        assertEquals(1, quits.get());
        fx(() -> {
            apply.confirm();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.APPLYING);

        var answer = WaitForAsyncUtils.asyncFx(() -> window.quitAfterAsking(quits::incrementAndGet));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        assertTrue(fx(pane::getContentText).startsWith("Port853 is changing your DNS settings"), fx(pane::getContentText));
        Button defaultButton = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton())
                .query();
        assertEquals("Cancel", fx(defaultButton::getText), "waiting is the default");
        fx(() -> {
            defaultButton.fire();
            return null;
        });
        assertFalse(answer.get(), "the user chose to wait");
        assertEquals(1, quits.get(), "no quit while the user waits for the change");

        answer = WaitForAsyncUtils.asyncFx(() -> window.quitAfterAsking(quits::incrementAndGet));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button quitAnyway = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && !b.isDefaultButton())
                .query();
        assertEquals("_Quit anyway", fx(quitAnyway::getText));
        fx(() -> {
            quitAnyway.fire();
            return null;
        });
        assertTrue(answer.get());
        assertEquals(2, quits.get());
    }

    @Test
    @DisplayName("the turn-off sheet opens on Cancel, and Enter does not turn encryption off (walkthrough: Space on the "
            + "switch, then Space again, turned it off)")
    void turnOffSheetOpensOnCancel(FxRobot robot) throws Exception {
        openDemo();
        ApplyViewModel apply = window.applyViewModel();
        untilPreview(() -> window.statusViewModel().protect());
        Button confirm = robot.lookup("#apply-confirm").query();
        assertTrue(fx(confirm::isDefaultButton), "a change takes Enter");
        assertEquals("apply-confirm", focusId());
        fx(() -> {
            apply.confirm();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        closeAndTurnOff(robot, apply);
        waitUntil(() -> "apply-cancel".equals(focusId()));
        assertFalse(fx(confirm::isDefaultButton), "Enter must not turn encryption off");
        assertTrue(robot.lookup("#apply-body").query().isFocusTraversable(), "the sheet's text is a Tab stop");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW
                || apply.phaseProperty().get() == ApplyViewModel.Phase.IDLE), fx(() -> apply.phaseProperty().get()).name());
    }

    @Test
    @DisplayName("in the demo a running change is only simulated: Quit does not ask")
    void demoQuitDoesNotAsk(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(Duration.ofSeconds(5), false), configDir,
                new Fakes.RecordingNotifier()));
        ApplyViewModel apply = window.applyViewModel();
        protectAndConfirm();
        assertEquals(ApplyViewModel.Phase.APPLYING, fx(() -> apply.phaseProperty().get()));
        java.util.concurrent.atomic.AtomicInteger quits = new java.util.concurrent.atomic.AtomicInteger();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.quitAfterAsking(quits::incrementAndGet))
                .get(10, java.util.concurrent.TimeUnit.SECONDS), "no question in the demo");
        assertEquals(1, quits.get());
    }

    @Test
    @DisplayName("a new sheet starts at its top, not where the previous one was scrolled to")
    void newSheetStartsAtTheTop(FxRobot robot) throws Exception {
        openDemo();
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT); // the sheet's body scrolls
        ApplyViewModel apply = window.applyViewModel();
        protectAndConfirm();
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane body = robot.lookup(".sheet-body").query();
        assertTrue(fx(() -> body.getContent().getLayoutBounds().getHeight() > body.getViewportBounds().getHeight()),
                "the result is taller than the sheet");
        fx(() -> {
            body.setVvalue(body.getVmax()); // the user read the result to its end
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // turning encryption off opens the next sheet
        closeAndTurnOff(robot, apply);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(body.getVmin(), fx(body::getVvalue), "the new sheet is scrolled mid-way");
        javafx.scene.Node summary = robot.lookup("#apply-summary").query();
        assertTrue(fx(() -> summary.localToScene(summary.getLayoutBounds()).getMinY()
                >= body.localToScene(body.getLayoutBounds()).getMinY()), "the new sheet's headline is out of view");
    }
    @Test
    @DisplayName("a screen chosen by its shortcut while a control of the last screen had the focus starts on the new "
            + "screen's primary control (walkthrough: Traffic opened with the focus on Clear)")
    void screenShortcutFocusesTheNewScreensPrimaryControl(FxRobot robot) throws Exception {
        openDemo();
        waitUntil(() -> "protect-button".equals(focusId()) || "encryption-switch".equals(focusId()));
        press(SCREEN_3);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("traffic-pause", focusId(), "the Traffic screen's first control while monitoring");
        press(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("verify-run", focusId());
    }

    @Test
    @DisplayName("Status chosen by its shortcut starts on Protect my DNS, not on the 'Show the leaked queries' link that "
            + "comes first on the screen")
    void statusShortcutFocusesProtectNotTheLeakLink(FxRobot robot) throws Exception {
        openDemo();
        waitUntil(() -> fx(() -> robot.lookup("#show-leaks").query().isVisible()));
        verifyAndBackFocusPrimaries();
    }

    @Test
    @DisplayName("after Exit demo (the real window put in the demo's scene) the focus starts on Protect my DNS, and "
            + "outside the demo (no 'Exit demo' to catch it) a screen chosen by its shortcut starts on its primary "
            + "control, not on the tabs")
    void afterExitDemoAndOutsideTheDemoTheFocusIsOnThePrimaryControl(FxRobot robot) throws Exception {
        openDemo();
        waitUntil(() -> "protect-button".equals(focusId()) || "encryption-switch".equals(focusId()));
        MainWindow demo = window;
        fx(() -> {
            demo.shutdown();
            return null;
        });
        openPlaintextMachine(); // as Exit demo does: the same stage and scene, the demo's focused button removed
        waitUntil(() -> "protect-button".equals(focusId()));
        verifyAndBackFocusPrimaries();
    }

    /**
     * Ctrl+4 (Verify) starts on Run, Ctrl+1 (Status) on Protect my DNS. The focus moves in a runLater after the screen
     * is shown, which on a loaded machine can come after the pulses waitForFxEvents waits: each is waited for.
     */
    private void verifyAndBackFocusPrimaries() throws Exception {
        press(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
        focusLandsOn("verify-run");
        press(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
        focusLandsOn("protect-button");
    }

    private void focusLandsOn(String id) throws Exception {
        try {
            waitUntil(() -> id.equals(focusId()));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(id, focusId());
        }
    }
}
