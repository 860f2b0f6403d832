package org.port853.ui.tray;

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
    private TrayItem item;
    private TrayMenu menu;
    private TrayState shown;
    private String busName;

    public StatusNotifierTray(SessionBus.Opener opener) {
        this.opener = opener;
    }

    @Override
    public synchronized Registration start(TrayState initial, TrayActions actions) {
        if (bus != null) {
            return Registration.ok();
        }
        DBusConnection c;
        try {
            c = opener.open();
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "no session bus", e);
            return Registration.unavailable(I18n.t("tray.unavailable.noBus"));
        }
        try {
            DBus daemon = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!daemon.NameHasOwner(StatusNotifierWatcherBus.BUS_NAME)) {
                c.close();
                return Registration.unavailable(I18n.t("tray.unavailable.noWatcher"));
            }
            String name = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-"
                    + INSTANCES.incrementAndGet();
            TrayItem i = new TrayItem(initial, actions::open);
            TrayMenu m = new TrayMenu(initial, actions::open, actions::verifyNow, actions::quit);
            c.exportObject(TrayItem.PATH, i);
            c.exportObject(TrayMenu.PATH, m);
            c.requestBusName(name);
            c.getRemoteObject(StatusNotifierWatcherBus.BUS_NAME, StatusNotifierWatcherBus.PATH,
                    StatusNotifierWatcherBus.class).RegisterStatusNotifierItem(name);
            bus = c;
            item = i;
            menu = m;
            shown = initial;
            busName = name;
            return Registration.ok();
        } catch (DBusException | RuntimeException | java.io.IOException e) {
            LOG.log(Level.INFO, "the tray item could not be registered", e);
            closeQuietly(c);
            return Registration.unavailable(I18n.t("tray.unavailable.failed", e.getMessage()));
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
        return bus != null;
    }

    /** The bus name the item registered under (null when not registered). */
    public synchronized String busName() {
        return busName;
    }

    @Override
    public synchronized void close() {
        if (bus != null) {
            closeQuietly(bus);
            bus = null;
            busName = null;
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
