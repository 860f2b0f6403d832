package org.port853.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.port853.ui.common.NotificationsBus;

/**
 * A notification service as the session bus starts it on first use (D-Bus activation): a process of its own that
 * takes the name and writes each notification's summary and body, one line each, to the file it is given. It
 * ends when the bus goes away.
 */
public final class ActivatedNotificationService {
    private ActivatedNotificationService() {
    }

    public static void main(String[] args) throws Exception {
        Path record = Path.of(args[0]);
        DesktopNotificationsTest.Service service = new DesktopNotificationsTest.Service();
        try (DBusConnection bus = DBusConnectionBuilder.forAddress(System.getenv("DBUS_STARTER_ADDRESS"))
                .withShared(false).build()) {
            bus.exportObject(NotificationsBus.PATH, service);
            bus.requestBusName(NotificationsBus.BUS_NAME);
            while (bus.isConnected()) {
                DesktopNotificationsTest.Shown s = service.shown.poll(200, TimeUnit.MILLISECONDS);
                if (s != null) {
                    Files.writeString(record, s.summary() + ": " + s.body() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
    }
}
