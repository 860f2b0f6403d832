package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ServerAddress;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Verify screen's Queries box. */
class VerifyScreenTest extends WindowTestBase {
    @Test
    @DisplayName("a count out of range or not a number keeps the previous count and shows the allowed range; a good one clears it")
    void queriesOutOfRangeSaysTheRange(FxRobot robot) throws Exception {
        openVerify();
        Spinner<Integer> count = robot.lookup("#verify-count").query();
        Label error = robot.lookup("#verify-count-error").query();
        int before = WaitForAsyncUtils.asyncFx(count::getValue).get();
        assertFalse(WaitForAsyncUtils.asyncFx(error::isVisible).get());
        for (String typed : List.of("1000", "abc")) {
            WaitForAsyncUtils.asyncFx(() -> {
                count.getEditor().setText(typed);
                count.commitValue();
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(before, (int) WaitForAsyncUtils.asyncFx(count::getValue).get(), typed);
            assertTrue(WaitForAsyncUtils.asyncFx(error::isVisible).get(), typed);
            assertEquals("Enter a number of queries from 1 to 100.", WaitForAsyncUtils.asyncFx(error::getText).get());
            assertEquals(String.valueOf(before), WaitForAsyncUtils.asyncFx(() -> count.getEditor().getText()).get(),
                    "the box shows the count that will be sent");
        }
        WaitForAsyncUtils.asyncFx(() -> {
            count.getEditor().setText("12");
            count.commitValue();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, (int) WaitForAsyncUtils.asyncFx(count::getValue).get());
        assertEquals(12, window.verifyViewModel().countProperty().get());
        assertFalse(WaitForAsyncUtils.asyncFx(error::isVisible).get());
    }

    @Test
    @DisplayName("Alt+R runs the verification with the count just typed (not yet committed by leaving the box): the "
            + "scene's one shown Alt+R target is Run, and Run uses the typed count")
    void altRRunsWithTypedCount(FxRobot robot) throws Exception {
        openVerify();
        Spinner<Integer> count = robot.lookup("#verify-count").query();
        javafx.scene.control.Button run = robot.lookup("#verify-run").queryButton();
        // what a key press of Alt+R reaches: the mnemonics registered in the scene for it, of nodes shown
        List<javafx.scene.Node> targets = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getMnemonics().entrySet()
                .stream().filter(e -> e.getKey().match(new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.CHAR_UNDEFINED, "r",
                        javafx.scene.input.KeyCode.R, false, false, true, false)))
                .flatMap(e -> e.getValue().stream()).map(javafx.scene.input.Mnemonic::getNode)
                .filter(n -> shown(n) && !n.isDisabled()).toList()).get();
        assertEquals(List.of(run), targets, "JavaFX presses an Alt+R target only when it is the one shown");
        robot.clickOn(count.getEditor());
        waitUntil(() -> count.getEditor().isFocused()); // the typing happens in the box, as a user's would
        WaitForAsyncUtils.asyncFx(() -> {
            count.getEditor().setText("7");
            run.requestFocus(); // what JavaFX does for a mnemonic's one target: focus it (the box commits), press it
            run.fire();
        }).get();
        waitUntil(() -> window.verifyViewModel().runningProperty().get()
                || window.verifyViewModel().outcomeProperty().get() != org.port853.ui.verify.VerifyViewModel.Outcome.NONE);
        assertEquals(7, window.verifyViewModel().countProperty().get());
    }

    @Test
    @DisplayName("while a check runs, its empty list of queries says they follow, not 'Run a check' (rig walkthrough: "
            + "the list asked to start the check that was running)")
    void emptyListWhileRunningSaysTheQueriesFollow(FxRobot robot) throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse(
                "9.9.9.9#dns.quad9.net")), true)), () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier(), exec));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.VERIFY)).get();
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#verify-details").tryQuery().isPresent());
        javafx.scene.control.ListView<?> details = robot.lookup("#verify-details").query();
        Label placeholder = (Label) WaitForAsyncUtils.asyncFx(details::getPlaceholder).get();
        String idle = WaitForAsyncUtils.asyncFx(placeholder::getText).get();
        exec.hold = true;
        WaitForAsyncUtils.asyncFx(() -> window.verifyViewModel().run()).get();
        assertEquals("Each query shows here once the check is done.",
                WaitForAsyncUtils.asyncFx(placeholder::getText).get());
        exec.releaseAll();
        waitUntil(() -> !window.verifyViewModel().runningProperty().get());
        assertEquals(idle, WaitForAsyncUtils.asyncFx(placeholder::getText).get());
    }

    /** In a scene and visible with all its parents (JavaFX's test for a mnemonic's target). */
    private boolean shown(javafx.scene.Node n) {
        if (n.getScene() != stage.getScene()) return false;
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path configDir;

    @Test
    @DisplayName("at the starting size the demo's five wrapped query lines all show: the list takes the screen's free "
            + "height instead of scrolling with half the window empty below it")
    void detailsUseTheFreeHeight(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new org.port853.platform.demo.DemoResolverAdapter(), configDir,
                new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.VERIFY)).get();
        WaitForAsyncUtils.asyncFx(() -> window.verifyViewModel().run()).get();
        waitUntil(() -> !window.verifyViewModel().runningProperty().get()
                && window.verifyViewModel().details().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> details = robot.lookup("#verify-details").query();
        boolean scrolls = WaitForAsyncUtils.asyncFx(() -> details.lookupAll(".scroll-bar").stream()
                .anyMatch(b -> b instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible())).get();
        assertFalse(scrolls, "the five lines scroll in a list of height "
                + WaitForAsyncUtils.asyncFx(details::getHeight).get());
    }

    /** The window on a strict Quad9 system, showing the Verify screen. */
    private void openVerify() throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                true)), () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.VERIFY)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
