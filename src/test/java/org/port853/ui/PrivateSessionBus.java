package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real dbus-daemon on a private session bus in a temporary folder, for a test class
 * ({@code @RegisterExtension static final PrivateSessionBus BUS = new PrivateSessionBus()}): started before its
 * tests, stopped (by its PID) and removed after them; what a test hands to {@link #closeAfterTest} is closed after
 * that test, newest first. Its own configuration: no service of this machine's can be started on it, only those
 * a test makes {@link #activatable}.
 */
final class PrivateSessionBus implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Path dir;
    private Process daemon;
    private String address;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("port853-bus");
        Files.createDirectory(dir.resolve("services"));
        Files.writeString(dir.resolve("session.conf"), """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <servicedir>%s</servicedir>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus"), dir.resolve("services")));
        daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + dir.resolve("session.conf"), "--nofork",
                "--print-address").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String a = out.readLine();
        assertNotNull(a, "dbus-daemon printed no address");
        address = a.trim();
    }

    String address() {
        return address;
    }

    /** A new connection of its own (not shared), as the app makes them, closed after the test. */
    DBusConnection connect() throws DBusException {
        return closeAfterTest(connectUnowned());
    }

    /** A new connection that whoever asked for it closes (the app's code under test). */
    DBusConnection connectUnowned() throws DBusException {
        return DBusConnectionBuilder.forAddress(address).withShared(false).build();
    }

    /**
     * The bus starts {@code command} when a message is sent to {@code busName} while nobody owns it (D-Bus
     * activation, as desktops start their notification service on first use). The bus reads its service folder
     * again when asked for a name it does not know. Until the end of the test.
     */
    void activatable(String busName, List<String> command) throws IOException {
        Path service = dir.resolve("services").resolve(busName + ".service");
        Files.writeString(service,
                "[D-BUS Service]\nName=" + busName + "\nExec=" + String.join(" ", command) + "\n");
        closeAfterTest(() -> Files.delete(service));
    }

    <T extends AutoCloseable> T closeAfterTest(T c) {
        opened.add(c);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (daemon == null) {
            return;
        }
        daemon.destroy();
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "dbus-daemon (pid " + daemon.pid() + ") did not stop");
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
