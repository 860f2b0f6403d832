package org.port853.ui.tray;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
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
     * Exports the item and registers it with the watcher. Without a watcher the item stays on the bus, unregistered:
     * a tray host that starts later (after the app at login, a restarted panel) gets it then.
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
        try {
            String name = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-"
                    + INSTANCES.incrementAndGet();
            TrayItem i = new TrayItem(initial, actions::open);
            TrayMenu m = new TrayMenu(initial, actions::open, actions::verifyNow, actions::quit);
            c.exportObject(TrayItem.PATH, i);
            c.exportObject(TrayMenu.PATH, m);
            c.requestBusName(name);
            watcherOwners = c.addSigHandler(DBus.NameOwnerChanged.class, this::watcherChanged);
            bus = c;
            item = i;
            menu = m;
            shown = initial;
            busName = name;
            DBus daemon = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!daemon.NameHasOwner(StatusNotifierWatcherBus.BUS_NAME)) {
                return Registration.unavailable(I18n.t("tray.unavailable.noWatcher"));
            }
            register();
            return Registration.ok();
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "the tray item could not be registered", e);
            boolean kept = bus == c;
            close();
            if (!kept) {
                withdraw(c, null);
                closeQuietly(c);
            }
            return Registration.unavailable(I18n.t("tray.unavailable.failed", org.port853.ui.common.Errors.describe(e)));
        }
    }

    private void register() throws DBusException {
        bus.getRemoteObject(StatusNotifierWatcherBus.BUS_NAME, StatusNotifierWatcherBus.PATH,
                StatusNotifierWatcherBus.class).RegisterStatusNotifierItem(busName);
        registered = true;
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
            try {
                register();
                now = Registration.ok();
            } catch (DBusException | RuntimeException e) {
                LOG.log(Level.INFO, "the tray item could not be registered with the new watcher", e);
                registered = false;
                now = Registration.unavailable(I18n.t("tray.unavailable.failed", org.port853.ui.common.Errors.describe(e)));
            }
        }
        shownChanges.accept(now);
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
        if (watcherOwners != null) {
            try {
                watcherOwners.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "no longer watching the tray host", e);
            }
            watcherOwners = null;
        }
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

    private static void closeQuietly(DBusConnection c) {
        try {
            c.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the session bus connection", e);
        }
    }
}
