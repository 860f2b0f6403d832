package org.port853.ui.tray;

import org.port853.ui.common.SessionBus;

/** The tray for this platform: a StatusNotifierItem on the session bus on Linux, none elsewhere (yet). */
public final class Trays {
    private Trays() {
    }

    public static Tray forThisPlatform() {
        return SessionBus.onThisPlatform() ? new StatusNotifierTray(SessionBus.opener()) : new UnavailableTray();
    }
}
