package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.diagnostics.DiagnosticsService;
import org.port853.ui.diagnostics.DiagnosticsView;
import org.port853.ui.diagnostics.DiagnosticsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Diagnostics screen in the real window (demo services: nothing is probed) and with a key change. */
class DiagnosticsScreenTest extends WindowTestBase {
    @Test
    @DisplayName("no empty benchmark chart before a benchmark ran; its bars then take the theme's accent colour")
    void benchChartWaitsAndFollowsTheTheme(FxRobot robot) throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(org.port853.core.ServerAddress.parse("198.18.0.2#dot.test")), true)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()).withDemo());
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.DIAGNOSTICS)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#diag-bench-idle"), "'not run yet' in place of the chart");
        assertTrue(!visible(robot, "#diag-bench-chart"), "no empty chart before a benchmark ran");
        waitUntil(() -> !robot.lookup("#diag-bench").queryButton().isDisabled());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-bench").queryButton().fire()).get();
        BarChart<?, ?> chart = robot.lookup("#diag-bench-chart").query();
        waitUntil(() -> !chart.getData().isEmpty() && !chart.getData().get(0).getData().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#diag-bench-chart"));
        assertTrue(!visible(robot, "#diag-bench-idle"));
        javafx.scene.paint.Paint[] paints = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.layout.Region probe = new javafx.scene.layout.Region();
            probe.setStyle("-fx-background-color: -color-accent-emphasis;");
            javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) chart.getParent();
            parent.getChildren().add(probe);
            probe.applyCss();
            javafx.scene.paint.Paint accent = probe.getBackground().getFills().get(0).getFill();
            parent.getChildren().remove(probe);
            javafx.scene.layout.Region bar = (javafx.scene.layout.Region) chart.lookup(".default-color0.chart-bar");
            bar.applyCss();
            javafx.scene.paint.Paint fill = bar.getBackground().getFills().get(0).getFill();
            return new javafx.scene.paint.Paint[]{accent, fill};
        }).get();
        javafx.scene.paint.Paint fill = paints[1];
        javafx.scene.paint.Color accent = (javafx.scene.paint.Color) paints[0];
        // AtlantaFX draws a bar as a gentle gradient derived from its fill
        java.util.function.Predicate<javafx.scene.paint.Color> near = c -> Math.abs(c.getRed() - accent.getRed()) < 0.07
                && Math.abs(c.getGreen() - accent.getGreen()) < 0.07 && Math.abs(c.getBlue() - accent.getBlue()) < 0.07;
        boolean themed = fill instanceof javafx.scene.paint.Color c ? near.test(c)
                : fill instanceof javafx.scene.paint.LinearGradient g && g.getStops().stream().allMatch(st -> near.test(st.getColor()));
        assertTrue(themed, "the first series' bars in the accent colour " + paints[0] + ": " + fill);
    }

    @Test
    @DisplayName("the Diagnostics tab runs the checks, lists fixes and charts the benchmark")
    void checksAndChart(FxRobot robot) throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(org.port853.core.ServerAddress.parse("198.18.0.2#dot.test")), true)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()).withDemo());
        robot.clickOn("#tab-diagnostics .tab-label");
        robot.clickOn("#diag-run");
        TableView<Check> checks = robot.lookup("#diag-checks").query();
        waitUntil(() -> !checks.getItems().isEmpty());
        assertTrue(checks.getItems().stream().anyMatch(c -> c.id().equals("exposure.port53") && c.fixAction() != null));
        List<org.port853.probe.doctor.CheckStatus> order = WaitForAsyncUtils.asyncFx(() -> checks.getItems().stream()
                .map(Check::status).toList()).get();
        assertTrue(order.contains(org.port853.probe.doctor.CheckStatus.OK) && !order.get(0).equals(
                org.port853.probe.doctor.CheckStatus.OK), "problems first: " + order);
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i).compareTo(order.get(i - 1)) <= 0, "failures, then warnings, then OK: " + order);
        }
        assertTrue(robot.lookup("Fix…").tryQuery().isPresent(), "a one-click fix button is shown");
        var buttons = checks.getColumns().get(checks.getColumns().size() - 1);
        assertEquals("Action", buttons.getText(), "the buttons' column has a heading");
        assertTrue(buttons.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        // evidence and fix are sentences: they wrap in their cells, none ends in "..."
        List<javafx.scene.text.Text> texts = robot.from(checks).lookup(".wrapped-text")
                .queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(t -> t.getText() != null && t.getText().length() > 60).toList();
        assertTrue(texts.size() >= 2, "long evidence or fix texts are shown: " + texts.size());
        for (javafx.scene.text.Text t : texts) {
            javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) t.getParent();
            double[] size = WaitForAsyncUtils.asyncFx(() -> new double[] {t.getBoundsInParent().getMaxY(),
                    cell.getHeight() - cell.snappedBottomInset(), t.getLayoutBounds().getWidth(),
                    cell.getWidth()}).get();
            assertTrue(size[0] <= size[1] + 1 && size[2] <= size[3], "cut: " + t.getText() + " " + java.util.Arrays.toString(size));
        }
        waitUntil(() -> !robot.lookup("#diag-run").queryButton().isDisabled());
        robot.clickOn("#diag-bench");
        BarChart<?, ?> chart = robot.lookup("#diag-bench-chart").query();
        waitUntil(() -> !chart.getData().isEmpty() && !chart.getData().get(0).getData().isEmpty());
        assertEquals(3, chart.getData().get(0).getData().size());
        assertTrue(((Label) robot.lookup("#diag-suggestion").query()).getText().contains("9.9.9.9#dns.quad9.net"));
    }

    @Test
    @DisplayName("a change of settings after the checks ran (their own Fix) says they are outdated and takes the Fix buttons away")
    void checksOutdatedByAChangeOfSettings(FxRobot robot) throws Exception {
        Check link = new Check("config.link-bypass", org.port853.probe.doctor.CheckStatus.FAILURE, null,
                "The connection eth0 has its own DNS server.", "Route all names to the encrypted servers.", "ROUTE_ALL_DOMAINS", null, null);
        DiagnosticsService service = new DiagnosticsService() {
            public Doctor.Report doctor() { return new Doctor.Report(List.of(link), List.of(), List.of()); }
            public List<Check> checkPins() { return List.of(); }
            public List<PinRecord> pins() { return List.of(); }
            public List<BenchResult> bench() { return List.of(); }
            public boolean demo() { return false; }
        };
        List<org.port853.core.ServerAddress> servers = List.of(org.port853.core.ServerAddress.parse("198.18.0.2#dot.test"));
        javafx.beans.property.ObjectProperty<org.port853.core.ResolverState> state =
                new javafx.beans.property.SimpleObjectProperty<>(Fakes.strictState(servers, false));
        WaitForAsyncUtils.asyncFx(() -> {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service,
                    new org.port853.ui.task.FxTaskExecutor(Runnable::run), text -> { });
            vm.followSettings(state, new javafx.beans.property.SimpleIntegerProperty());
            stage.setScene(new Scene(new DiagnosticsView(vm, c -> { }), 900, 700));
            stage.show();
        }).get();
        robot.clickOn("#diag-run");
        TableView<Check> table = robot.lookup("#diag-checks").query();
        Label headline = robot.lookup("#diag-headline").query();
        java.util.concurrent.Callable<Boolean> fixShown = () -> table.lookupAll(".button").stream().anyMatch(n ->
                n.isVisible() && n instanceof javafx.scene.control.Button b && b.getText().equals("Fix…"));
        waitUntil(fixShown);
        fx(() -> { state.set(Fakes.strictState(servers, true)); return null; }); // the Fix routed all names: applied
        waitUntil(() -> headline.getText().contains("settings changed") && headline.getText().contains("run diagnostics again"));
        waitUntil(() -> !fixShown.call());
        robot.clickOn("#diag-pins"); // a pin check's headline keeps the notice, as the Fix buttons stay hidden
        waitUntil(() -> headline.getText().contains("No server") || headline.getText().contains("checked"));
        assertTrue(fx(() -> headline.getText().contains("settings changed") && !fixShown.call()), headline.getText());
        robot.clickOn("#diag-run"); // checked again under the new settings: the notice goes
        waitUntil(() -> !headline.getText().contains("settings changed") && fixShown.call());

        // the same settings read through resolvectl (the bus failed once), and a container's link without DNS coming
        // up: no settings changed
        org.port853.core.ResolverState now = fx(state::get);
        List<org.port853.core.LinkState> links = new ArrayList<>(now.links());
        links.add(new org.port853.core.LinkState(9, "veth0a1b", List.of(), null, null, List.of(), false, null));
        fx(() -> {
            state.set(new org.port853.core.ResolverState(now.resolverName(), org.port853.core.StateSource.RESOLVECTL,
                    now.installed(), now.running(), now.global(), now.links(), now.pendingChange(), now.problem(),
                    now.platform(), now.problemWords()));
            state.set(now);
            state.set(new org.port853.core.ResolverState(now.resolverName(), now.source(), now.installed(), now.running(),
                    now.global(), links, now.pendingChange(), now.problem(), now.platform(), now.problemWords()));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> !headline.getText().contains("settings changed") && fixShown.call()), headline.getText());
    }

    @Test
    @DisplayName("a changed key raises the banner and a notification")
    void keyChangeIsLoud(FxRobot robot) throws Exception {
        List<String> notified = new ArrayList<>();
        Check changed = Check.failure("pin.spki", "198.18.0.2#dot.test", "THE SERVER'S KEY CHANGED: recorded A, now B.", "Use another network.");
        DiagnosticsService service = new DiagnosticsService() {
            public Doctor.Report doctor() { return new Doctor.Report(List.of(changed), List.of(), List.of()); }
            public List<Check> checkPins() { return List.of(changed); }
            public List<PinRecord> pins() { return List.of(); }
            public List<BenchResult> bench() { return List.of(); }
            public boolean demo() { return false; }
        };
        Executor direct = Runnable::run;
        WaitForAsyncUtils.asyncFx(() -> {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, new org.port853.ui.task.FxTaskExecutor(direct), notified::add);
            stage.setScene(new Scene(new DiagnosticsView(vm, c -> { }), 900, 700));
            stage.show();
        }).get();
        robot.clickOn("#diag-pins");
        waitUntil(() -> ((Label) robot.lookup("#diag-pin-alert").query()).getText() != null);
        assertTrue(((Label) robot.lookup("#diag-pin-alert").query()).getText().contains("KEY CHANGED"));
        assertEquals(1, notified.size());
    }

    @Test
    @DisplayName("a changed key can be accepted from the window, after a question whose default is Cancel")
    void changedKeyIsAcceptedHere(FxRobot robot) throws Exception {
        String a = "A".repeat(43) + "=";
        String b = "B".repeat(43) + "=";
        java.time.Instant then = java.time.Instant.parse("2026-11-01T10:00:00Z");
        List<PinRecord> store = new ArrayList<>(List.of(new PinRecord("198.18.0.2#dot.test", a, "tofu", "CA", then,
                then, b)));
        List<String> accepted = new ArrayList<>();
        Check changedCheck = Check.failure("pin.spki", "198.18.0.2#dot.test", "THE SERVER'S KEY CHANGED: recorded A, "
                + "now B.", "Use another network.");
        DiagnosticsService service = new DiagnosticsService() {
            public Doctor.Report doctor() { return new Doctor.Report(List.of(changedCheck), List.of(), List.of()); }
            public List<Check> checkPins() { return List.of(); }
            public List<PinRecord> pins() { return List.copyOf(store); }
            public List<BenchResult> bench() { return List.of(); }
            public boolean demo() { return false; }
            @Override public boolean acceptPin(String server) {
                accepted.add(server);
                store.replaceAll(p -> p.server().equals(server) ? new PinRecord(server, b, "tofu", "CA", then, then, b)
                        : p);
                return true;
            }
        };
        List<Integer> acceptedSeen = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, new org.port853.ui.task.FxTaskExecutor(Runnable::run), t -> { });
            vm.onPinsChanged(() -> acceptedSeen.add(1));
            stage.setScene(new Scene(new DiagnosticsView(vm, c -> { }), 900, 700));
            stage.show();
        }).get();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-run").queryButton().fire()).get();
        waitUntil(() -> robot.lookup("#diag-checks").queryTableView().getItems().size() == 1);
        waitUntil(() -> visible(robot, "#diag-pins-changed"));
        assertTrue(((Label) robot.lookup("#diag-pins-changed .label").query()).getText()
                .startsWith("The key of 198.18.0.2#dot.test is not its pin."));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-pins-accept").queryButton().fire());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.Button byDefault = robot.lookup(".dialog-pane .button").match(n ->
                n instanceof javafx.scene.control.Button x && x.isDefaultButton()).query();
        WaitForAsyncUtils.asyncFx(byDefault::fire).get();
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), accepted, "Cancel, the default, accepts nothing");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-pins-accept").queryButton().fire());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.Button yes = robot.lookup(".dialog-pane .button").match(n ->
                n instanceof javafx.scene.control.Button x && javafx.scene.control.ButtonBar.getButtonData(x)
                        == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).query();
        WaitForAsyncUtils.asyncFx(yes::fire).get();
        waitUntil(() -> !visible(robot, "#diag-pins-changed"));
        assertEquals(List.of("198.18.0.2#dot.test"), accepted);
        assertEquals(List.of(1), acceptedSeen, "the window reads the pins again, so Status follows");
        assertTrue(robot.lookup("#diag-checks").queryTableView().getItems().isEmpty(),
                "the settled key change is no longer a failed check");
    }

    @Test
    @DisplayName("the pin watcher's key change shows as the screen's alert, with how pins are watched")
    void watcherAlertReachesTheScreen(FxRobot robot) throws Exception {
        DiagnosticsService service = new DiagnosticsService() {
            public Doctor.Report doctor() { return new Doctor.Report(List.of(), List.of(), List.of()); }
            public List<Check> checkPins() { return List.of(); }
            public List<PinRecord> pins() { return List.of(); }
            public List<BenchResult> bench() { return List.of(); }
            public boolean demo() { return false; }
        };
        javafx.beans.property.SimpleStringProperty watcherAlert = new javafx.beans.property.SimpleStringProperty(null);
        List<String> notified = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, new org.port853.ui.task.FxTaskExecutor(Runnable::run), notified::add);
            vm.follow(watcherAlert, "Pins are re-checked every 6 h and after every network change.");
            stage.setScene(new Scene(new DiagnosticsView(vm, c -> { }), 900, 700));
            stage.show();
        }).get();
        assertTrue(labelText(robot, "#diag-pins-watching").contains("every 6 h"));
        WaitForAsyncUtils.asyncFx(() -> watcherAlert.set("198.18.0.2#dot.test: THE SERVER'S KEY CHANGED: recorded A, now B.")).get();
        waitUntil(() -> ((Label) robot.lookup("#diag-pin-alert").query()).getText() != null);
        assertTrue(labelText(robot, "#diag-pin-alert").contains("KEY CHANGED"));
        assertEquals(List.of(), notified, "the watcher has notified the desktop already: no second notification");
    }

    @Test
    @DisplayName("a pin watch that starts after the screen was built still shows how pins are watched")
    void watchStartingLaterReachesTheScreen(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(org.port853.core.ServerAddress.parse("198.18.0.2#dot.test")), true)),
                () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()).withDemo());
        javafx.beans.property.SimpleObjectProperty<org.port853.ui.diagnostics.PinWatch> watch =
                new javafx.beans.property.SimpleObjectProperty<>();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(new javafx.scene.layout.StackPane(
                org.port853.ui.diagnostics.DiagnosticsScreen.create(window.model().services(), window.model(),
                        window.statusViewModel(), watch)))).get();
        waitUntil(() -> robot.lookup("#diag-pins-watching").tryQuery().isPresent());
        assertTrue(!robot.lookup("#diag-pins-watching").query().isVisible(), "no watch yet: nothing said about watching");
        org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> List.of(),
                dir.resolve("pins.json"), List::of,
                java.time.Clock.systemUTC());
        org.port853.ui.diagnostics.PinWatch started = org.port853.ui.diagnostics.PinWatch.start(pins, (k, t, x) -> { });
        try {
            WaitForAsyncUtils.asyncFx(() -> watch.set(started)).get();
            waitUntil(() -> labelText(robot, "#diag-pins-watching") != null
                    && labelText(robot, "#diag-pins-watching").contains("every 6 h"));
        } finally {
            started.close();
        }
    }
}
