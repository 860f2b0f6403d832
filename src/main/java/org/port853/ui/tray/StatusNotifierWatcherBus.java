package org.port853.ui.tray;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The part of org.kde.StatusNotifierWatcher an item uses: registering itself, and whether a tray host (the panel
 * that draws the icons) is there to show it.
 */
@DBusInterfaceName("org.kde.StatusNotifierWatcher")
public interface StatusNotifierWatcherBus extends DBusInterface {
    String BUS_NAME = "org.kde.StatusNotifierWatcher";
    String PATH = "/StatusNotifierWatcher";
    String INTERFACE = "org.kde.StatusNotifierWatcher";
    /** A boolean property: false while no tray host draws the registered items (kded outside Plasma). */
    String HOST_REGISTERED = "IsStatusNotifierHostRegistered";

    void RegisterStatusNotifierItem(String service);

    /** A tray host started: from now on the registered items are shown. */
    final class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }
}
