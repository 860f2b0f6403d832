package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.port853.ui.common.DesktopAppearance;
import org.port853.ui.common.PortalSettingsBus;
import org.port853.ui.common.SessionBus;

/**
 * The desktop's dark/light preference from the desktop portal: a real dbus-daemon on a private session bus, with
 * the portal written here as xdg-desktop-portal answers (its Settings interface, version 1 and 2 replies).
 */
class DesktopAppearanceTest {
    @RegisterExtension
    static final PrivateSessionBus BUS = new PrivateSessionBus();

    /** The portal: answers {@code reply} for the colour scheme, or an error for any other setting. */
    static final class Portal implements PortalSettingsBus {
        volatile Variant<?> reply;
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hang;

        @Override
        public Variant<?> Read(String namespace, String key) {
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!APPEARANCE.equals(namespace) || !COLOR_SCHEME.equals(key)) {
                throw new DBusExecutionException("Requested setting not found");
            }
            return reply;
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }
    }

    private DBusConnection portalBus;

    private Portal portal(Variant<?> reply) throws DBusException {
        Portal p = new Portal();
        p.reply = reply;
        portalBus = BUS.connect();
        portalBus.exportObject(PortalSettingsBus.PATH, p);
        portalBus.requestBusName(PortalSettingsBus.BUS_NAME);
        return p;
    }

    private DesktopAppearance appearance(Duration timeout) {
        return BUS.closeAfterTest(new DesktopAppearance(BUS::connectUnowned, timeout));
    }

    @Test
    void darkLightAndNoPreferenceAsThePortalSaysThem() throws Exception {
        Portal p = portal(new Variant<>(new Variant<>(new UInt32(1)))); // version 1: a variant in a variant
        DesktopAppearance a = appearance(Duration.ofSeconds(5));
        assertEquals(Optional.of(true), a.prefersDark());
        p.reply = new Variant<>(new UInt32(2)); // a portal that answers without the extra variant
        assertEquals(Optional.of(false), a.prefersDark());
        p.reply = new Variant<>(new Variant<>(new UInt32(0)));
        assertEquals(Optional.empty(), a.prefersDark(), "no preference: the other sources decide");
    }

    @Test
    void withoutAPortalNothingIsSaid() {
        long start = System.nanoTime();
        // a timeout far above what a busy machine takes to hear 'no such service', so waiting it out cannot pass
        assertEquals(Optional.empty(), appearance(Duration.ofSeconds(30)).prefersDark());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "the bus's 'no such service' is the answer");
    }

    @Test
    void withoutASessionBusNothingIsSaid() {
        DesktopAppearance a = BUS.closeAfterTest(new DesktopAppearance(() -> {
            throw new DBusException("no bus");
        }, Duration.ofSeconds(5)));
        assertEquals(Optional.empty(), a.prefersDark());
    }

    @Test
    void aPortalThatDoesNotAnswerIsNotWaitedForLongerThanTheTimeout() throws Exception {
        Portal p = portal(new Variant<>(new UInt32(1)));
        p.hang = true;
        try {
            long start = System.nanoTime();
            assertEquals(Optional.empty(), appearance(Duration.ofMillis(300)).prefersDark());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // the portal hangs for 30 s: under 15 s is the timeout, with room for a busy machine
            assertTrue(ms >= 300 && ms < 15_000, "waited " + ms + " ms");
        } finally {
            p.release.countDown();
        }
    }

    @Test
    void theUsersSwitchIsFollowed() throws Exception {
        portal(new Variant<>(new UInt32(2)));
        DesktopAppearance a = appearance(Duration.ofSeconds(5));
        BlockingQueue<Boolean> seen = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> replaced = new LinkedBlockingQueue<>();
        a.follow(replaced::add); // the window before (e.g. the demo's, left with "Exit demo")
        a.follow(seen::add);
        // high contrast on (contrast 1): another setting with the same kind of value
        portalBus.sendMessage(new PortalSettingsBus.SettingChanged(PortalSettingsBus.PATH,
                PortalSettingsBus.APPEARANCE, "contrast", new Variant<>(new UInt32(1))));
        portalBus.sendMessage(new PortalSettingsBus.SettingChanged(PortalSettingsBus.PATH,
                PortalSettingsBus.APPEARANCE, PortalSettingsBus.COLOR_SCHEME, new Variant<>(new UInt32(2))));
        portalBus.sendMessage(new PortalSettingsBus.SettingChanged(PortalSettingsBus.PATH,
                PortalSettingsBus.APPEARANCE, PortalSettingsBus.COLOR_SCHEME, new Variant<>(new UInt32(1))));
        portalBus.sendMessage(new PortalSettingsBus.SettingChanged(PortalSettingsBus.PATH,
                PortalSettingsBus.APPEARANCE, PortalSettingsBus.COLOR_SCHEME, new Variant<>(new UInt32(2))));
        assertEquals(Boolean.FALSE, seen.poll(10, TimeUnit.SECONDS), "light, and nothing for another setting");
        assertEquals(Boolean.TRUE, seen.poll(10, TimeUnit.SECONDS));
        assertEquals(Boolean.FALSE, seen.poll(10, TimeUnit.SECONDS));
        assertTrue(replaced.isEmpty(), "the replaced listener was told too");
    }

    @Test
    @DisplayName("closed on the session bus connection it shares with the tray, it stops following the desktop's switch")
    void closedOnASharedConnectionFollowsNoMore() throws Exception {
        portal(new Variant<>(new UInt32(2)));
        SessionBus.Opener shared = SessionBus.sharedOpener(BUS.address());
        DBusConnection tray = BUS.closeAfterTest(shared.open()); // another user of the connection, still running
        DesktopAppearance a = new DesktopAppearance(shared, Duration.ofSeconds(5));
        BlockingQueue<Boolean> seen = new LinkedBlockingQueue<>();
        a.follow(seen::add);
        a.close();
        assertTrue(tray.isConnected());
        portalBus.sendMessage(new PortalSettingsBus.SettingChanged(PortalSettingsBus.PATH,
                PortalSettingsBus.APPEARANCE, PortalSettingsBus.COLOR_SCHEME, new Variant<>(new UInt32(1))));
        assertNull(seen.poll(2, TimeUnit.SECONDS), "a closed follower was still told");
    }
}
