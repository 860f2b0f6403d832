package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.demo.DemoResolverAdapter;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big window gives its extra height to the lists and tables, not to the graph or to empty space (walkthrough at
 * 1920 × 1200: the Traffic graph 640 px high over 3 leak groups, the Diagnostics checks 230 px over 350 px of nothing,
 * at scale 2 "Chosen, in order" showing 4 of 8), and the smallest window keeps what it showed.
 */
class TallWindowTest extends WindowTestBase {
    @TempDir
    Path configDir;

    private void openDemo(double width, double height) throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        resize(width, height);
    }

    @Test
    @DisplayName("Traffic: a tall window's height goes to the leak list; the graph grows only up to its cap")
    void trafficGivesTheHeightToTheLeakList() throws Exception {
        openDemo(1920, 1200);
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        settle();
        double graph = height("#traffic-graph");
        double leaks = height("#leak-views");
        assertTrue(graph >= 300 && graph <= 400, "graph " + graph + " px high");
        assertTrue(leaks >= 500, "leak list " + leaks + " px high under a graph of " + graph + " px");

        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        settle();
        assertTrue(height("#traffic-graph") >= 120 && height("#leak-views") >= 165,
                "at the smallest window: graph " + height("#traffic-graph") + ", list " + height("#leak-views"));
    }

    @Test
    @DisplayName("Diagnostics: a tall window shows more checks, not empty space under the screen")
    void diagnosticsGivesTheHeightToTheChecks(FxRobot robot) throws Exception {
        openDemo(1920, 1200);
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.DIAGNOSTICS)).get();
        waitUntil(() -> robot.lookup("#diag-checks").tryQuery().isPresent());
        TableView<?> checks = robot.lookup("#diag-checks").query();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-run").queryButton().fire()).get();
        waitUntil(() -> !checks.getItems().isEmpty());
        settle();
        double empty = fx(() -> stage.getScene().getHeight()) - bottom("#diag-suggestion");
        assertTrue(height("#diag-checks") >= 500 && empty < 60,
                "checks " + height("#diag-checks") + " px high over " + empty + " px below the screen's end");

        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        settle();
        assertTrue(height("#diag-checks") >= 320, "at the smallest window the screen scrolls, the checks keep "
                + height("#diag-checks") + " px");
    }

    @Test
    @DisplayName("Providers: at 1920 × 1200 on scale 2 (960 × 600) the chosen list shows all of 8 choices")
    void chosenListShowsEveryChoice(FxRobot robot) throws Exception {
        openDemo(960, 600);
        fx(() -> {
            var vm = window.providersViewModel();
            for (var p : List.copyOf(vm.catalogue())) {
                if (vm.chosen().size() >= 8) break;
                if (!vm.chosen().contains(p)) vm.toggle(p);
            }
            window.show(MainWindow.Screen.PROVIDERS);
            return null;
        });
        settle();
        assertEquals(8, fx(() -> window.providersViewModel().chosen().size()));
        ListView<?> chosen = robot.lookup("#chosen-list").query();
        List<Integer> whole = fx(() -> {
            Bounds list = chosen.localToScene(chosen.getLayoutBounds());
            List<Integer> rows = new ArrayList<>();
            for (Node n : chosen.lookupAll(".list-cell")) {
                ListCell<?> cell = (ListCell<?>) n;
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (!cell.isEmpty() && cell.isVisible() && b.getMinY() >= list.getMinY() && b.getMaxY() <= list.getMaxY()) {
                    rows.add(cell.getIndex());
                }
            }
            return rows.stream().distinct().sorted().toList();
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), whole, "rows shown whole");
    }

    private double height(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup(id).getLayoutBounds().getHeight()).get();
    }

    private double bottom(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node n = stage.getScene().lookup(id);
            Bounds b = n.localToScene(n.getLayoutBounds());
            return b.getMaxY();
        }).get();
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
