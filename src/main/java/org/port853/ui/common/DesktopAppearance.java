package org.port853.ui.common;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.CallbackHandler;
import org.freedesktop.dbus.types.Variant;

/**
 * The light/dark preference the desktop portal gives (org.freedesktop.appearance color-scheme: 1 dark, 2 light, 0
 * no preference), read with a deadline and followed while the app runs. One session bus connection, opened on
 * first use; blocking: call off the JavaFX thread.
 */
public final class DesktopAppearance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesktopAppearance.class.getName());
    private static final long PREFER_DARK = 1;
    private static final long PREFER_LIGHT = 2;

    private final SessionBus.Connection bus;
    private final Duration timeout;
    private AutoCloseable following;
    private volatile Consumer<Boolean> listener = d -> { };

    public DesktopAppearance(SessionBus.Opener opener, Duration timeout) {
        this.bus = new SessionBus.Connection(opener, "the colour scheme");
        this.timeout = timeout;
    }

    /** Dark (true) or light (false) as the desktop says now; empty without a bus, a portal or a preference. */
    public synchronized Optional<Boolean> prefersDark() {
        DBusConnection c = bus.get();
        if (c == null) {
            return Optional.empty();
        }
        CompletableFuture<Object> reply = new CompletableFuture<>();
        try {
            PortalSettingsBus portal = c.getRemoteObject(PortalSettingsBus.BUS_NAME, PortalSettingsBus.PATH,
                    PortalSettingsBus.class);
            c.callWithCallback(portal, "Read", new CallbackHandler<Object>() {
                @Override
                public void handle(Object value) {
                    reply.complete(value);
                }

                @Override
                public void handleError(DBusExecutionException e) {
                    reply.completeExceptionally(e);
                }
            }, PortalSettingsBus.APPEARANCE, PortalSettingsBus.COLOR_SCHEME);
            return scheme(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.info("the desktop portal did not answer within " + timeout.toMillis() + " ms");
            return Optional.empty();
        } catch (DBusException | ExecutionException | RuntimeException e) { // no portal, or no such setting
            LOG.log(Level.FINE, "no colour scheme from the desktop portal", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Calls {@code dark} (on a bus thread) each time the user switches the desktop between dark and light; only the
     * last one given is called (a new window replaces the old one's).
     */
    public synchronized void follow(Consumer<Boolean> dark) {
        listener = dark;
        DBusConnection c = bus.get();
        if (c == null || following != null) {
            return;
        }
        try {
            following = c.addSigHandler(PortalSettingsBus.SettingChanged.class, s -> {
                if (PortalSettingsBus.APPEARANCE.equals(s.namespace())
                        && PortalSettingsBus.COLOR_SCHEME.equals(s.key())) {
                    scheme(s.value()).ifPresent(d -> listener.accept(d));
                }
            });
        } catch (DBusException e) {
            LOG.log(Level.INFO, "the desktop's colour scheme is not followed", e);
        }
    }

    /** The colour scheme in a variant, however deeply wrapped (portal versions differ). */
    static Optional<Boolean> scheme(Object value) {
        Object v = value;
        while (v instanceof Variant<?> w) {
            v = w.getValue();
        }
        if (v instanceof Number n) {
            long s = n.longValue();
            return s == PREFER_DARK ? Optional.of(true) : s == PREFER_LIGHT ? Optional.of(false) : Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (following != null) { // the connection is shared: its handlers outlive this user's close
            try {
                following.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "no longer following the colour scheme", e);
            }
            following = null;
        }
        bus.close();
    }
}
