package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.port853.ui.common.Notifier;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Without a desktop notification service, the corner pop-up is the only alert: it must show also while the window
 * is hidden in the tray (no window of the app's showing), which ControlsFX alone cannot.
 */
@ExtendWith(ApplicationExtension.class)
class PopupWithoutWindowTest {
    @Test
    @DisplayName("with no window showing, the pop-up shows (on a stage of its own, closed after it)")
    void popupShowsWithTheWindowHidden() throws Exception {
        // the case under test: no window of the app showing (one an earlier test in this JVM left is hidden)
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()
                .forEach(Window::hide)).get();
        assertEquals(0L, (long) WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(Window::isShowing).count()).get(), "a window is showing: not the case under test");
        AtomicBoolean notShown = new AtomicBoolean();
        try {
            WaitForAsyncUtils.asyncFx(() -> Notifier.popups().notify(Notifier.Kind.INFO, "Leak",
                    "example.com went out in plaintext", () -> notShown.set(true))).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, popups(), "the pop-up is shown");
            assertFalse(notShown.get(), "a shown pop-up is not reported as missed");
            // INFO goes after 5 s; its owner closes after the fade-out, so no window is left behind
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    Window.getWindows().stream().noneMatch(Window::isShowing)).get());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()
                    .forEach(Window::hide)).get();
        }
    }

    private static long popups() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup(".notification-bar") != null).count()).get();
    }
}
