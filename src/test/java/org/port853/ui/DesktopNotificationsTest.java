package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.port853.ui.common.DesktopNotifications;
import org.port853.ui.common.Notifier;
import org.port853.ui.common.NotificationsBus;
import org.testfx.api.FxToolkit;

/**
 * Notifications through a desktop's notification service: a real dbus-daemon on a private session bus, with the
 * service written here (what the desktop provides: it records what it was asked to show).
 */
class DesktopNotificationsTest {
    @RegisterExtension
    static final PrivateSessionBus BUS = new PrivateSessionBus();

    /** One notification as the service received it. */
    record Shown(String app, long replaces, String icon, String summary, String body, Map<String, Variant<?>> hints,
                 int timeout) {
    }

    /** The desktop's notification service; {@code fail} makes it answer with an error. */
    static final class Service implements NotificationsBus {
        final BlockingQueue<Shown> shown = new LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean fail;
        /** How long it takes to answer after it recorded a notification (a busy desktop). */
        volatile long answerDelayMillis;

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                             List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            if (fail) {
                throw new DBusExecutionException("the service is broken");
            }
            shown.add(new Shown(appName, replacesId.longValue(), appIcon, summary, body, hints, expireTimeout));
            pause(answerDelayMillis);
            return new UInt32(100 + ids.incrementAndGet());
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }
    }

    /** What the fallback (the pop-ups) was asked to show, and on which thread. */
    static final class Fallback implements Notifier {
        final BlockingQueue<String> shown = new LinkedBlockingQueue<>();

        @Override
        public void notify(Kind kind, String title, String text) {
            shown.add(kind + " " + title + ": " + text + (Platform.isFxApplicationThread() ? " (fx)" : " (other)"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Service service() throws DBusException {
        Service s = new Service();
        DBusConnection c = BUS.connect();
        c.exportObject(NotificationsBus.PATH, s);
        c.requestBusName(NotificationsBus.BUS_NAME);
        return s;
    }

    private DesktopNotifications notifications(org.port853.ui.common.SessionBus.Opener opener, Notifier fallback) {
        return BUS.closeAfterTest(new DesktopNotifications(opener, fallback));
    }

    @Test
    void theDesktopShowsItWithTheAppsNameIconAndUrgency() throws Exception {
        Service s = service();
        Fallback f = new Fallback();
        DesktopNotifications n = notifications(BUS::connectUnowned, f);
        n.notify(Notifier.Kind.WARNING, "DNS leak", "example.org went out in plaintext");
        n.notify(Notifier.Kind.ERROR, "Apply failed", "rolled back");
        Shown w = s.shown.poll(10, TimeUnit.SECONDS);
        assertNotNull(w, "the service was not asked");
        assertEquals("DNS leak", w.summary());
        assertEquals("example.org went out in plaintext", w.body());
        assertEquals("Port853", w.app());
        assertEquals("port853", w.icon());
        assertEquals((byte) 1, w.hints().get("urgency").getValue());
        assertEquals("org.port853.Port853", w.hints().get("desktop-entry").getValue());
        assertEquals(10000, w.timeout());
        Shown e = s.shown.poll(10, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals((byte) 2, e.hints().get("urgency").getValue(), "an error is critical");
        assertNull(f.shown.poll(500, TimeUnit.MILLISECONDS), "shown twice: also as a pop-up");
    }

    @Test
    void aNewLeakReplacesTheLastOneInTheDesktopsList() throws Exception {
        Service s = service();
        DesktopNotifications n = notifications(BUS::connectUnowned, new Fallback());
        n.notify(Notifier.Kind.WARNING, "DNS leak", "a.example");
        n.notify(Notifier.Kind.INFO, "Applied", "on");
        n.notify(Notifier.Kind.WARNING, "DNS leak", "b.example");
        Shown first = s.shown.poll(10, TimeUnit.SECONDS);
        Shown other = s.shown.poll(10, TimeUnit.SECONDS);
        Shown second = s.shown.poll(10, TimeUnit.SECONDS);
        assertNotNull(second);
        assertEquals(0, first.replaces());
        assertEquals(0, other.replaces(), "another kind of notification stays");
        assertEquals(101, second.replaces(), "the second leak replaces the first (the id the desktop gave it)");
        assertEquals("b.example", second.body());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("after the notification service restarted, a new leak replaces nothing: the "
            + "new service's ids start again and the old id may be another app's notification")
    void aRestartedServiceGetsNoOldId() throws Exception {
        // the service stopping gives up its name; its connection closes only after the test, once the app's
        // notifications are closed: closed while its answer to the app was still on the way, its reply thread threw
        // NotConnected into the next window test
        DBusConnection first = BUS.connect();
        Service before = new Service();
        first.exportObject(NotificationsBus.PATH, before);
        first.requestBusName(NotificationsBus.BUS_NAME);
        DesktopNotifications n = notifications(BUS::connectUnowned, new Fallback());
        n.notify(Notifier.Kind.WARNING, "DNS leak", "a.example");
        assertNotNull(before.shown.poll(10, TimeUnit.SECONDS));
        // one notification at a time: once the next one is shown, the app has taken the first one's answer and id
        n.notify(Notifier.Kind.INFO, "Verify", "done");
        assertNotNull(before.shown.poll(10, TimeUnit.SECONDS));
        first.releaseBusName(NotificationsBus.BUS_NAME); // a new notification service starts after it
        Service after = service();
        n.notify(Notifier.Kind.WARNING, "DNS leak", "b.example");
        n.notify(Notifier.Kind.WARNING, "DNS leak", "c.example");
        Shown b = after.shown.poll(10, TimeUnit.SECONDS);
        Shown c = after.shown.poll(10, TimeUnit.SECONDS);
        // closed before the new service's connection (made after it, so closed before it after the test): the
        // service recorded c before it answered, and an answer sent on a closed connection throws NotConnected
        n.close();
        assertNotNull(c);
        assertEquals(0, b.replaces(), "the id 101 of the service before would replace the new service's 101");
        assertEquals(101, c.replaces(), "the new service's own id is replaced as before");
    }

    @Test
    void aServiceTheDesktopStartsOnFirstUseShowsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path record = tmp.resolve("shown");
        BUS.activatable(NotificationsBus.BUS_NAME, List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ActivatedNotificationService.class.getName(),
                record.toString()));
        Fallback f = new Fallback();
        try {
            notifications(BUS::connectUnowned, f).notify(Notifier.Kind.WARNING, "DNS leak", "example.org");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recorded(record).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertTrue(java.nio.file.Files.exists(record), "the bus was not asked to start the service");
            assertEquals(List.of("DNS leak: example.org"), recorded(record));
            assertNull(f.shown.poll(200, TimeUnit.MILLISECONDS), "also shown as a pop-up");
        } finally {
            stopActivatedService();
        }
    }

    /** The lines the started service wrote so far: it creates the file before it writes a line into it. */
    private static List<String> recorded(java.nio.file.Path record) throws java.io.IOException {
        return java.nio.file.Files.exists(record) ? java.nio.file.Files.readAllLines(record) : List.of();
    }

    /** The service the bus started is this test's process: stopped by its PID, which the bus knows. */
    private static void stopActivatedService() throws Exception {
        org.freedesktop.dbus.interfaces.DBus daemon = BUS.connect().getRemoteObject("org.freedesktop.DBus",
                "/org/freedesktop/DBus", org.freedesktop.dbus.interfaces.DBus.class);
        if (!daemon.NameHasOwner(NotificationsBus.BUS_NAME)) {
            return;
        }
        long pid = daemon.GetConnectionUnixProcessID(NotificationsBus.BUS_NAME).longValue();
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        p.destroy();
        p.onExit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingSendsWhatWasAskedBeforeAndWaitsForTheAnswers() throws Exception {
        Service s = service();
        s.answerDelayMillis = 300;
        Fallback f = new Fallback();
        DesktopNotifications n = new DesktopNotifications(BUS::connectUnowned, f);
        n.notify(Notifier.Kind.WARNING, "DNS leak", "a.example");
        n.notify(Notifier.Kind.INFO, "Applied", "on");
        n.close();
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(n::close, "closed twice (the window, then a test's end)");
        assertEquals(2, s.ids.get(), "closed before the desktop answered");
        assertEquals(2, s.shown.size());
        assertNull(f.shown.poll(200, TimeUnit.MILLISECONDS), "an answer came after closing: shown as a pop-up");
    }

    @Test
    void withoutANotificationServiceThePopUpShowsIt() throws Exception {
        Fallback f = new Fallback();
        notifications(BUS::connectUnowned, f).notify(Notifier.Kind.INFO, "Applied", "DNS-over-TLS is on");
        assertEquals("INFO Applied: DNS-over-TLS is on (fx)", f.shown.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void withoutASessionBusThePopUpShowsIt() throws Exception {
        Fallback f = new Fallback();
        DesktopNotifications n = notifications(() -> {
            throw new DBusException("no bus");
        }, f);
        n.notify(Notifier.Kind.WARNING, "a", "1");
        n.notify(Notifier.Kind.WARNING, "b", "2");
        assertEquals("WARNING a: 1 (fx)", f.shown.poll(10, TimeUnit.SECONDS));
        assertEquals("WARNING b: 2 (fx)", f.shown.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aServiceThatAnswersWithAnErrorFallsBackToThePopUp() throws Exception {
        Service s = service();
        s.fail = true;
        Fallback f = new Fallback();
        notifications(BUS::connectUnowned, f).notify(Notifier.Kind.WARNING, "DNS leak", "x");
        assertEquals("WARNING DNS leak: x (fx)", f.shown.poll(10, TimeUnit.SECONDS));
        assertTrue(s.shown.isEmpty());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a pop-up that could not be shown either is reported to the caller, on the JavaFX thread")
    void aMissedFallbackIsReported() throws Exception {
        Service s = service();
        s.fail = true;
        Notifier cannotShow = new Notifier() {
            @Override
            public void notify(Kind kind, String title, String text) {
                throw new AssertionError("asked without a way to say it was not shown");
            }

            @Override
            public void notify(Kind kind, String title, String text, Runnable notShown) {
                notShown.run();
            }
        };
        BlockingQueue<String> missed = new LinkedBlockingQueue<>();
        notifications(BUS::connectUnowned, cannotShow).notify(Notifier.Kind.WARNING, "DNS leak", "x",
                () -> missed.add(Platform.isFxApplicationThread() ? "fx" : "other"));
        assertEquals("fx", missed.poll(10, TimeUnit.SECONDS));
    }
}
