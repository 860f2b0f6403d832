package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.port853.ui.common.Notifier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A corner pop-up (no desktop notification service) must not take Escape: JavaFX hands a window's keys to its
 * pop-ups first, so Escape closed the pop-up and the apply sheet below it stayed open.
 */
@ExtendWith(FxThreadApplicationExtension.class)
class PopupEscapeTest {
    @Test
    @DisplayName("Escape while a pop-up notification shows reaches the window (its sheet closes), the pop-up stays")
    void escapeGoesToTheWindow(FxRobot robot) throws Exception {
        AtomicInteger escapes = new AtomicInteger();
        Stage owner = WaitForAsyncUtils.asyncFx(() -> {
            StackPane root = new StackPane(new Label("owner"));
            Scene scene = new Scene(root, 300, 200);
            scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) escapes.incrementAndGet();
            });
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            s.requestFocus();
            return s;
        }).get();
        try {
            WaitForAsyncUtils.asyncFx(() -> Notifier.popups().notify(Notifier.Kind.WARNING, "Leak",
                    "example.com went out in plaintext")).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, popups(), "the pop-up is shown");
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, escapes.get(), "the window got the key");
            assertEquals(1, popups(), "the pop-up was not closed by it (it goes by itself, or by its close button)");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                Window.getWindows().stream().filter(w -> w instanceof PopupWindow).toList().forEach(Window::hide);
                owner.close();
            }).get();
        }
    }

    private static long popups() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup(".notification-bar") != null).count()).get();
    }
}
