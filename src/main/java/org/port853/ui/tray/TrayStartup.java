package org.port853.ui.tray;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.port853.ui.MainWindow;
import org.port853.ui.common.I18n;

/**
 * Puts the window's leak monitor in the tray and decides what start-up and closing the window do:
 * "Start minimised" leaves the window hidden only once the tray item is registered; closing the window keeps
 * monitoring only with a registered item and "Keep monitoring in the tray" on; otherwise closing quits. When the
 * tray goes away while the window is hidden, the window opens again; so it does for a notice (a preferences file
 * that could not be used in full), which a hidden window would keep unseen.
 */
public final class TrayStartup {
    /** How long "Start minimised" waits for the tray before it opens the window anyway. */
    public static final javafx.util.Duration TRAY_WAIT = javafx.util.Duration.seconds(5);

    private TrayStartup() {
    }

    /**
     * Call on the JavaFX thread after {@code window.show(stage, !startMinimised)}.
     *
     * @param quit what Quit in the tray does (the app's exit)
     */
    public static TrayMonitor begin(Tray tray, Stage stage, MainWindow window, boolean startMinimised, Runnable quit) {
        return begin(tray, stage, window, startMinimised, quit, TRAY_WAIT);
    }

    /** @param trayWait how long "Start minimised" waits for the tray before it opens the window anyway */
    public static TrayMonitor begin(Tray tray, Stage stage, MainWindow window, boolean startMinimised, Runnable quit,
                                    javafx.util.Duration trayWait) {
        TrayMonitor monitor = new TrayMonitor(tray);
        // the item shows this window's state: it goes with the window, its session bus connection closed then
        window.closeWithWindow(monitor);
        TrayNotice notice = new TrayNotice(window);
        monitor.showingDemo(window.demo());
        var closeToTray = window.preferencesViewModel().closeToTrayProperty();
        window.setKeepMonitoringWhenHidden(() -> monitor.registered() && closeToTray.get());
        Runnable askedQuit = () -> window.quitAfterAsking(quit);
        window.setOnQuit(askedQuit);
        stage.setOnCloseRequest(e -> {
            // with a registered item implicit exit is off: closing must quit unless the user chose the tray; a user
            // who chose to wait for a running change keeps the window
            if (!(monitor.registered() && closeToTray.get()) && !window.quitAfterAsking(quit)) e.consume();
        });
        TrayActions actions = new TrayActions() {
            @Override
            public void open() {
                bringToFront(stage);
            }

            @Override
            public void verifyNow() {
                open();
                window.verifyNow();
            }

            @Override
            public void quit() {
                askedQuit.run();
            }
        };
        stage.setOnHiding(e -> keepPlace(stage));
        window.noticeProperty().addListener((o, was, text) -> openFor(text, stage));
        openFor(window.noticeProperty().get(), stage); // said before the tray was asked for (the preferences' problem)
        if (startMinimised) {
            var wait = new javafx.animation.PauseTransition(trayWait);
            wait.setOnFinished(e -> {
                if (!monitor.registered() && !stage.isShowing()) {
                    show(StartupChoice.of(true, Tray.Registration.unavailable(
                            I18n.t("tray.unavailable.slow", Math.round(trayWait.toSeconds())))), stage, notice);
                }
            });
            wait.play();
            // the stage outlives the window (Open demo replaces it there): a wait left running would open the stage
            // hidden to the next window's tray icon
            window.closeWithWindow(wait::stop);
        }
        monitor.start(window.statusViewModel().stateProperty(), window.trafficViewModel().leaksSinceStartProperty(),
                window.trafficViewModel().runningProperty(), window.applyViewModel().busyProperty(),
                window.statusViewModel().leakWithoutQueryProperty(), actions, r -> {
                    window.preferencesViewModel().showTray(r.registered(), r.reason());
                    // only a registered item keeps the app alive without a window (turning implicit exit back on
                    // with no window showing would end the toolkit at once)
                    if (r.registered()) {
                        Platform.setImplicitExit(false);
                        notice.trayIsBack();
                    }
                    show(StartupChoice.of(startMinimised, r), stage, notice);
                }, r -> {
                    window.preferencesViewModel().showTray(r.registered(), r.reason());
                    if (r.registered()) {
                        Platform.setImplicitExit(false);
                        notice.trayIsBack();
                    } else if (!stage.isShowing()) {
                        // the app must never run on unseen: without its icon, the window is the way back to it
                        stage.show();
                        notice.show(I18n.t("tray.notice.gone", r.reason()));
                    }
                });
        return monitor;
    }

    /** Open in the tray, and a second launch of the app: the window shown, de-iconified, in front and focused. */
    public static void bringToFront(Stage stage) {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * The window hidden in the tray is shown again where and as large as it was. JavaFX shows a window again centred
     * and at its scene's first size unless the app set its bounds: the user's moves and resizes do not count as set.
     */
    private static void keepPlace(Stage stage) {
        if (stage.isMaximized() || stage.isFullScreen()) return; // the stage brings these back itself
        stage.setX(stage.getX());
        stage.setY(stage.getY());
        stage.setWidth(stage.getWidth());
        stage.setHeight(stage.getHeight());
    }

    /** A notice is read only in the window: a hidden window opens for it (also with a tray: it is not a tray's). */
    private static void openFor(String notice, Stage stage) {
        if (notice != null && !stage.isShowing()) stage.show();
    }

    private static void show(StartupChoice choice, Stage stage, TrayNotice notice) {
        if (choice.showWindow() && !stage.isShowing()) stage.show();
        if (choice.notice() != null) notice.show(choice.notice());
    }
}
