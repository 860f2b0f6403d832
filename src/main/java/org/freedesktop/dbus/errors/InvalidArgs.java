package org.freedesktop.dbus.errors;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * The standard D-Bus error {@code org.freedesktop.DBus.Error.InvalidArgs}, which dbus-java 5.2 has no class for: it
 * looks the class up as {@code org.freedesktop.dbus.errors.InvalidArgs} (like its own {@link Timeout}) and, without
 * one, keeps only the error's text. systemd-resolved before 248 answers newer request flags with this error, and the
 * health check falls back to an unknown systemd version's lookup only when it can tell it apart.
 */
public class InvalidArgs extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public InvalidArgs(String message) {
        super(message);
    }
}
