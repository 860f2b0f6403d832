package org.port853.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * ControlsFX pop-ups in the corner of the screen (where the desktop has no notification service). ControlsFX needs a
 * showing window to own a pop-up: while the app's window is hidden in the tray, a tiny invisible stage of its own
 * owns it, closed once the pop-up has gone. Called on the JavaFX thread.
 */
final class CornerPopups implements Notifier {
    private static final Logger LOG = Logger.getLogger(CornerPopups.class.getName());
    /** After the pop-up's time: its fade-out, before its owner may close. */
    private static final Duration FADE = Duration.seconds(2);

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
        Stage owner = Window.getWindows().stream().anyMatch(Window::isShowing) ? null : invisibleOwner();
        try {
            switch (kind) {
                case INFO -> n.showInformation();
                case WARNING -> n.showWarning();
                case ERROR -> n.showError();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "a pop-up notification could not be shown: " + title, e);
            if (owner != null) owner.close();
            notShown.run();
            return;
        }
        if (owner != null) {
            PauseTransition gone = new PauseTransition(shownFor.add(FADE));
            gone.setOnFinished(e -> owner.close());
            gone.play();
        }
        leaveEscapeToTheWindow();
    }

    /** A transparent 1 px stage in the primary screen's corner: ControlsFX places the pop-up on its screen. */
    private static Stage invisibleOwner() {
        Stage s = new Stage(StageStyle.TRANSPARENT);
        Scene scene = new Scene(new Region(), 1, 1, Color.TRANSPARENT);
        s.setScene(scene);
        s.setOpacity(0);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        s.setX(screen.getMinX());
        s.setY(screen.getMinY());
        s.show();
        return s;
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
