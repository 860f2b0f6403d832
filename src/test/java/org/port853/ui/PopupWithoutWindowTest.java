package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.port853.ui.common.Notifier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Without a desktop notification service and with the window hidden in the tray, no window may be made just to own a
 * corner pop-up: it would take the keyboard focus from the program the user types in (re-check walkthrough) and show in
 * the task list. The alert is reported as not shown instead, so that it does not use up the rate limit.
 */
@ExtendWith(FxThreadApplicationExtension.class)
class PopupWithoutWindowTest {
    @Test
    @DisplayName("with no window showing, no window is made for the pop-up, and the alert is reported as not shown")
    void noWindowIsMadeForAPopup() throws Exception {
        // the case under test: no window of the app showing (one an earlier test in this JVM left is hidden)
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()
                .forEach(Window::hide)).get();
        AtomicBoolean notShown = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> Notifier.popups().notify(Notifier.Kind.WARNING, "Leak",
                "example.com went out in plaintext", () -> notShown.set(true))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0L, (long) WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(Window::isShowing).count()).get(), "no window appears to own a pop-up");
        assertTrue(notShown.get(), "the alert was not shown: the next leak is told");
    }
}
