package org.port853.ui.tray;

import org.port853.ui.MainWindow;

/**
 * The window's notice about the tray (why the window opened although it should be hidden in the tray): taken back
 * when the icon is in the tray again. A notice about something else (a preferences file that could not be used in
 * full) stays: the window has one notice, so it is shown above the tray's, and alone again once that is taken back.
 */
final class TrayNotice {
    private final MainWindow window;
    /** The window's notice as this set it (null when it set none). */
    private String shown;
    /** The notice about something else that is shown with the tray's (null when none). */
    private String other;

    TrayNotice(MainWindow window) {
        this.window = window;
    }

    void show(String text) {
        String now = window.noticeProperty().get();
        if (now == null) {
            other = null; // none, or dismissed
        } else if (!now.equals(shown)) {
            other = now;
        }
        shown = other == null ? text : other + "\n" + text;
        window.showNotice(shown);
    }

    void trayIsBack() {
        if (shown != null && shown.equals(window.noticeProperty().get())) {
            window.showNotice(other);
        }
        shown = null;
    }
}
