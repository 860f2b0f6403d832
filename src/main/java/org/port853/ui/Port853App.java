package org.port853.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@code org.port853.app.Launcher} through {@link #launchGui} (a class
 * that extends Application cannot be the jar's main class when JavaFX is on the class path).
 */
public class Port853App extends Application {
    private static volatile AppServices services;
    private MainWindow window;
    private Stage stage;

    /** Blocks until the window is closed. */
    public static void launchGui(String[] args, boolean demo) {
        services = demo ? AppServices.forDemo() : AppServices.forSystem();
        Application.launch(Port853App.class, args);
    }

    /** For tools (screenshots, benchmarks) that bring their own services. */
    public static void launchGui(String[] args, AppServices s) {
        services = s;
        Application.launch(Port853App.class, args);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        AppServices s = services != null ? services : AppServices.forSystem();
        open(s);
        if (Boolean.getBoolean("port853.bench")) {
            reportFirstFrame();
        }
    }

    private void open(AppServices s) {
        if (window != null) {
            window.shutdown();
        }
        window = new MainWindow(s, url -> getHostServices().showDocument(url),
                s.demo() ? null : () -> open(s.withDemo()));
        window.show(stage);
    }

    /** Benchmarks: print the wall-clock time of the first rendered frame and quit. */
    private static void reportFirstFrame() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    System.out.println("FIRST_FRAME " + System.currentTimeMillis());
                    System.out.flush();
                    if (Boolean.getBoolean("port853.bench.exit")) {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
