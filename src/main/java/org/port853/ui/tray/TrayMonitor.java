package org.port853.ui.tray;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.port853.ui.status.ProtectionState;

/**
 * Connects a {@link Tray} to the window's models: the Status screen's state and the traffic's leak count go to
 * the tray, clicks come back to the JavaFX thread. All bus work runs on one worker thread of its own.
 */
public final class TrayMonitor implements AutoCloseable {
    private final Tray tray;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "port853-tray");
        t.setDaemon(true);
        return t;
    });
    private final Executor fx;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TrayMonitor.class.getName());
    /** How long close() waits for the tray to leave the bus (a hung bus call does not hold the window). */
    private static final long CLOSE_WAIT_SECONDS = 2;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean registered;
    private Runnable unhook = () -> { };
    /** The window watches the demo's sample machine: the tray says so. */
    private volatile boolean demo;

    public TrayMonitor(Tray tray) {
        this(tray, Platform::runLater);
    }

    /** @param fx runs a click's action on the JavaFX thread */
    public TrayMonitor(Tray tray, Executor fx) {
        this.tray = tray;
        this.fx = fx;
    }

    /** Call before {@link #start}: the state and leaks are the demo's, not this computer's. */
    public void showingDemo(boolean demo) {
        this.demo = demo;
    }

    /**
     * Starts the tray item (on the worker) and keeps it up to date; call on the JavaFX thread.
     *
     * @param watching whether the capture runs, so that the leak count means something
     * @param changing whether the window's apply sheet is open, which its Verify waits for
     * @param leakWithoutQuery whether the state's leak is only packets on port 53 with no DNS query read in them
     * @param onResult told on the JavaFX thread whether the item is in the tray
     * @param onChange told on the JavaFX thread when it leaves the tray or comes (back) into it later
     */
    public void start(ObservableValue<ProtectionState> state, ObservableValue<? extends Number> leaks,
                      ObservableValue<Boolean> watching, ObservableValue<Boolean> changing,
                      ObservableValue<Boolean> leakWithoutQuery, TrayActions actions,
                      Consumer<Tray.Registration> onResult, Consumer<Tray.Registration> onChange) {
        java.util.function.Supplier<TrayState> now = () -> new TrayState(state.getValue(),
                leaks.getValue().longValue(), demo, watching.getValue(), !changing.getValue(), leakWithoutQuery.getValue());
        TrayState initial = now.get();
        TrayActions onFx = new TrayActions() {
            @Override
            public void open() {
                fx.execute(actions::open);
            }

            @Override
            public void verifyNow() {
                fx.execute(actions::verifyNow);
            }

            @Override
            public void quit() {
                fx.execute(actions::quit);
            }
        };
        javafx.beans.InvalidationListener push = o -> {
            TrayState s = now.get();
            try {
                worker.execute(() -> tray.update(s));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closed meanwhile (close() may run on another thread): the item is gone, nothing to update
            }
        };
        state.addListener(push);
        leaks.addListener(push);
        watching.addListener(push);
        changing.addListener(push);
        leakWithoutQuery.addListener(push);
        unhook = () -> {
            state.removeListener(push);
            leaks.removeListener(push);
            watching.removeListener(push);
            changing.removeListener(push);
        };
        // a tray that answers after close() (a slow bus, the window replaced meanwhile) tells no one: the window it
        // would open or give a notice is gone, and the stage may be the next window's, hidden in its own tray
        tray.whenShownChanges(r -> {
            registered = r.registered();
            fx.execute(() -> {
                if (!closed.get()) onChange.accept(r);
            });
        });
        worker.execute(() -> {
            Tray.Registration r = tray.start(initial, onFx);
            registered = r.registered();
            fx.execute(() -> {
                if (!closed.get()) onResult.accept(r);
            });
        });
    }

    public boolean registered() {
        return registered && !closed.get();
    }

    /**
     * Takes the item off the bus and closes the tray's connection; waits for it (a little while at most), so nothing
     * of this tray's is left on the bus when the window or the app moves on. A second call does nothing.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        registered = false;
        unhook.run();
        worker.execute(tray::close);
        worker.shutdown();
        try {
            // a dbus-java thread of a connection left open raises NotConnected once the bus goes (a closed session)
            if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.info("the tray item was not taken off the session bus within " + CLOSE_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
