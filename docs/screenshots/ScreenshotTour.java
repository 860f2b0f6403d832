import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.port853.capture.CaptureSessions;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.ui.AppServices;
import org.port853.ui.MainWindow;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.prefs.Preferences;

/** Opens each screen in demo mode in a real window and saves a PNG of it. Run by take.sh under Xvfb. */
public final class ScreenshotTour {
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        Files.createDirectories(out);
        Path config = Files.createTempDirectory("port853-shots");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // the tour closes its first window before opening the second

        if (ScreenshotTour.class.getResource(CaptureSessions.DEMO_RESOURCE) == null) {
            throw new IllegalStateException("the bundled demo capture " + CaptureSessions.DEMO_RESOURCE + " is missing");
        }
        AppServices demo = AppServices.forDemo(new DemoResolverAdapter(Duration.ofMillis(900), false), config,
                (k, t, x) -> { });

        MainWindow w = fx(() -> open(demo, Preferences.Theme.LIGHT));
        waitFor(() -> w.model().assessmentProperty().get() != null);
        Thread.sleep(40000); // let the demo capture fill the graph
        shot(w, MainWindow.Screen.STATUS, "status");
        shot(w, MainWindow.Screen.PROVIDERS, "providers");
        shot(w, MainWindow.Screen.TRAFFIC, "traffic");
        fx(() -> { w.verifyNow(); return null; });
        waitFor(() -> !w.verifyViewModel().runningProperty().get()
                && w.verifyViewModel().outcome() != org.port853.ui.verify.VerifyViewModel.Outcome.NONE);
        snap(w, "verify");
        shot(w, MainWindow.Screen.PREFERENCES, "preferences");
        fx(() -> { w.show(MainWindow.Screen.DIAGNOSTICS); return null; });
        Thread.sleep(900);
        fx(() -> { ((javafx.scene.control.Button) w.root().getScene().lookup("#diag-run")).fire(); return null; });
        waitFor(() -> !((javafx.scene.control.TableView<?>) w.root().getScene().lookup("#diag-checks")).getItems().isEmpty());
        snap(w, "diagnostics");
        // narrow (the minimum width): one column
        size(w, MainWindow.MIN_WIDTH, 640);
        shot(w, MainWindow.Screen.STATUS, "status-narrow");
        shot(w, MainWindow.Screen.PROVIDERS, "providers-narrow");
        shot(w, MainWindow.Screen.TRAFFIC, "traffic-narrow");
        // dark, wide and narrow
        fx(() -> { w.preferencesViewModel().themeProperty().set(Preferences.Theme.DARK); return null; });
        shot(w, MainWindow.Screen.STATUS, "status-dark-narrow");
        size(w, 1100, 890);
        shot(w, MainWindow.Screen.STATUS, "status-dark");
        shot(w, MainWindow.Screen.PROVIDERS, "providers-dark");
        shot(w, MainWindow.Screen.TRAFFIC, "traffic-dark");
        fx(() -> { w.preferencesViewModel().themeProperty().set(Preferences.Theme.LIGHT); return null; });
        // the primary action: preview (plain summary first, the diff below), progress, result
        fx(() -> { w.show(MainWindow.Screen.STATUS); w.statusViewModel().protect(); return null; });
        waitFor(() -> w.applyViewModel().phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        snap(w, "apply-preview");
        fx(() -> { w.applyViewModel().confirm(); return null; });
        Thread.sleep(300);
        snap(w, "apply-progress");
        waitFor(() -> w.applyViewModel().phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        snap(w, "apply-result");
        fx(() -> { w.applyViewModel().close(); return null; });
        Thread.sleep(800);
        shot(w, MainWindow.Screen.STATUS, "status-after-apply");
        fx(() -> { w.shutdown(); ((Stage) w.root().getScene().getWindow()).close(); return null; });

        // interrupted change found at start
        AppServices pending = AppServices.forDemo(new DemoResolverAdapter(Duration.ofMillis(600), true), config,
                (k, t, x) -> { });
        MainWindow w2 = fx(() -> open(pending, Preferences.Theme.LIGHT));
        waitFor(() -> w2.model().assessmentProperty().get() != null);
        Thread.sleep(3000);
        shot(w2, MainWindow.Screen.STATUS, "status-recover");
        fx(() -> { w2.shutdown(); return null; });
        Platform.exit();
        try (var files = Files.walk(config)) { // the demo saves nothing, but the folder itself is the tour's
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.exit(0);
    }

    private static void size(MainWindow w, double width, double height) throws Exception {
        fx(() -> {
            Stage st = (Stage) w.root().getScene().getWindow();
            st.setWidth(width);
            st.setHeight(height);
            return null;
        });
        Thread.sleep(500);
    }

    private static MainWindow open(AppServices s, Preferences.Theme theme) {
        Stage stage = new Stage();
        MainWindow w = new MainWindow(s, u -> { }, null, new Preferences(false, false, theme));
        w.show(stage);
        stage.setWidth(1100);
        stage.setHeight(890);
        return w;
    }

    private static void shot(MainWindow w, MainWindow.Screen s, String name) throws Exception {
        fx(() -> { w.show(s); return null; });
        Thread.sleep(900);
        snap(w, name);
    }

    private static void snap(MainWindow w, String name) throws Exception {
        Thread.sleep(400);
        fx(() -> {
            Scene scene = w.root().getScene();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.resolve(name + ".png").toFile());
            return null;
        });
        System.out.println("saved " + name + ".png");
    }

    private static void waitFor(BooleanSupplier c) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (fx(c::getAsBoolean)) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.FutureTask<T> t = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(t);
        return t.get(30, TimeUnit.SECONDS);
    }
}
