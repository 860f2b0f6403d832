package org.port853.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.port853.ui.common.Pulses;
import org.port853.ui.prefs.Preferences;
import org.port853.ui.prefs.PreferencesStore;

/**
 * The desktop application. Started by {@code org.port853.app.Launcher} through {@link #launchGui} (a class
 * that extends Application cannot be the jar's main class when JavaFX is on the class path).
 */
public class Port853App extends Application {
    private static volatile AppServices services;
    private static volatile Preferences preferences;
    /** Why the preferences file could not be used in full: said once, in the first window (null when it could). */
    private static volatile String preferencesProblem;
    /** The desktop's light/dark preference, detected while the toolkit starts. */
    private static volatile java.util.concurrent.CompletableFuture<Boolean> systemDark =
            java.util.concurrent.CompletableFuture.completedFuture(false);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Port853App.class.getName());
    /** The app whose window a later launch brings to the front: set once its stage exists. */
    private static volatile Port853App running;
    /** A later launch asked for the window (perhaps before it existed); cleared once it is in front. */
    private static final java.util.concurrent.atomic.AtomicBoolean frontAsked =
            new java.util.concurrent.atomic.AtomicBoolean();
    private MainWindow window;
    private Stage stage;
    private org.port853.ui.tray.TrayMonitor tray;

    /** Blocks until the window is closed. */
    public static void launchGui(String[] args, boolean demo) {
        launchGui(args, demo ? AppServices.forDemo() : AppServices.forSystem());
    }

    /** For tools (screenshots, benchmarks) that bring their own services. */
    public static void launchGui(String[] args, AppServices s) {
        services = s;
        // read here, on the launching thread: never on the JavaFX thread
        PreferencesStore.Loaded loaded = new PreferencesStore(s.configDir()).read();
        preferences = loaded.preferences();
        preferencesProblem = loaded.problem();
        if (preferences.theme() == Preferences.Theme.SYSTEM) {
            systemDark = java.util.concurrent.CompletableFuture.supplyAsync(
                    org.port853.ui.common.SystemTheme::prefersDark, s.executor());
        }
        Application.launch(Port853App.class, args);
        // the launcher says which library is missing, without JavaFX's own report before it
        if (startFailure instanceof Error e) {
            throw e;
        } else if (startFailure instanceof RuntimeException e) {
            throw e;
        }
    }

    private static volatile Throwable startFailure;

    /**
     * Brings the window to the front (shown from the tray too, de-iconified, focused); from any thread: a later launch
     * of the app asked for it. Asked before the window exists, it is shown as soon as it does, even when it would
     * start minimised.
     */
    public static void bringToFront() {
        frontAsked.set(true);
        Port853App app = running;
        if (app != null) {
            Platform.runLater(app::toFrontIfAsked);
        }
    }

    private void toFrontIfAsked() {
        if (frontAsked.getAndSet(false)) {
            LOG.info("window brought to the front: the app was launched again");
            org.port853.ui.tray.TrayStartup.bringToFront(stage);
        }
    }

    @Override
    public void start(Stage stage) {
        try {
            show(stage);
        } catch (RuntimeException | Error e) {
            if (org.port853.ui.common.Errors.missingClass(e) == null) {
                throw e;
            }
            startFailure = e;
            Platform.exit();
        }
    }


    private void show(Stage stage) {
        this.stage = stage;
        running = this;
        Platform.runLater(this::toFrontIfAsked); // after this start: a launch may have asked before there was a window
        QuietShutdown.installOnThisThread();
        AppServices s = services != null ? services : AppServices.forSystem();
        boolean bench = Boolean.getBoolean("port853.bench");
        // First frame: the skeleton (header and colours), shown at once; the real window is built right after
        // that frame has been drawn, in the same scene.
        Preferences prefs = preferences != null ? preferences : Preferences.defaults();
        boolean dark = prefs.theme() == Preferences.Theme.DARK
                || prefs.theme() == Preferences.Theme.SYSTEM && systemDark.getNow(false);
        org.port853.ui.common.SystemTheme.use(dark);
        javafx.geometry.Dimension2D size = WindowSize.onPrimaryScreen();
        Scene scene = new Scene(MainWindow.skeleton(s.demo(), dark), size.getWidth(), size.getHeight());
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(MainWindow.title(s.demo()));
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        if (prefs.startMinimised()) {
            // no skeleton frame: the window stays hidden unless the tray item cannot be registered
            open(s, true);
            return;
        }
        stage.show();
        WindowSize.keepOnScreen(stage);
        if (bench) {
            Pulses.after(2, () -> report("FIRST_FRAME", false));
        }
        Pulses.after(2, () -> {
            open(s);
            String screen = System.getProperty("port853.screen");
            if (screen != null) {
                window.show(MainWindow.Screen.valueOf(screen.toUpperCase(java.util.Locale.ROOT)));
            }
            if (bench) {
                Pulses.after(2, () -> report("STATUS_FRAME", Boolean.getBoolean("port853.bench.exit")));
            }
        });
    }

    private void open(AppServices s) {
        open(s, false);
    }

    private void open(AppServices s, boolean startMinimised) {
        if (window != null) {
            if (!window.demo()) {
                // what the user chose in this window (saved in the background) is what the next one starts with
                preferences = window.preferencesViewModel().current();
            }
            window.shutdown();
        }
        if (tray != null) {
            tray.close();
        }
        window = new MainWindow(s, url -> getHostServices().showDocument(url),
                s.demo() ? null : () -> open(s.withDemo()), preferences != null ? preferences : Preferences.defaults());
        window.setOnExitDemo(s.demo() ? () -> open(AppServices.forSystem()) : null);
        window.show(stage, !startMinimised);
        if (preferencesProblem != null && !s.demo()) {
            window.showNotice(preferencesProblem);
            preferencesProblem = null;
        }
        tray = org.port853.ui.tray.TrayStartup.begin(org.port853.ui.tray.Trays.forThisPlatform(), stage, window,
                startMinimised, Platform::exit);
    }

    /**
     * Benchmarks: print the wall-clock time of a rendered frame and the CPU time the process has used so far (all
     * threads; steadier than wall time on a busy machine), and quit when asked.
     */
    private static void report(String what, boolean exit) {
        System.out.println(what + " " + System.currentTimeMillis());
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(cpu -> System.out.println(what + "_CPU " + cpu.toMillis()));
        System.out.flush();
        if (exit) {
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        if (tray != null) {
            tray.close();
        }
        if (window != null) {
            window.shutdown();
        }
    }
}
