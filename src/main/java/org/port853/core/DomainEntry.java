package org.port853.core;

/** A search or routing domain; {@code routeOnly} is the "~" prefix. {@code ~.} routes every query. */
public record DomainEntry(String name, boolean routeOnly) {
    public boolean routesEverything() {
        return routeOnly && (name.equals(".") || name.isEmpty());
    }

    @Override
    public String toString() {
        return (routeOnly ? "~" : "") + (name.isEmpty() ? "." : name);
    }
}
