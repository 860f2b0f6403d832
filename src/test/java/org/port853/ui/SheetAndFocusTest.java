package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

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
}
