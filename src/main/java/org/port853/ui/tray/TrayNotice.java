package org.port853.ui.tray;

import org.port853.ui.MainWindow;

/**
 * The window's notice about the tray (why the window opened although it should be hidden in the tray): taken back
 * when the icon is in the tray again. A notice about something else stays.
 */
final class TrayNotice {
    private final MainWindow window;
    private String shown;

    TrayNotice(MainWindow window) {
        this.window = window;
    }

    void show(String text) {
        shown = text;
        window.showNotice(text);
    }

    void trayIsBack() {
        if (shown != null && shown.equals(window.noticeProperty().get())) {
            window.showNotice(null);
        }
        shown = null;
    }
}
