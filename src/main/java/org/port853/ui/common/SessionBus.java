package org.port853.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

import org.port853.platform.LocalBus;
import org.port853.platform.OperatingSystem;

/** The desktop's session bus (Linux), as the tray and the notifications reach it. */
public final class SessionBus {
    /** Opens a connection of its own to the bus (a private bus in tests); the caller closes it. */
    @FunctionalInterface
    public interface Opener {
        DBusConnection open() throws DBusException;
    }

    /**
     * One connection, opened on first use and kept; a failed open is not tried again (a session bus does not
     * appear later in a running session). For one thread at a time: its owner's.
     */
    public static final class Connection implements AutoCloseable {
        private final Opener opener;
        private final String purpose;
        private DBusConnection bus;
        private boolean noBus;

        /** {@code purpose} names what it is for in the log ("notifications"). */
        public Connection(Opener opener, String purpose) {
            this.opener = opener;
            this.purpose = purpose;
        }

        /** The connection, or null without a session bus. */
        public DBusConnection get() {
            if (bus == null && !noBus) {
                try {
                    bus = opener.open();
                } catch (DBusException | RuntimeException e) {
                    LOG.log(Level.FINE, "no session bus for " + purpose, e);
                    noBus = true;
                }
            }
            return bus;
        }

        @Override
        public void close() {
            if (bus != null) {
                try {
                    bus.close();
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "closing the session bus connection for " + purpose, e);
                }
                bus = null;
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(SessionBus.class.getName());

    private SessionBus() {
    }

    /**
     * True on Linux when no session bus can be found: no {@code DBUS_SESSION_BUS_ADDRESS} and no socket at
     * {@code $XDG_RUNTIME_DIR/bus}, where libdbus and GLib look next. They then start one with {@code dbus-launch}
     * (GTK's settings and accessibility, {@code gsettings}), which stays running after the program that started it.
     */
    public static boolean missing(java.util.Map<String, String> env, String osName) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux") || notBlank(env.get("DBUS_SESSION_BUS_ADDRESS"))) {
            return false;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return !notBlank(runtime) || !java.nio.file.Files.exists(java.nio.file.Path.of(runtime, "bus"));
    }

    /** {@link #missing(java.util.Map, String)} for this process. */
    public static boolean missing() {
        return missing(System.getenv(), System.getProperty("os.name", ""));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** True where desktops have a session bus (Linux). */
    public static boolean onThisPlatform() {
        return OperatingSystem.isLinux();
    }

    /**
     * The session bus named by DBUS_SESSION_BUS_ADDRESS: one connection that the tray, the notifications and the
     * colour scheme share (each connection has three or four threads of dbus-java's and its buffers). dbus-java counts
     * the users of a shared connection: each {@code close()} releases one, the last one disconnects. So a user
     * removes what it added (exported objects, bus names, signal handlers) before it closes.
     */
    public static Opener opener() {
        return () -> LocalBus.connect(DBusConnectionBuilder.forSessionBus().withShared(true));
    }

    /** The same sharing on the bus at {@code address} (tests' private buses). */
    public static Opener sharedOpener(String address) {
        return () -> LocalBus.connect(DBusConnectionBuilder.forAddress(address).withShared(true));
    }
}
