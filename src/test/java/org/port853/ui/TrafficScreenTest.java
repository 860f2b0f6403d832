package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.ui.traffic.LeakExplainer;
import org.port853.ui.traffic.LeakGroups;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Traffic: leaks grouped by name and by program, newest first, each with why it leaked; Pause becomes Resume. */
class TrafficScreenTest extends WindowTestBase {
    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    @DisplayName("leaks grouped by name and by program, newest first, with the reason and the fix")
    void grouping(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        capture.leaks.addAll(List.of(
                new LeakRecord(t0, "wlan0", "192.168.1.1", "mail.example", "A", "systemd-resolve"),
                new LeakRecord(t0.plusSeconds(5), "wlan0", "8.8.8.8", "news.example", "A", "firefox"),
                new LeakRecord(t0.plusSeconds(9), "wlan0", "192.168.1.1", "mail.example", "AAAA", "systemd-resolve")));
        open(Fakes.services(adapter, () -> capture, new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> window.trafficViewModel().groups().size() == 2);
        List<LeakGroups.Group> byName = fx(() -> List.copyOf(window.trafficViewModel().groups()));
        assertEquals("mail.example", byName.get(0).key(), "newest group first");
        assertEquals(2, byName.get(0).queries());
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, byName.get(0).why().cause());
        assertTrue(byName.get(0).why().text().contains("wlan0"), byName.get(0).why().text());
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER, byName.get(1).why().cause());

        robot.clickOn("#leaks-by-program");
        waitUntil(() -> window.trafficViewModel().groups().stream().anyMatch(g -> g.key().equals("firefox")));
        List<LeakGroups.Group> byProgram = fx(() -> List.copyOf(window.trafficViewModel().groups()));
        assertEquals(List.of("systemd-resolve", "firefox"), byProgram.stream().map(LeakGroups.Group::key).toList());
        assertTrue(byProgram.get(1).why().text().startsWith("firefox asks 8.8.8.8 itself"), byProgram.get(1).why().text());

        ToggleButton pause = robot.lookup("#traffic-pause").query();
        assertEquals("Pause", fx(pause::getText).replace("_", ""));
        javafx.scene.Node export = robot.lookup("#traffic-export").query();
        double exportX = fx(() -> export.localToScene(0, 0).getX());
        robot.clickOn("#traffic-pause");
        assertEquals("Resume", fx(pause::getText).replace("_", ""));
        assertTrue(fx(() -> robot.lookup("#traffic-paused").query().isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        double moved = Math.abs(fx(() -> export.localToScene(0, 0).getX()) - exportX);
        assertTrue(moved < 30, "the toolbar's buttons stay where they were when paused (moved " + moved + " px)");
    }

    @Test
    @DisplayName("the leak list and table draw their rows without an effect (no drop shadow re-rendered on each change)")
    void listsWithoutEffects(FxRobot robot) throws Exception {
        openPlaintextMachine();
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> robot.lookup("#leak-groups .sheet").tryQuery().isPresent());
        // VirtualFlow's cell group has the style class "sheet"; a stylesheet rule for ".sheet" gave it a drop shadow
        for (javafx.scene.Node sheet : robot.lookup(".sheet").queryAll()) {
            assertTrue(fx(sheet::getEffect) == null, "effect on " + sheet.getParent());
        }
    }

    @Test
    @DisplayName("every screen draws straight into the window: no scroll pane keeps a bitmap of its viewport")
    void screensWithoutCachedViewports(FxRobot robot) throws Exception {
        openPlaintextMachine();
        int seen = 0;
        for (String screen : List.of("status", "providers", "traffic", "verify", "diagnostics", "preferences")) {
            robot.clickOn("#tab-" + screen + " .tab-label");
            WaitForAsyncUtils.waitForFxEvents();
            // a cached viewport is redrawn into its bitmap on every change of the screen (the graph: 5 times a
            // second) and the bitmap stays in the heap; TextArea's own inner scroll pane is JavaFX's, not a screen
            for (javafx.scene.Node viewport : robot.lookup(".scroll-pane > .viewport").queryAll()) {
                if (fx(() -> isInTextArea(viewport) || !viewport.isVisible() || viewport.getScene() == null)) continue;
                assertTrue(!fx(viewport::isCache), "cached viewport of " + viewport.getParent() + " on " + screen);
                seen++;
            }
        }
        assertTrue(seen >= 6, "scroll panes checked: " + seen);
    }

    private static boolean isInTextArea(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TextArea) return true;
        }
        return false;
    }

    @Test
    @DisplayName("at the smallest window size the leak list's bar and the totals show their whole text")
    void nothingCutAtTheSmallestWindow(FxRobot robot) throws Exception {
        openPlaintextMachine();
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> robot.lookup("#leaks-by-program").tryQuery().isPresent());
        javafx.scene.control.Label totals = robot.lookup("#traffic-totals").query();
        waitUntil(() -> totals.getText() != null && totals.getText().length() > 100); // wider than the window
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Labeled> shown = new java.util.ArrayList<>();
        for (String q : List.of("#leaks-by-name", "#leaks-by-program", "#leaks-all", "#traffic-totals")) {
            shown.add(robot.lookup(q).query());
        }
        javafx.scene.Node bar = shown.get(0).getParent().getParent();
        shown.addAll(robot.from(bar).lookup(".label").queryAllAs(javafx.scene.control.Labeled.class));
        for (javafx.scene.control.Labeled l : shown) {
            String drawn = fx(() -> {
                javafx.scene.Node t = l.lookup(".text");
                return t instanceof javafx.scene.text.Text text ? text.getText() : l.getText();
            });
            String text = fx(() -> l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText());
            assertEquals(text, drawn, "cut at " + MainWindow.MIN_WIDTH + " px: " + l);
        }
    }
}
