package org.port853.core;

/** Where a {@link ResolverState} was read from. */
public enum StateSource {
    DBUS, RESOLVECTL, NONE, DEMO, WINDOWS;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
