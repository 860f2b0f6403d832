package org.port853.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window on the test's stage (headless Monocle) and shuts it down after each test. */
@ExtendWith(FxThreadApplicationExtension.class)
abstract class WindowTestBase {
    Stage stage;
    MainWindow window;

    // ApplicationExtension only calls @Start methods declared on the test class itself, so take the stage here.
    @BeforeEach
    void primaryStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            // TestFX keeps a copy of each failed asyncFx call's exception to throw from the next one: a test that
            // failed that way would keep its window (timers, capture, tray) running into the tests after it
            WaitForAsyncUtils.clearExceptions();
            WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get();
        }
    }

    /** The addresses the window asked the desktop to open (links, folders), in order. */
    final java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    void open(AppServices services) throws Exception {
        open(services, null);
    }

    /** @param openDemo what Tools › Open demo does (null: not offered) */
    void open(AppServices services, Runnable openDemo) throws Exception {
        show(services, openDemo);
        waitUntil(() -> window.model().assessmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows the window without waiting for the resolver's state. */
    void show(AppServices services, Runnable openDemo) throws Exception {
        // as the app does: the preferences are read before the window is built, not on the JavaFX thread
        org.port853.ui.prefs.Preferences prefs = new org.port853.ui.prefs.PreferencesStore(services.configDir()).load();
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(services, opened::add, openDemo, prefs);
            window.show(stage);
            // the app's starting size: the stage is shared by every test class, and some make it narrow
            stage.setWidth(1040);
            stage.setHeight(740);
        }).get();
    }

    /** Opens the window on a machine whose resolver sends plaintext, with a capture that sees nothing. */
    void openPlaintextMachine() throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
    }

    /** Resizes the window and waits until it has been laid out. */
    void resize(double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The node is there and it and all its parents are visible: looked up and read in one go on the JavaFX thread, as
     * a sheet or banner shown by a runLater may be changing them.
     */
    static boolean visible(org.testfx.api.FxRobot robot, String query) {
        return FxThreadQuery.onFx(() -> {
            javafx.scene.Node n = robot.lookup(query).tryQuery().orElse(null);
            if (n == null) return false;
            for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) return false;
            }
            return true;
        });
    }

    /** A label's text, read on the JavaFX thread. */
    static String labelText(org.testfx.api.FxRobot robot, String query) throws Exception {
        javafx.scene.control.Label l = robot.lookup(query).query();
        return WaitForAsyncUtils.asyncFx(l::getText).get();
    }

    /** Runs {@code start} on the JavaFX thread and waits until the apply sheet shows its preview. */
    void untilPreview(Runnable start) throws Exception {
        fx(() -> {
            start.run();
            return null;
        });
        waitUntil(() -> window.applyViewModel().phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW);
    }

    /** Confirms the previewed change and waits for its result. */
    void confirmUntilResult() throws Exception {
        fx(() -> {
            window.applyViewModel().confirm();
            return null;
        });
        waitUntil(() -> window.applyViewModel().phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.RESULT);
    }

    /** "Protect my DNS" on the open window, previewed and confirmed: the change is under way (or done). */
    void protectAndConfirm() throws Exception {
        untilPreview(() -> window.statusViewModel().protect());
        fx(() -> {
            window.applyViewModel().confirm();
            return null;
        });
    }

    /** Runs {@code c} on the JavaFX thread and waits for its result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: these machines run many builds at once; a passing condition returns at once
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
