package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.demo.DemoResolverAdapter;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Alt+letter on a check box or radio button toggles or selects it and focuses it, as on a GTK desktop. */
class MnemonicToggleTest extends WindowTestBase {
    @TempDir
    Path configDir;

    private String focusId() throws Exception {
        return fx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }

    private void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("Preferences: Alt+N and Alt+K toggle and focus their check boxes, Alt+D selects the dark theme")
    void checkBoxAndRadioMnemonics(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        fx(() -> {
            window.show(MainWindow.Screen.PREFERENCES);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox notify = robot.lookup("#pref-notifications").query();
        boolean before = fx(notify::isSelected);
        alt(robot, KeyCode.N);
        assertEquals("pref-notifications", focusId());
        assertEquals(!before, fx(notify::isSelected), "Alt+N toggles the check box");
        alt(robot, KeyCode.N);
        assertEquals(before, fx(notify::isSelected), "Alt+N again toggles it back");
        // a skin that adds its mnemonic once more (JavaFX does on some relayouts) must not turn it into a focus move
        fx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            javafx.scene.input.KeyCombination key = scene.getMnemonics().entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(m -> m.getNode() == notify)).findFirst().orElseThrow()
                    .getKey();
            scene.addMnemonic(new javafx.scene.input.Mnemonic(notify, key));
            return null;
        });
        alt(robot, KeyCode.N);
        assertEquals(!before, fx(notify::isSelected), "Alt+N still toggles after its mnemonic was added again");
        alt(robot, KeyCode.N);
        CheckBox tray = robot.lookup("#pref-close-to-tray").query();
        boolean trayBefore = fx(tray::isSelected);
        alt(robot, KeyCode.K);
        assertEquals("pref-close-to-tray", focusId());
        assertEquals(!trayBefore, fx(tray::isSelected), "Alt+K toggles 'Keep monitoring in the tray'");
        RadioButton dark = robot.lookup("#pref-theme-dark").query();
        alt(robot, KeyCode.D);
        assertEquals("pref-theme-dark", focusId());
        assertEquals(true, fx(dark::isSelected), "Alt+D selects the dark theme");
    }
}
