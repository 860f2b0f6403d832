package org.port853.ui.tray;

/** What the tray's menu and icon ask the app to do; called on the JavaFX thread. */
public interface TrayActions {
    void open();

    void verifyNow();

    void quit();
}
