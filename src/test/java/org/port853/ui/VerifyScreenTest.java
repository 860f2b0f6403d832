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
    @DisplayName("Alt+R runs the verification with the count just typed (not yet committed by leaving the box)")
    void altRRunsWithTypedCount(FxRobot robot) throws Exception {
        openVerify();
        Spinner<Integer> count = robot.lookup("#verify-count").query();
        robot.clickOn(count.getEditor());
        waitUntil(() -> count.getEditor().isFocused()); // the typing happens in the box, as a user's would
        // Alt+R as the window receives it from the desktop, through the scene's whole dispatch chain (its mnemonics
        // included), fired at the focused box; Monocle's robot lost the modifier now and then on a loaded machine
        WaitForAsyncUtils.asyncFx(() -> {
            count.getEditor().setText("7");
            javafx.scene.Node focused = stage.getScene().getFocusOwner();
            key(focused, javafx.scene.input.KeyEvent.KEY_PRESSED, "", javafx.scene.input.KeyCode.ALT, true);
            key(focused, javafx.scene.input.KeyEvent.KEY_PRESSED, "r", javafx.scene.input.KeyCode.R, true);
            key(focused, javafx.scene.input.KeyEvent.KEY_RELEASED, "r", javafx.scene.input.KeyCode.R, true);
            key(focused, javafx.scene.input.KeyEvent.KEY_RELEASED, "", javafx.scene.input.KeyCode.ALT, false);
        }).get();
        waitUntil(() -> window.verifyViewModel().runningProperty().get()
                || window.verifyViewModel().outcomeProperty().get() != org.port853.ui.verify.VerifyViewModel.Outcome.NONE);
        assertEquals(7, window.verifyViewModel().countProperty().get());
    }

    /** A key event as the toolkit delivers one from the desktop (mnemonics match on its text). */
    private static void key(javafx.scene.Node target, javafx.event.EventType<javafx.scene.input.KeyEvent> type,
                            String text, javafx.scene.input.KeyCode code, boolean altDown) {
        javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(type,
                javafx.scene.input.KeyEvent.CHAR_UNDEFINED, text, code, false, false, altDown, false));
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
