package org.port853.ui.tray;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.port853.ui.common.I18n;
import org.port853.ui.common.SessionBus;

/**
 * The tray on Linux: a StatusNotifierItem (with a dbusmenu) on the session bus, registered with the desktop's
 * StatusNotifierWatcher (KDE, GNOME with the AppIndicator extension, XFCE, ...).
 */
public final class StatusNotifierTray implements Tray {
    private static final Logger LOG = Logger.getLogger(StatusNotifierTray.class.getName());

    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private final SessionBus.Opener opener;
    private DBusConnection bus;
    private boolean registered;
    private AutoCloseable watcherOwners;
    private AutoCloseable hostStarts;
    private Consumer<Registration> shownChanges = r -> { };
    private TrayItem item;
    private TrayMenu menu;
    private TrayState shown;
    private String busName;

    public StatusNotifierTray(SessionBus.Opener opener) {
        this.opener = opener;
    }

    @Override
    public synchronized void whenShownChanges(Consumer<Registration> listener) {
        shownChanges = listener;
    }

    /**
     * Exports the item and registers it with the watcher. Without a watcher, or when the registration fails, the item
     * stays on the bus: a tray host that starts later (after the app at login, a restarted panel) gets it then. A
     * watcher without a tray host (KDE's kded outside Plasma) is no tray until it signals that a host started.
     */
    @Override
    public synchronized Registration start(TrayState initial, TrayActions actions) {
        if (bus != null) {
            return registered ? Registration.ok() : Registration.unavailable(I18n.t("tray.unavailable.noWatcher"));
        }
        DBusConnection c;
        try {
            c = opener.open();
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "no session bus", e);
            return Registration.unavailable(I18n.t("tray.unavailable.noBus"));
        }
        bus = c;
        busName = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        item = new TrayItem(initial, actions::open);
        menu = new TrayMenu(initial, actions::open, actions::verifyNow, actions::quit);
        shown = initial;
        try {
            c.exportObject(TrayItem.PATH, item);
            c.exportObject(TrayMenu.PATH, menu);
            c.requestBusName(busName);
            watcherOwners = c.addSigHandler(DBus.NameOwnerChanged.class, this::watcherChanged);
            hostStarts = c.addSigHandler(StatusNotifierWatcherBus.StatusNotifierHostRegistered.class,
                    s -> hostStarted());
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "the tray item could not be put on the session bus", e);
            close();
            return Registration.unavailable(I18n.t("tray.unavailable.failed"));
        }
        return registerWithWatcher();
    }

    /** Registers the item with the watcher, if one runs; says whether a tray host shows it now. */
    private Registration registerWithWatcher() {
        registered = false;
        try {
            DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!daemon.NameHasOwner(StatusNotifierWatcherBus.BUS_NAME)) {
                return Registration.unavailable(I18n.t("tray.unavailable.noWatcher"));
            }
            bus.getRemoteObject(StatusNotifierWatcherBus.BUS_NAME, StatusNotifierWatcherBus.PATH,
                    StatusNotifierWatcherBus.class).RegisterStatusNotifierItem(busName);
            registered = hostRegistered();
            return registered ? Registration.ok() : Registration.unavailable(I18n.t("tray.unavailable.noHost"));
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "the tray item could not be registered", e);
            return Registration.unavailable(I18n.t("tray.unavailable.failed"));
        }
    }

    private boolean hostRegistered() throws DBusException {
        try {
            Object host = bus.getRemoteObject(StatusNotifierWatcherBus.BUS_NAME, StatusNotifierWatcherBus.PATH,
                    Properties.class).Get(StatusNotifierWatcherBus.INTERFACE, StatusNotifierWatcherBus.HOST_REGISTERED);
            return !Boolean.FALSE.equals(host);
        } catch (DBusExecutionException e) {
            // the specification has the property, but a watcher that lacks it still took the item: taken as shown
            LOG.log(Level.FINE, "the watcher does not say whether a tray host runs", e);
            return true;
        }
    }

    /** The watcher's owner changed: gone (the tray host stopped) or a new one (to register with). */
    private synchronized void watcherChanged(DBus.NameOwnerChanged change) {
        if (bus == null || !StatusNotifierWatcherBus.BUS_NAME.equals(change.name)) {
            return;
        }
        Registration now;
        if (change.newOwner.isEmpty()) {
            registered = false;
            now = Registration.unavailable(I18n.t("tray.unavailable.gone"));
        } else {
            now = registerWithWatcher();
        }
        shownChanges.accept(now);
    }

    /** A tray host started under the watcher: the item is shown from now on (registered again to be sure). */
    private synchronized void hostStarted() {
        if (bus != null && !registered) {
            shownChanges.accept(registerWithWatcher());
        }
    }

    @Override
    public synchronized void update(TrayState s) {
        if (bus == null || s.equals(shown)) {
            return;
        }
        TrayState before = shown;
        shown = s;
        item.setState(s);
        int revision = menu.setState(s);
        try {
            if (before.state() != s.state()) {
                bus.sendMessage(new StatusNotifierItemBus.NewIcon(TrayItem.PATH));
                bus.sendMessage(new StatusNotifierItemBus.NewAttentionIcon(TrayItem.PATH));
                bus.sendMessage(new StatusNotifierItemBus.NewStatus(TrayItem.PATH, TrayItem.status(s)));
                bus.sendMessage(new StatusNotifierItemBus.NewTitle(TrayItem.PATH));
            }
            bus.sendMessage(new StatusNotifierItemBus.NewToolTip(TrayItem.PATH));
            bus.sendMessage(new DBusMenuBus.LayoutUpdated(TrayMenu.PATH, new UInt32(revision), TrayMenu.ROOT));
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "the tray could not be told about a new state", e);
        }
    }

    public synchronized boolean registered() {
        return registered;
    }

    /** The bus name the item registered under (null when not registered). */
    public synchronized String busName() {
        return busName;
    }

    @Override
    public synchronized void close() {
        stopListening(watcherOwners);
        stopListening(hostStarts);
        watcherOwners = null;
        hostStarts = null;
        if (bus != null) {
            withdraw(bus, busName);
            closeQuietly(bus);
            bus = null;
            busName = null;
            registered = false;
        }
    }

    /**
     * Takes the item off a connection that may stay open (it is shared): its objects and its bus name (the watcher
     * drops an item whose name is gone). Parts that were never added are skipped.
     */
    private static void withdraw(DBusConnection c, String name) {
        for (String path : new String[] {TrayItem.PATH, TrayMenu.PATH}) {
            try {
                c.unExportObject(path);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unexporting " + path, e);
            }
        }
        if (name != null) {
            try {
                c.releaseBusName(name);
            } catch (DBusException | RuntimeException e) {
                LOG.log(Level.FINE, "releasing " + name, e);
            }
        }
    }

    private static void stopListening(AutoCloseable handler) {
        if (handler == null) {
            return;
        }
        try {
            handler.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "no longer watching the tray host", e);
        }
    }

    private static void closeQuietly(DBusConnection c) {
        try {
            c.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the session bus connection", e);
        }
    }
}
