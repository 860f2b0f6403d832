package org.port853.ui.common;

/** Desktop notifications; tests use a recording double. Called on the JavaFX thread. */
public interface Notifier {
    enum Kind { INFO, WARNING, ERROR }

    void notify(Kind kind, String title, String text);

    /**
     * Like {@link #notify(Kind, String, String)}; {@code notShown} runs on the JavaFX thread when the notification
     * could not be shown at all (a missed alert should not count as given). Where that cannot be told, it is taken
     * as shown.
     */
    default void notify(Kind kind, String title, String text, Runnable notShown) {
        notify(kind, title, text);
    }

    /** ControlsFX pop-ups in the corner of the screen (where the desktop has no notification service). */
    static Notifier popups() {
        return new CornerPopups();
    }

    /** Characters per line of a pop-up: at most 60, fewer on a screen too narrow for them (about 8 px each). */
    static int popupColumns() {
        double width = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        return (int) Math.max(20, Math.min(60, (width - 160) / 8));
    }
}
