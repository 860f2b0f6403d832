package org.freedesktop.resolve1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd-resolved's D-Bus errors for a server's DNS answer codes, named as dbus-java looks error classes up: an error
 * {@code org.freedesktop.resolve1.DnsError.NXDOMAIN} becomes {@link NXDOMAIN} (Class.forName, then the last "." as
 * "$"). Without a class, dbus-java 5.2 keeps only the error's text, so "no such name" could not be told from any
 * other failure. Only the codes Port853 acts on are here.
 */
public final class DnsError {
    private DnsError() {
    }

    /** The name does not exist: a server was reached and answered. */
    public static final class NXDOMAIN extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public NXDOMAIN(String message) {
            super(message);
        }
    }
}
