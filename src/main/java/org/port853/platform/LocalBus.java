package org.port853.platform;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * Connecting to a D-Bus bus on this machine (the system bus, the desktop's session bus). dbus-java retries a failed
 * connect every 500 ms until its transport timeout (10 s by default) runs out, so a machine without the bus waited
 * 10 s to hear so. A local socket either accepts at once or not at all: one attempt is enough.
 */
public final class LocalBus {
    public static final int CONNECT_TIMEOUT_MS = 500;

    private LocalBus() {
    }

    /** The connection {@code builder} describes, after one attempt to connect. */
    public static DBusConnection connect(DBusConnectionBuilder builder) throws DBusException {
        return builder.transportConfig().withTimeout(CONNECT_TIMEOUT_MS).back().build();
    }
}
