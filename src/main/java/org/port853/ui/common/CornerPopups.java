package org.port853.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * ControlsFX pop-ups in the corner of the screen (where the desktop has no notification service). ControlsFX needs a
 * showing window to own a pop-up: while the app's window is hidden in the tray there is none, and a window made only to
 * own it would take the keyboard focus from the program the user types in (re-check walkthrough: an invisible 1 px
 * window got the X focus) and show in the task list; then the alert is reported as not shown, so the next leak is told,
 * and the tray's icon is what says it meanwhile (red, NeedsAttention). Called on the JavaFX thread.
 */
final class CornerPopups implements Notifier {
    private static final Logger LOG = Logger.getLogger(CornerPopups.class.getName());

    @Override
    public void notify(Kind kind, String title, String text) {
        notify(kind, title, text, () -> { });
    }

    @Override
    public void notify(Kind kind, String title, String text, Runnable notShown) {
        Duration shownFor = Duration.seconds(kind == Kind.INFO ? 5 : 10);
        // ControlsFX does not wrap: lines short enough for the screen keep the pop-up on it
        Notifications n = Notifications.create().title(title).text(LineBreaks.wrap(text, Notifier.popupColumns()))
                // top: the bottom right is where a result sheet's Close and the Providers footer's buttons are
                .position(Pos.TOP_RIGHT)
                .hideAfter(shownFor);
        if (Window.getWindows().stream().noneMatch(Window::isShowing)) {
            LOG.fine(() -> "no window to own a pop-up: " + title);
            notShown.run();
            return;
        }
        try {
            switch (kind) {
                case INFO -> n.showInformation();
                case WARNING -> n.showWarning();
                case ERROR -> n.showError();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "a pop-up notification could not be shown: " + title, e);
            notShown.run();
            return;
        }
        leaveEscapeToTheWindow();
    }

    /**
     * JavaFX gives a window's keys to its pop-ups first, and a pop-up hides on Escape: with a pop-up in the corner,
     * Escape closed it instead of the sheet or dialog the user was looking at. It goes by itself after a few seconds.
     */
    private static void leaveEscapeToTheWindow() {
        for (Window w : Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow p && p.getScene() != null
                    && p.getScene().getRoot().lookup(".notification-bar") != null) {
                p.setHideOnEscape(false);
            }
        }
    }
}
