package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ServerAddress;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Alt+letter pressed as a keyboard user presses it, on screens where JavaFX's own handling failed. */
class MnemonicKeysTest extends WindowTestBase {
    private void openOn(FxRobot robot, int tab) throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                true)), () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        TabPane tabs = robot.lookup("#screens").query();
        fx(() -> {
            tabs.getSelectionModel().select(tab);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void altPlus(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).press(key).release(key).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("Alt+P on Providers opens 'Add your own provider' although Status's hidden 'Protect' is Alt+P too, "
            + "and the menu bar is not left selected (the next Down opens no menu)")
    void aLetterInTheOtherCaseOnAHiddenScreen(FxRobot robot) throws Exception {
        openOn(robot, 1);
        altPlus(robot, KeyCode.P);
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#custom-form") != null));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> Window.getWindows().stream().noneMatch(w -> w != stage && w.isShowing()));
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = robot.lookup(".menu-bar").query();
        assertFalse(fx(() -> bar.getMenus().stream().anyMatch(javafx.scene.control.Menu::isShowing)),
                "Down after a mnemonic opened a menu: the menu bar took the Alt for a lone one");
    }

    @Test
    @DisplayName("Alt+P on Traffic pauses (it only moved the focus to Pause), and Alt+R of the button's Resume resumes")
    void toggleButtonsToggle(FxRobot robot) throws Exception {
        openOn(robot, 2);
        ToggleButton pause = robot.lookup("#traffic-pause").query();
        boolean before = fx(pause::isSelected);
        altPlus(robot, KeyCode.P);
        waitUntil(() -> pause.isSelected() != before);
        altPlus(robot, KeyCode.R);
        waitUntil(() -> pause.isSelected() == before);
    }

    @Test
    @DisplayName("Alt+M on Preferences ticks 'Start minimised' (it only moved the focus)")
    void checkBoxesTick(FxRobot robot) throws Exception {
        openOn(robot, 5);
        CheckBox minimised = robot.lookup("#pref-minimised").query();
        boolean before = fx(minimised::isSelected);
        altPlus(robot, KeyCode.M);
        waitUntil(() -> minimised.isSelected() != before);
        assertTrue(fx(minimised::isFocused));
    }
}
