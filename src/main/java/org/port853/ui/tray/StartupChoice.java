package org.port853.ui.tray;

/**
 * Whether the window opens at start-up. "Start minimised" hides it in the tray only where a tray item really
 * is registered; otherwise the window opens and says why it did.
 */
public record StartupChoice(boolean showWindow, String notice) {
    public static StartupChoice of(boolean startMinimised, Tray.Registration tray) {
        if (!startMinimised) {
            return new StartupChoice(true, null);
        }
        if (tray.registered()) {
            return new StartupChoice(false, null);
        }
        return new StartupChoice(true, org.port853.ui.common.I18n.t("tray.notice.noTray", tray.reason()));
    }
}
