package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

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
        String since = fx(() -> org.port853.ui.common.I18n.timeWithSeconds(
                window.trafficViewModel().dataSinceProperty().get().at()));
        javafx.scene.control.Label count = robot.lookup("#leaks-count").query();
        assertEquals("Every leaked query since " + since + "; the graph and the totals above show the last 5 min.",
                fx(() -> count.getTooltip().getText()), "the list covers all since watching began, not the graph's span");

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

    @Test
    @DisplayName("at the smallest window the grouped leak list has room for three groups (it kept ~90 px, one group and "
            + "a half, under a graph of 160 px)")
    void leakListHoldsThreeGroupsAtTheSmallestWindow(FxRobot robot) throws Exception {
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        for (String name : List.of("mail.example", "news.example", "chat.example", "ads.example")) {
            capture.leaks.add(new LeakRecord(t0, "wlan0", "192.168.1.1", name, "A", "systemd-resolve"));
        }
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> capture,
                new Fakes.RecordingNotifier()));
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> window.trafficViewModel().groups().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> groups = robot.lookup("#leak-groups").query();
        double[] heights = fx(() -> {
            double cells = groups.lookupAll(".list-cell").stream()
                    .map(n -> (javafx.scene.control.ListCell<?>) n)
                    .filter(c -> c.getIndex() >= 0 && c.getIndex() < 3 && !c.isEmpty())
                    .mapToDouble(c -> c.getHeight()).sum();
            return new double[]{groups.getHeight(), cells};
        });
        assertTrue(heights[1] > 0, "no group drawn");
        assertTrue(heights[0] >= heights[1], "the list is " + heights[0] + " px high, three groups need " + heights[1]);
    }

    @Test
    @DisplayName("clicking a leak bar selects exactly the queries of that bin, the ones its tooltip counts, and clears "
            + "a filter that would hide them (walkthrough: a neighbouring second's query was selected too, and with a "
            + "filter nothing showed)")
    void clickSelectsTheBinsQueries(FxRobot robot) throws Exception {
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        // a meter ending 200 s ahead, so the leaks lie after monitoring started; its newest bin is whole
        long end = ((java.time.Instant.now().getEpochSecond() + 200) / 5) * 5 + 4;
        long inBin = end - 102; // a leak in the bin end-104..end-100, and one in the second before that bin
        long[] markers = new long[300];
        markers[(int) (inBin - (end - 299))] = 1;
        markers[(int) (inBin - 3 - (end - 299))] = 1;
        capture.next = queries(end, new long[300], new long[300], markers);
        capture.leaks.add(new org.port853.capture.LeakRecord(Instant.ofEpochSecond(inBin - 3), "wlan0", "192.168.1.1",
                "before.example", "A", null));
        capture.leaks.add(new org.port853.capture.LeakRecord(Instant.ofEpochSecond(inBin), "wlan0", "192.168.1.1",
                "inside.example", "A", null));
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> capture,
                new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        waitUntil(() -> window.trafficViewModel().leaks().size() == 2);
        WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().filterProperty().set("zzz")).get();
        WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().pausedProperty().set(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        org.port853.ui.traffic.TrafficGraph graph = robot.lookup("#traffic-graph").query();
        javafx.geometry.Point2D at = fx(() -> {
            double pw = graph.getWidth() - org.port853.ui.traffic.TrafficGraph.plotLeft() - 12;
            double x = org.port853.ui.traffic.TrafficGraph.plotLeft() + pw * (inBin - (end - 299) + 0.5) / 300;
            return graph.localToScreen(x, graph.getHeight() - 40);
        });
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.trafficViewModel().filterProperty().get(), "the filter is cleared");
        javafx.scene.control.TableView<?> table = robot.lookup("#leak-table").query();
        List<String> selected = fx(() -> table.getSelectionModel().getSelectedItems().stream()
                .map(r -> ((org.port853.capture.LeakRecord) r).name()).toList());
        assertEquals(List.of("inside.example"), selected);
    }

    @Test
    @DisplayName("rows arriving while leaks go on keep the selected queries selected and in view (walkthrough: after a "
            + "click on a leak mark, the next refresh left one row highlighted, the one after none)")
    void selectionSurvivesArrivingRows(FxRobot robot) throws Exception {
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        Instant t0 = Instant.now().minusSeconds(300);
        for (int i = 0; i < 60; i++) {
            capture.leaks.add(leak(t0.plusSeconds(i), i, null));
        }
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> capture,
                new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        waitUntil(() -> window.trafficViewModel().leaks().size() == 60);
        WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().groupByProperty().set(null)).get(); // All queries
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<LeakRecord> table = robot.lookup("#leak-table").query();
        List<String> chosen = List.of("a47.test", "a46.test");
        fx(() -> {
            table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
            for (int i = 0; i < table.getItems().size(); i++) {
                if (chosen.contains(table.getItems().get(i).name())) table.getSelectionModel().select(i);
            }
            table.scrollTo(table.getSelectionModel().getSelectedIndex() - 1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        // the newest rows (sorted above) arrive, and a selected query's response replaces its row
        capture.leaks.set(47, leak(t0.plusSeconds(47), 47, "NOERROR"));
        for (int i = 60; i < 75; i++) {
            capture.leaks.add(leak(t0.plusSeconds(i), i, null));
        }
        waitUntil(() -> window.trafficViewModel().leaks().size() == 75);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(chosen, fx(() -> table.getSelectionModel().getSelectedItems().stream().map(LeakRecord::name)
                .sorted(java.util.Comparator.reverseOrder()).toList()), "the selection stays");
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.from(table).lookup(".virtual-flow").query();
        for (int row : fx(() -> List.copyOf(table.getSelectionModel().getSelectedIndices()))) {
            int first = fx(() -> flow.getFirstVisibleCell().getIndex());
            int last = fx(() -> flow.getLastVisibleCell().getIndex());
            assertTrue(first <= row && row <= last, "selected row " + row + " in view (rows " + first + "–" + last + ")");
        }
    }

    private static LeakRecord leak(Instant time, int i, String rcode) {
        return new LeakRecord(time, "wlan0", "192.168.1.1", "a" + i + ".test", "A", null, rcode, i);
    }

    @Test
    @DisplayName("in All queries, a program chain a narrow column cuts is shown whole as the cell's tooltip")
    void cutProgramChainHasItsTooltip(FxRobot robot) throws Exception {
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        String chain = "firefox (2481) → systemd-resolved (97)";
        capture.leaks.add(new org.port853.capture.LeakRecord(Instant.now(), "wlan0", "192.168.1.1", "a.example", "A",
                chain));
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> capture,
                new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        waitUntil(() -> window.trafficViewModel().leaks().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().groupByProperty().set(null)).get(); // All queries
        WaitForAsyncUtils.waitForFxEvents();
        List<String> tips = fx(() -> stage.getScene().getRoot().lookupAll("#leak-table .table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n).filter(c -> chain.equals(c.getText()))
                .map(c -> c.getTooltip() == null ? null : c.getTooltip().getText()).toList());
        assertEquals(List.of(chain), tips);
    }

    @Test
    @DisplayName("switching the leak list to All queries and back keeps the graph's size (its baseline does not jump)")
    void graphKeepsItsSizeWhenTheListViewChanges(FxRobot robot) throws Exception {
        openPlaintextMachine();
        for (double[] size : new double[][]{{1040, 740}, {MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}}) {
            resize(size[0], size[1]);
            robot.clickOn("#tab-traffic .tab-label");
            robot.clickOn("#leaks-by-name");
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node graph = robot.lookup("#traffic-graph").query();
            javafx.geometry.Bounds grouped = fx(() -> graph.localToScene(graph.getLayoutBounds()));
            for (String view : List.of("#leaks-all", "#leaks-by-program", "#leaks-by-name")) {
                robot.clickOn(view);
                WaitForAsyncUtils.waitForFxEvents();
                javafx.geometry.Bounds now = fx(() -> graph.localToScene(graph.getLayoutBounds()));
                assertEquals(grouped.getMinY(), now.getMinY(), 0.5, view + " at " + size[0] + " px: the graph moved");
                assertEquals(grouped.getHeight(), now.getHeight(), 0.5, view + " at " + size[0] + " px: the graph's height");
            }
        }
    }

    @Test
    @DisplayName("the \"no data\" label stays inside the shaded time before monitoring, clear of the axis, or is left out")
    void beforeMonitoringLabelStaysInsideItsArea(FxRobot robot) throws Exception {
        for (double width : new double[]{680, 1000}) { // the graph's width in a 720 px and a 1040 px window
            org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(width));
            long end = 1_800_000_000L;
            int seconds = 300;
            long[] zeros = new long[seconds];
            org.port853.capture.MeterSnapshot snap = queries(end, zeros, zeros, zeros);
            int labelled = 0;
            for (int before = 1; before <= seconds; before += 3) {
                Instant start = Instant.ofEpochSecond(end - seconds + 1 + before);
                javafx.geometry.Bounds[] drawn = fx(() -> {
                    graph.snapshotProperty().set(snap);
                    graph.setCaptureStart(start);
                    return new javafx.geometry.Bounds[]{graph.beforeCaptureArea(), graph.beforeCaptureLabel()};
                });
                javafx.geometry.Bounds area = drawn[0];
                javafx.geometry.Bounds label = drawn[1];
                assertTrue(area != null, "shaded for " + before + " s");
                if (label == null) {
                    continue;
                }
                labelled++;
                String at = width + " px, " + before + " s before monitoring: label " + label + " in " + area;
                assertTrue(label.getMinX() > org.port853.ui.traffic.TrafficGraph.plotLeft() + 2, "clear of the axis, " + at);
                assertTrue(label.getMinX() >= area.getMinX() + 2 && label.getMaxX() <= area.getMaxX() - 2, "inside, " + at);
            }
            assertTrue(labelled > 0, "the label is shown where it fits (" + width + " px)");
        }
    }

    @Test
    @DisplayName("the 'no data' time before monitoring (or the last Clear) shows nothing of counts that arrived late for it")
    void noDataAreaShowsNoData(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long end = END;
        int seconds = SECONDS;
        long[] now = new long[seconds]; // counts after the start at second 150
        java.util.Arrays.fill(now, 200, 300, 40);
        long[] both = now.clone(); // and as many counted late for seconds 50 to 99, before it (the scale stays)
        java.util.Arrays.fill(both, 50, 100, 40);
        Instant start = Instant.ofEpochSecond(end - seconds + 1 + 150);
        javafx.scene.image.Image clean = fx(() -> drawn(graph, meter(now), start));
        javafx.geometry.Bounds area = fx(graph::beforeCaptureArea);
        javafx.scene.image.Image withLate = fx(() -> drawn(graph, meter(both), start));
        int differing = 0;
        for (int x = (int) area.getMinX() + 2; x < area.getMaxX() - 2; x++) {
            for (int y = (int) area.getMinY() - 10; y < area.getMaxY(); y++) {
                if (clean.getPixelReader().getArgb(x, y) != withLate.getPixelReader().getArgb(x, y)) differing++;
            }
        }
        assertEquals(0, differing, "pixels of late counts drawn in the no-data area " + area);
        assertEquals(null, fx(() -> graph.countsAt(Instant.ofEpochSecond(end - seconds + 1 + 60))), "no tooltip counts there");
        assertEquals(null, fx(() -> graph.countsIn(new org.port853.ui.traffic.TrafficGraph.Span(
                Instant.ofEpochSecond(end - seconds + 1 + 50), Instant.ofEpochSecond(end - seconds + 1 + 149)))),
                "none over the whole no-data time either");
        assertEquals(40L, fx(() -> graph.countsAt(Instant.ofEpochSecond(end - seconds + 1 + 250))).encrypted());
    }

    @Test
    @DisplayName("the graph leaves out the no-data time without Prism's effect images (a widening canvas clip kept ~8 MB)")
    void graphDrawsWithoutEffectImages(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long[] counts = steady(40);
        org.port853.capture.MeterSnapshot snap = meter(counts);
        java.lang.reflect.Field accessed = Class.forName("com.sun.scenario.effect.impl.ImagePool")
                .getDeclaredField("numAccessed");
        accessed.setAccessible(true);
        long checkedOut = fx(() -> {
            long before = accessed.getLong(null);
            for (int start : new int[] {61, 157, 233}) { // the no-data area narrows; off whole pixels, as in use
                drawn(graph, snap, Instant.ofEpochSecond(END - SECONDS + 1 + start));
            }
            return accessed.getLong(null) - before;
        });
        assertEquals(0, checkedOut, "effect images checked out while drawing the graph");
    }

    @Test
    @DisplayName("seconds without leaks draw no leak line along the zero axis; a leak still draws its line down to it")
    void noLeakLineAtZero(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long[] zero = new long[SECONDS];
        long[] some = new long[SECONDS];
        java.util.Arrays.fill(some, 200, 210, 40);
        long[] traffic = new long[SECONDS];
        java.util.Arrays.fill(traffic, 40);
        javafx.scene.image.Image none = fx(() -> drawn(graph, snapshot(traffic, zero), null));
        assertEquals(0, redPixelsInLowerHalf(none), "leak-red pixels with no leak");
        javafx.scene.image.Image leaking = fx(() -> drawn(graph, snapshot(traffic, some), null));
        assertTrue(redPixelsInLowerHalf(leaking) > 20, "a leak's line reaches the zero axis");
    }

    @Test
    @DisplayName("traffic that alternates between busy and idle seconds draws a steady line at its average, not a "
            + "zigzag from zero to the peak: the seconds are summed into bins of at least 12 px")
    void busyAndIdleSecondsReadAsARate(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long[] alternating = new long[SECONDS]; // a burst every fifth second, as a resolver's retries come
        for (int i = 0; i < SECONDS; i += 5) alternating[i] = 10;
        long[] none = new long[SECONDS];
        javafx.scene.image.Image image = fx(() -> drawn(graph, queries(END, alternating, none, none), null));
        java.util.Set<Integer> rows = new java.util.TreeSet<>();
        for (int y = 40; y < image.getHeight() - 30; y++) { // the plot, below the legend and above the time axis
            for (int x = 90; x < image.getWidth() - 50; x++) { // not the window's cut first and newest bins
                int argb = image.getPixelReader().getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (r < 90 && g > 80 && g < 150 && b > 180) rows.add(y); // the encrypted line's blue
            }
        }
        assertTrue(!rows.isEmpty() && rows.size() <= 6, "rows with the encrypted line: " + rows);
        assertEquals(5, org.port853.ui.traffic.TrafficGraph.binSeconds(SECONDS, 940), "5 s bins over 5 minutes");
        assertEquals(60, org.port853.ui.traffic.TrafficGraph.binSeconds(3600, 940), "a minute over an hour");
        assertEquals(1, org.port853.ui.traffic.TrafficGraph.binSeconds(60, 940), "seconds over a minute");
    }

    @Test
    @DisplayName("bins follow the clock, so only the newest changes as time goes on; a bin's rate is the average over "
            + "its seconds with data (the bin in which monitoring started, and bins the window cuts, are not "
            + "understated); a bin with no data has no rate")
    void binRates() {
        long[] values = {9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8};
        // seconds 1000 to 1010 in bins of 5: 1000-1004, 1005-1009, 1010; the first two have no data
        var bins = new org.port853.ui.traffic.TrafficGraph.Bins(11, 5, 1000, 2);
        double[] rates = bins.rates(values);
        assertEquals(3, rates.length);
        assertEquals((9 + 1 + 2) / 3.0, rates[0], 1e-9, "averaged over the three seconds with data");
        assertEquals((3 + 4 + 5 + 6 + 7) / 5.0, rates[1], 1e-9);
        assertTrue(Double.isNaN(rates[2]), "the newest bin holds the second still being counted: no rate until it is "
                + "complete, rather than a dip or a spike at each new second (walkthrough)");
        double[] leaks = bins.leakRates(values);
        assertEquals(rates[1], leaks[1], 1e-9, "complete bins: the same rate");
        assertEquals(8 / 5.0, leaks[2], 1e-9, "a leak shows at once: the newest bin's queries so far over the whole "
                + "bin, so its bar grows as the bin fills and never spikes");
        double[] filling = new org.port853.ui.traffic.TrafficGraph.Bins(13, 5, 1000, 0).rates(
                new long[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 6, 8, 0});
        assertEquals(2.0, filling[1], 1e-9);
        assertTrue(Double.isNaN(filling[2]), "three seconds into the newest bin: still none");
        double[] later = new org.port853.ui.traffic.TrafficGraph.Bins(11, 5, 1001, 0).rates(
                new long[] {9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals((3 + 4 + 5 + 6 + 7) / 5.0, later[1], 1e-9, "a second later the middle bin holds the same seconds");
        assertTrue(Double.isNaN(new org.port853.ui.traffic.TrafficGraph.Bins(11, 5, 1000, 6).rates(values)[0]),
                "a bin wholly before monitoring started has no rate");
        var shorter = new org.port853.ui.traffic.TrafficGraph.Bins(10, 5, 1000, 0);
        assertEquals(5.0, shorter.rates(new long[] {4, 6, 0, 0, 0, 0, 0})[0], 1e-9,
                "a meter younger than the window: the seconds it has");
    }

    @Test
    @DisplayName("the tooltip and a click name the bin under the pointer: its first and last second and their sums")
    void binUnderThePointer(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long[] counts = steady(40);
        fx(() -> drawn(graph, meter(counts), null));
        double x = org.port853.ui.traffic.TrafficGraph.plotLeft() + 940 * 252.5 / SECONDS;
        org.port853.ui.traffic.TrafficGraph.Span bin = fx(() -> graph.binAt(x));
        long first = END - SECONDS + 1;
        long start = (first + 250) - Math.floorMod(first + 250, 5); // the clock's 5 s bin holding that second
        assertEquals(Instant.ofEpochSecond(start), bin.from());
        assertEquals(Instant.ofEpochSecond(start + 4), bin.to());
        assertEquals(new org.port853.ui.traffic.TrafficGraph.Counts(200, 200, 200), fx(() -> graph.countsIn(bin)));
    }

    @Test
    @DisplayName("a leak in the second still being counted shows at once: the newest bin's bar, while its lines wait "
            + "until the bin is complete")
    void leakInTheNewestSecondShowsAtOnce(FxRobot robot) throws Exception {
        org.port853.ui.traffic.TrafficGraph graph = fx(() -> graphOfWidth(1000));
        long[] none = new long[SECONDS];
        long[] leakNow = new long[SECONDS];
        leakNow[SECONDS - 1] = 1;
        javafx.scene.image.Image image = fx(() -> drawn(graph, queries(END, none, none, leakNow), null));
        assertTrue(redPixelsInLowerHalf(image) > 20, "the newest bin's leak bar");
    }

    private static int redPixelsInLowerHalf(javafx.scene.image.Image image) {
        int red = 0;
        for (int y = (int) image.getHeight() / 2; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getPixelReader().getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (r > 150 && g < 90 && b < 90) red++;
            }
        }
        return red;
    }

    private static org.port853.capture.MeterSnapshot snapshot(long[] traffic, long[] leaks) {
        return queries(END, traffic, traffic, leaks);
    }

    /** A snapshot ending at {@code end} with these queries per second (packets: one per query). */
    static org.port853.capture.MeterSnapshot queries(long end, long[] encrypted, long[] local, long[] leaked) {
        return new org.port853.capture.MeterSnapshot(end, encrypted.length, encrypted, local, leaked, leaked,
                java.util.Map.of(), 0, 0, List.of(), new long[encrypted.length],
                new org.port853.capture.MeterSnapshot.Queries(encrypted, local));
    }

    private static final long END = 1_800_000_000L;
    private static final int SECONDS = 300;

    /** The last {@link #SECONDS} seconds up to {@link #END}, with {@code counts} of every kind in each. */
    private static org.port853.capture.MeterSnapshot meter(long[] counts) {
        return queries(END, counts, counts, counts);
    }

    /** {@code count} in each of the window's seconds. */
    private static long[] steady(long count) {
        long[] counts = new long[SECONDS];
        java.util.Arrays.fill(counts, count);
        return counts;
    }

    /** A traffic graph alone in a scene {@code width} wide, laid out. */
    private static org.port853.ui.traffic.TrafficGraph graphOfWidth(double width) {
        org.port853.ui.traffic.TrafficGraph g = new org.port853.ui.traffic.TrafficGraph();
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(g);
        new javafx.scene.Scene(root, width, 260);
        root.applyCss();
        root.layout();
        return g;
    }

    private static javafx.scene.image.Image drawn(org.port853.ui.traffic.TrafficGraph graph,
                                                  org.port853.capture.MeterSnapshot snap, Instant start) {
        graph.setCaptureStart(start);
        graph.snapshotProperty().set(snap);
        return graph.snapshot(null, null);
    }
}
