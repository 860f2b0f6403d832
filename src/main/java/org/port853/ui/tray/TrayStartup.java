package org.port853.ui.tray;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.port853.ui.MainWindow;

/**
 * Puts the window's leak monitor in the tray and decides what start-up and closing the window do:
 * "Start minimised" leaves the window hidden only once the tray item is registered; closing the window keeps
 * monitoring only with a registered item and "Keep monitoring in the tray" on; otherwise closing quits.
 */
public final class TrayStartup {
    /** How long "Start minimised" waits for the tray before it opens the window anyway. */
    static final javafx.util.Duration TRAY_WAIT = javafx.util.Duration.seconds(5);

    private TrayStartup() {
    }

    /**
     * Call on the JavaFX thread after {@code window.show(stage, !startMinimised)}.
     *
     * @param quit what Quit in the tray does (the app's exit)
     */
    public static TrayMonitor begin(Tray tray, Stage stage, MainWindow window, boolean startMinimised, Runnable quit) {
        TrayMonitor monitor = new TrayMonitor(tray);
        var closeToTray = window.preferencesViewModel().closeToTrayProperty();
        window.setKeepMonitoringWhenHidden(() -> monitor.registered() && closeToTray.get());
        stage.setOnCloseRequest(e -> {
            // with a registered item implicit exit is off: closing must quit unless the user chose the tray
            if (!(monitor.registered() && closeToTray.get())) quit.run();
        });
        TrayActions actions = new TrayActions() {
            @Override
            public void open() {
                stage.show();
                stage.setIconified(false);
                stage.toFront();
            }

            @Override
            public void verifyNow() {
                open();
                window.verifyNow();
            }

            @Override
            public void quit() {
                quit.run();
            }
        };
        if (startMinimised) {
            var wait = new javafx.animation.PauseTransition(TRAY_WAIT);
            wait.setOnFinished(e -> {
                if (!monitor.registered() && !stage.isShowing()) stage.show();
            });
            wait.play();
        }
        monitor.start(window.statusViewModel().stateProperty(), window.trafficViewModel().leaksSinceStartProperty(),
                actions, r -> {
                    // only a registered item keeps the app alive without a window (turning implicit exit back on
                    // with no window showing would end the toolkit at once)
                    if (r.registered()) Platform.setImplicitExit(false);
                    StartupChoice choice = StartupChoice.of(startMinimised, r);
                    if (choice.showWindow() && !stage.isShowing()) stage.show();
                    if (choice.notice() != null) window.showNotice(choice.notice());
                });
        return monitor;
    }
}
