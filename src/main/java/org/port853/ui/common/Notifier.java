package org.port853.ui.common;

import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Desktop notifications; tests use a recording double. Called on the JavaFX thread. */
public interface Notifier {
    enum Kind { INFO, WARNING, ERROR }

    void notify(Kind kind, String title, String text);

    /** ControlsFX pop-ups in the corner of the screen (where the desktop has no notification service). */
    static Notifier popups() {
        return (kind, title, text) -> {
            // ControlsFX does not wrap: lines short enough for the screen keep the pop-up on it
            Notifications n = Notifications.create().title(title).text(LineBreaks.wrap(text, popupColumns()))
                    // top: the bottom right is where a result sheet's Close and the Providers footer's buttons are
                    .position(Pos.TOP_RIGHT)
                    .hideAfter(Duration.seconds(kind == Kind.INFO ? 5 : 10));
            try {
                switch (kind) {
                    case INFO -> n.showInformation();
                    case WARNING -> n.showWarning();
                    case ERROR -> n.showError();
                }
            } catch (RuntimeException e) {
                // no owner window yet (e.g. started minimised): a missed pop-up is not worth a crash
            }
            leaveEscapeToTheWindow();
        };
    }

    /**
     * JavaFX gives a window's keys to its pop-ups first, and a pop-up hides on Escape: with a pop-up in the corner,
     * Escape closed it instead of the sheet or dialog the user was looking at. It goes by itself after a few seconds.
     */
    private static void leaveEscapeToTheWindow() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow p && p.getScene() != null
                    && p.getScene().getRoot().lookup(".notification-bar") != null) {
                p.setHideOnEscape(false);
            }
        }
    }

    /** Characters per line of a pop-up: at most 60, fewer on a screen too narrow for them (about 8 px each). */
    static int popupColumns() {
        double width = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        return (int) Math.max(20, Math.min(60, (width - 160) / 8));
    }
}
