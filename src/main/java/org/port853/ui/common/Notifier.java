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
            Notifications n = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT)
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
        };
    }
}
