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
        if (leakWithoutQuery(s)) {
            return I18n.t("tray.summary.unread", state(s));
        }
        return I18n.t(s.demo() ? "tray.summary.demo" : "tray.summary", state(s), s.leaksSinceStart());
    }

    /**
     * What leaked were packets on port 53 without a DNS query that could be read (another protocol run there), which
     * "leaked queries since start: 0" beside a red state would not explain; said only where no query leaked either.
     */
    private static boolean leakWithoutQuery(TrayState s) {
        return s.leakWithoutQuery() && s.leaksSinceStart() == 0;
    }

    static String title(TrayState s) {
        return I18n.t(s.demo() ? "tray.title.demo" : "tray.title", state(s));
    }

    static String leaks(TrayState s) {
        if (!s.watching()) {
            return I18n.t("tray.leaks.notWatched");
        }
        return leakWithoutQuery(s) ? I18n.t("tray.leaks.unread") : I18n.t("tray.leaks", s.leaksSinceStart());
    }
}
