package org.port853.ui.diagnostics;

import java.time.Duration;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.port853.probe.pins.NetworkChanges;
import org.port853.probe.pins.PinWatcher;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Notifier;
import org.port853.ui.task.FxTaskExecutor;

/**
 * The window's pin watcher: while the window runs, the recorded pins are re-checked every period (property
 * {@value #PERIOD_PROPERTY}, default 6h) and after network changes, on the watcher's own thread. A changed key raises
 * a desktop notification and the Diagnostics screen's alert ({@link #alertProperty()}).
 */
public final class PinWatch implements AutoCloseable {
    public static final String PERIOD_PROPERTY = "port853.pinCheckEvery";
    private static final Logger LOG = Logger.getLogger(PinWatch.class.getName());

    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper(null);
    private final javafx.beans.property.ReadOnlyIntegerWrapper checks = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private java.util.List<org.port853.probe.doctor.Check> lastChecks = java.util.List.of();
    private final Duration period;
    private final PinWatcher watcher;
    private final NetworkChanges network;

    private PinWatch(ServerPins pins, Notifier notifier, Duration period) {
        this.period = period;
        this.watcher = new PinWatcher(PinWatcher.daemonScheduler(), period, PinWatcher.DEFAULT_DEBOUNCE,
                pins::recheckRecorded, c -> changed(c, notifier));
        NetworkChanges n = null;
        try {
            n = NetworkChanges.start(watcher::networkChanged);
        } catch (UnsupportedOperationException e) {
            LOG.info("pins are re-checked on the period only: " + e.getMessage());
        }
        this.network = n;
        watcher.start(false);
    }

    /**
     * Starts watching {@code pins}; the first check runs after one period or the first network change. It opens a
     * netlink socket and starts threads: call it on a worker, never on the JavaFX thread.
     */
    public static PinWatch start(ServerPins pins, Notifier notifier) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the pin watch opens a socket and threads: start it in the background");
        }
        return new PinWatch(pins, notifier, period(System.getProperty(PERIOD_PROPERTY)));
    }

    static Duration period(String configured) {
        if (configured == null || configured.isBlank()) {
            return PinWatcher.DEFAULT_PERIOD;
        }
        try {
            return PinWatcher.parsePeriod(configured.strip());
        } catch (IllegalArgumentException e) {
            LOG.warning(PERIOD_PROPERTY + " " + e.getMessage() + "; using " + PinWatcher.DEFAULT_PERIOD.toHours() + "h");
            return PinWatcher.DEFAULT_PERIOD;
        }
    }

    private void changed(PinWatcher.Checked c, Notifier notifier) {
        java.util.List<org.port853.probe.doctor.Check> seen = c.result().pins().stream()
                .map(ServerPins.Recorded::check).toList();
        FxTaskExecutor.onFxThread(() -> {
            lastChecks = seen;
            checks.set(checks.get() + 1);
        });
        if (!c.result().keyChanged()) {
            return;
        }
        String text = CheckTexts.evidence(c.result().pins().stream().filter(p -> p.verdict().changed())
                .map(ServerPins.Recorded::check).toList());
        FxTaskExecutor.onFxThread(() -> {
            alert.set(text);
            notifier.notify(Notifier.Kind.ERROR, I18n.t("diag.pins.changed"), text);
        });
    }

    /** The pin checks of the watcher's latest check (a key shown is a handshake that worked); JavaFX thread. */
    public java.util.List<org.port853.probe.doctor.Check> lastChecks() {
        return lastChecks;
    }

    /** Counts the watcher's checks (each may find a key changed, or back to its pin); JavaFX thread. */
    public javafx.beans.property.ReadOnlyIntegerProperty checksProperty() {
        return checks.getReadOnlyProperty();
    }

    /** The latest key change the watcher found (null until one is found). */
    public ReadOnlyStringProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** What the Diagnostics screen says about the watching. */
    public String description() {
        return I18n.t("diag.pins.watching", I18n.period(period.getSeconds()));
    }

    /** Stops watching without waiting: the network reader ends within a second, on a thread of its own. */
    @Override
    public void close() {
        watcher.close();
        if (network != null) {
            // called on the JavaFX thread (Exit demo, hiding the window, quitting): the reader's join takes up to 1 s
            Thread closer = new Thread(network::close, "port853-netlink-close");
            closer.setDaemon(true);
            closer.start();
        }
    }
}
