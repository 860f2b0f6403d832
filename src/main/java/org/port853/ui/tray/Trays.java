package org.port853.ui.tray;

import java.util.Locale;

import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/** The tray for this platform: a StatusNotifierItem on the session bus on Linux, none elsewhere (yet). */
public final class Trays {
    private Trays() {
    }

    public static Tray forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            // follows DBUS_SESSION_BUS_ADDRESS
            return new StatusNotifierTray(() -> DBusConnectionBuilder.forSessionBus().withShared(false).build());
        }
        return new UnavailableTray();
    }
}
