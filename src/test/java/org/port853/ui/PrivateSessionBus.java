package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/** A real dbus-daemon on a private session bus in a temporary folder, stopped (by its PID) and removed on close. */
final class PrivateSessionBus implements AutoCloseable {
    private final Path dir;
    private final Process daemon;
    private final String address;

    PrivateSessionBus() throws IOException {
        dir = Files.createTempDirectory("port853-bus");
        daemon = new ProcessBuilder("dbus-daemon", "--session", "--address=unix:path=" + dir.resolve("bus"),
                "--nofork", "--print-address").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String a = out.readLine();
        assertNotNull(a, "dbus-daemon printed no address");
        address = a.trim();
    }

    String address() {
        return address;
    }

    /** A new connection of its own (not shared), as the app makes them. */
    DBusConnection connect() throws DBusException {
        return DBusConnectionBuilder.forAddress(address).withShared(false).build();
    }

    @Override
    public void close() throws Exception {
        daemon.destroy();
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "dbus-daemon (pid " + daemon.pid() + ") did not stop");
        Files.deleteIfExists(dir.resolve("bus"));
        Files.deleteIfExists(dir);
    }
}
