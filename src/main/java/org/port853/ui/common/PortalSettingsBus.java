package org.port853.ui.common;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * The desktop portal's settings on the session bus (xdg-desktop-portal: GNOME, KDE and most other desktops): where
 * a desktop says whether the user prefers dark or light applications.
 */
@DBusInterfaceName("org.freedesktop.portal.Settings")
public interface PortalSettingsBus extends DBusInterface {
    String BUS_NAME = "org.freedesktop.portal.Desktop";
    String PATH = "/org/freedesktop/portal/desktop";
    String APPEARANCE = "org.freedesktop.appearance";
    String COLOR_SCHEME = "color-scheme";

    /** Version 1 of the interface, which every portal has (newer ones wrap the value in one more variant). */
    @SuppressWarnings("checkstyle:MethodName")
    Variant<?> Read(String namespace, String key);

    /** A setting the user changed. */
    class SettingChanged extends DBusSignal {
        private final String namespace;
        private final String key;
        private final Variant<?> value;

        public SettingChanged(String path, String namespace, String key, Variant<?> value) throws DBusException {
            super(path, namespace, key, value);
            this.namespace = namespace;
            this.key = key;
            this.value = value;
        }

        public String namespace() { return namespace; }
        public String key() { return key; }
        public Variant<?> value() { return value; }
    }
}
