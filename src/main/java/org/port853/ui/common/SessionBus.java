package org.port853.ui.common;

import java.util.Locale;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/** The desktop's session bus (Linux), as the tray and the notifications reach it. */
public final class SessionBus {
    /** Opens a connection of its own to the bus (a private bus in tests); the caller closes it. */
    @FunctionalInterface
    public interface Opener {
        DBusConnection open() throws DBusException;
    }

    private SessionBus() {
    }

    /** True where desktops have a session bus (Linux). */
    public static boolean onThisPlatform() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** The session bus named by DBUS_SESSION_BUS_ADDRESS, a new unshared connection per call. */
    public static Opener opener() {
        return () -> DBusConnectionBuilder.forSessionBus().withShared(false).build();
    }
}
