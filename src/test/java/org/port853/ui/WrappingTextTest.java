package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.capture.LeakRecord;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** German sentences wrap instead of ending in "…": the Verify screen at 720 × 520, the leak list's lines at 1040 px. */
class WrappingTextTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @AfterEach
    void systemLanguage() {
        I18n.use(null);
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Test
    @DisplayName("German, 720 × 520: the Verify screen's intro and result headline wrap, none ends in an ellipsis")
    void verifyWrapsInGerman(FxRobot robot) throws Exception {
        I18n.use(Locale.GERMAN);
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.verifyViewModel().setSettle(Duration.ofMillis(300))).get();
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        WaitForAsyncUtils.asyncFx(() -> window.verifyNow()).get();
        waitUntil(() -> !window.verifyViewModel().runningProperty().get()
                && !window.verifyViewModel().headlineProperty().get().isEmpty());
        settle();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> NarrowWindowTest.truncated(MainWindow.Screen.VERIFY,
                robot.lookup("#verify-view").query())).get();
        // each query's line wraps inside the list and its row grows to hold every line
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#verify-details .list-cell").queryAll().stream()
                .map(c -> (javafx.scene.control.ListCell<?>) c)
                .filter(c -> c.getGraphic() instanceof javafx.scene.text.Text)
                .filter(c -> c.getGraphic().getBoundsInParent().getMaxY() > c.getHeight() + 0.5
                        || c.getGraphic().getBoundsInParent().getMaxX() > c.getWidth() + 0.5)
                .map(c -> "VERIFY: '" + ((javafx.scene.text.Text) c.getGraphic()).getText() + "' does not fit its row")
                .toList()).get());
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    @DisplayName("German, 1040 px: the leak list's Warum and Abhilfe lines wrap and their cells grow to hold them")
    void leakGroupsWrapInGerman(FxRobot robot) throws Exception {
        I18n.use(Locale.GERMAN);
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        capture.leaks.addAll(List.of(
                new LeakRecord(t0, "wlan0", "192.168.1.1", "mail.example", "A", "systemd-resolve"),
                new LeakRecord(t0.plusSeconds(5), "wlan0", "8.8.8.8", "news.example", "A", "firefox")));
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> capture, new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        waitUntil(() -> window.trafficViewModel().groups().size() == 2);
        settle();
        Node list = robot.lookup("#leak-groups").query();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>(NarrowWindowTest.truncated(MainWindow.Screen.TRAFFIC, list));
            int lines = 0;
            for (Node n : list.lookupAll(".list-cell")) {
                ListCell<?> cell = (ListCell<?>) n;
                if (cell.isEmpty() || !cell.isVisible()) continue;
                for (Node t : cell.lookupAll(".leak-group-text")) {
                    Text text = (Text) t;
                    var b = text.localToScene(text.getLayoutBounds());
                    var c = cell.localToScene(cell.getLayoutBounds());
                    if (b.getMaxY() > c.getMaxY() + 1 || b.getMaxX() > c.getMaxX() + 1) {
                        out.add("outside its cell: " + text.getText());
                    }
                    lines++;
                }
            }
            if (lines < 6) out.add("expected the two groups' three lines each, saw " + lines);
            return out;
        }).get();
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }
}
