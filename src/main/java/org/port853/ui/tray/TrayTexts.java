package org.port853.ui.tray;

import org.port853.ui.common.I18n;

/** The tray's words, from the bundles. */
final class TrayTexts {
    private TrayTexts() {
    }

    static String state(TrayState s) {
        return I18n.t("state." + s.state().key());
    }

    /** "Leaking · 3 leaked queries since start" (the menu's first line and the tool tip). */
    static String summary(TrayState s) {
        if (!s.watching()) {
            return I18n.t("tray.summary.notWatched", state(s));
        }
        return I18n.t(s.demo() ? "tray.summary.demo" : "tray.summary", state(s), s.leaksSinceStart());
    }

    static String title(TrayState s) {
        return I18n.t(s.demo() ? "tray.title.demo" : "tray.title", state(s));
    }

    static String leaks(TrayState s) {
        return s.watching() ? I18n.t("tray.leaks", s.leaksSinceStart()) : I18n.t("tray.leaks.notWatched");
    }
}
