package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.InvalidInputException;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.ui.apply.ApplyViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The encryption switch works from the keyboard; a refused change does not wear the previous result's colour. */
class KeyboardAndRefusalTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @Test
    @DisplayName("Space on the focused encryption switch flips it: the sheet for turning encryption off opens")
    void spaceFlipsTheSwitch(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        ApplyViewModel apply = window.applyViewModel();
        ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        assertEquals(true, fx(sw::isSelected), "the demo starts with encryption on (opportunistic)");
        fx(() -> {
            sw.requestFocus();
            return null;
        });
        waitUntil(() -> sw.isFocused());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        // the demo's encryption comes from its own resolved.conf: the sheet says so (nothing of Port853's to remove)
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.NO_CHANGE);
        assertEquals(ApplyViewModel.Kind.REVERT, apply.kind());
        // its few long sentences are shown whole: the sheet's body needs no scrolling (it was one line high)
        javafx.scene.control.ScrollPane body = robot.lookup(".sheet-body").query();
        waitUntil(() -> fx(() -> body.getContent().getLayoutBounds().getHeight() <= body.getViewportBounds().getHeight() + 1
                && body.getViewportBounds().getHeight() > 40));
    }

    @Test
    @DisplayName("a change refused after a successful one is not shown in the success colour")
    void refusalAfterSuccessIsNotGreen(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        ApplyViewModel apply = window.applyViewModel();
        protectAndConfirm();
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        Label summary = robot.lookup("#apply-summary").query();
        waitUntil(() -> summary.getStyleClass().contains("result-ok"));
        fx(() -> {
            apply.close();
            apply.beginChange(() -> {
                throw new InvalidInputException("127.0.0.53 is systemd-resolved's own stub listener");
            });
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.REFUSED);
        assertNull(fx(() -> apply.resultProperty().get()));
        assertFalse(fx(() -> summary.getStyleClass().contains("result-ok")), "a refusal is no success");
    }
}
