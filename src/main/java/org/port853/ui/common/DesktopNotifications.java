package org.port853.ui.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Notifications through the desktop's notification service (org.freedesktop.Notifications on the session bus):
 * they look like every other app's, follow the desktop's do-not-disturb and stay in its history, and cost this
 * process no window of its own. Without a session bus or a notification service, {@code fallback} shows them.
 * The bus is asked on a thread of its own, never on the JavaFX thread.
 */
public final class DesktopNotifications implements Notifier, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesktopNotifications.class.getName());
    /** The desktop file's name: the desktop shows the app's name and icon from it. */
    static final String DESKTOP_ENTRY = "org.port853.Port853";
    static final String ICON = "port853";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Notifier fallback;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "port853-notifications");
        t.setDaemon(true);
        return t;
    });
    // only touched on the sender thread
    private final SessionBus.Connection bus;
    /** The desktop's id of the last notification of each title: a new one replaces it instead of piling up. */
    private final Map<String, Given> lastByTitle = new java.util.HashMap<>();

    /**
     * An id and the service (its unique bus name) that gave it: a restarted service counts its ids from the start
     * again, so an id of the one before may now be another app's notification, which replacing it would take away.
     */
    private record Given(String service, UInt32 id) {
    }

    public DesktopNotifications(SessionBus.Opener opener, Notifier fallback) {
        this.bus = new SessionBus.Connection(opener, "notifications");
        this.fallback = fallback;
    }

    /** On Linux the session bus's notification service, else (and without one) ControlsFX pop-ups. */
    public static Notifier forThisPlatform() {
        return SessionBus.onThisPlatform() ? new DesktopNotifications(SessionBus.opener(), Notifier.popups())
                : Notifier.popups();
    }

    @Override
    public void notify(Kind kind, String title, String text) {
        notify(kind, title, text, () -> { });
    }

    @Override
    public void notify(Kind kind, String title, String text, Runnable notShown) {
        try {
            sender.execute(() -> {
                if (!send(kind, title, text)) {
                    Platform.runLater(() -> fallback.notify(kind, title, text, notShown));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.FINE, "a notification after close was dropped: " + title, e); // the app is quitting
        }
    }

    private boolean send(Kind kind, String title, String text) {
        try {
            DBusConnection c = bus.get();
            if (c == null) {
                return false;
            }
            Map<String, Variant<?>> hints = Map.of(
                    "urgency", new Variant<>((byte) (kind == Kind.ERROR ? 2 : 1)),
                    "desktop-entry", new Variant<>(DESKTOP_ENTRY));
            Given last = lastByTitle.get(title);
            String serviceBefore = last == null ? null : service(c);
            UInt32 replaces = last != null && last.service().equals(serviceBefore) ? last.id() : new UInt32(0);
            UInt32 id = c.getRemoteObject(NotificationsBus.BUS_NAME, NotificationsBus.PATH, NotificationsBus.class)
                    .Notify(I18n.t("app.title"), replaces, ICON, title, text,
                            List.of(), hints, kind == Kind.INFO ? 5000 : 10000);
            // Asked again only when unknown: the first Notify may have started the service (bus activation).
            String service = serviceBefore != null ? serviceBefore : service(c);
            if (id != null && service != null) {
                lastByTitle.put(title, new Given(service, id));
            }
            return true;
        } catch (DBusException | RuntimeException e) {
            // A DBusExecutionException is an error reply: the service's own, or the bus's ServiceUnknown when no
            // service runs and none can be started. Not asked beforehand: many desktops start theirs on first call.
            LOG.log(Level.INFO, "the desktop's notification service did not take a notification", e);
            return false;
        }
    }

    /** The unique bus name of the notification service now, or null when none runs. */
    private static String service(DBusConnection c) {
        try {
            return c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .GetNameOwner(NotificationsBus.BUS_NAME);
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.FINE, "no owner of " + NotificationsBus.BUS_NAME, e);
            return null;
        }
    }

    /**
     * Sends what was asked before, then closes the bus connection; waits for that at most {@link #CLOSE_WAIT}.
     */
    @Override
    public void close() {
        if (sender.isShutdown()) {
            return; // closed already
        }
        sender.execute(bus::close);
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("the desktop's notification service was still being asked when closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
