package org.port853.ui.tray;

import org.freedesktop.dbus.interfaces.Properties;

/** org.freedesktop.DBus.Properties for an exported object whose properties are all in GetAll and cannot be set. */
public interface ReadOnlyProperties extends Properties {
    @Override
    @SuppressWarnings("unchecked")
    default <A> A Get(String iface, String name) {
        return (A) GetAll(iface).get(name);
    }

    @Override
    default <A> void Set(String iface, String name, A value) {
        throw new UnsupportedOperationException("the properties of " + getObjectPath() + " are read-only");
    }
}
