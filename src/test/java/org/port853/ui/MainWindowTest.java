package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import atlantafx.base.controls.ToggleSwitch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureSessions;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.core.DotMode;
import org.port853.core.PendingChange;
import org.port853.platform.ApplyResult;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window and view-models, headless (Monocle), with doubles only for adapter, capture, probe, notifier. */
class MainWindowTest extends WindowTestBase {
    private static <T extends Node> T node(FxRobot robot, String query) {
        T n = robot.lookup(query).query();
        assertNotNull(n, query);
        return n;
    }

    private static void flipSwitch(FxRobot robot) {
        ToggleSwitch sw = node(robot, "#encryption-switch");
        robot.clickOn(sw.lookup(".thumb-area"));
    }

    /** The node's text, read on the JavaFX thread: a TextFlow's children are replaced there as the text changes. */
    private static String text(FxRobot robot, String query) {
        return FxThreadQuery.onFx(() -> {
            Node n = node(robot, query);
            if (n instanceof javafx.scene.text.TextFlow f) {
                StringBuilder b = new StringBuilder();
                for (Node c : f.getChildren()) b.append(((javafx.scene.text.Text) c).getText());
                return b.toString();
            }
            return n instanceof Label l ? l.getText() : n instanceof TextArea t ? t.getText() : String.valueOf(n);
        });
    }

    @Test
    @DisplayName("the switch previews the exact change, applies it, and reverts it")
    void switchAppliesAndReverts(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        Fakes.RecordingNotifier notes = new Fakes.RecordingNotifier();
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), notes));
        assertEquals("Not encrypted", text(robot, "#state"));
        ToggleSwitch sw = node(robot, "#encryption-switch");
        assertFalse(fx(sw::isSelected));

        flipSwitch(robot);
        waitUntil(() -> visible(robot, "#apply-confirm"));
        String diff = text(robot, "#apply-diff");
        assertTrue(diff.contains("+DNSOverTLS=yes"), diff);
        assertTrue(adapter.applied.isEmpty(), "nothing may be applied before confirmation");
        assertEquals("Apply DNS-over-TLS settings", text(robot, "#apply-title"));

        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        assertEquals(1, adapter.applied.size());
        assertEquals(DotMode.STRICT, adapter.applied.get(0).mode());
        assertTrue(adapter.applied.get(0).routeAllDomains());
        assertTrue(text(robot, "#apply-summary").startsWith("Applied"), text(robot, "#apply-summary"));
        assertEquals("Settings applied", text(robot, "#apply-title"), "the title says what came of it");
        assertTrue(notes.shown.stream().anyMatch(s -> s.contains("Applied")), notes.shown.toString());
        robot.clickOn("#apply-close");
        waitUntil(() -> "At risk".equals(text(robot, "#state")) || "Protected".equals(text(robot, "#state")));
        waitUntil(sw::isSelected);

        flipSwitch(robot);
        waitUntil(() -> visible(robot, "#apply-confirm"));
        assertTrue(text(robot, "#apply-diff").contains("-DNSOverTLS=yes"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        assertTrue(adapter.calls.contains("revert"));
        assertEquals("Encryption turned off", text(robot, "#apply-title"));
        robot.clickOn("#apply-close");
        waitUntil(() -> !sw.isSelected() && "Not encrypted".equals(text(robot, "#state")));
    }

    @Test
    @DisplayName("choosing the System theme while Dark stays System: the View menu's Dark tick follows, it does not decide")
    void systemThemeStaysSystem() throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        var theme = window.preferencesViewModel().themeProperty();
        var chosen = org.port853.ui.prefs.Preferences.Theme.SYSTEM;
        var now = WaitForAsyncUtils.asyncFx(() -> {
            theme.set(org.port853.ui.prefs.Preferences.Theme.DARK);
            theme.set(chosen);
            return theme.get();
        }).get();
        assertEquals(chosen, now);
    }

    @Test
    @DisplayName("cancelling the preview writes nothing and puts the switch back")
    void cancelWritesNothing(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        flipSwitch(robot);
        waitUntil(() -> visible(robot, "#apply-cancel"));
        robot.clickOn("#apply-cancel");
        ToggleSwitch sw = node(robot, "#encryption-switch");
        waitUntil(() -> !sw.isSelected() && !visible(robot, "#apply-sheet"));
        assertFalse(adapter.calls.contains("apply"));
    }

    @Test
    @DisplayName("a failed apply shows the rollback reason and the switch stays off")
    void failedApplyShowsRollbackReason(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        adapter.nextApply = new ApplyResult(ApplyResult.Outcome.ROLLED_BACK,
                "the health check failed: certificate of 9.9.9.9 does not match dns.quad9.net", null,
                List.of(), false, Duration.ofMillis(300));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        flipSwitch(robot);
        waitUntil(() -> visible(robot, "#apply-confirm"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        String summary = text(robot, "#apply-summary");
        assertEquals("Rolled back: the health check failed: certificate of 9.9.9.9 does not match dns.quad9.net", summary);
        Label l = node(robot, "#apply-summary");
        assertTrue(fx(() -> l.getStyleClass().contains("result-bad")));
        robot.clickOn("#apply-close");
        ToggleSwitch sw = node(robot, "#encryption-switch");
        waitUntil(() -> !sw.isSelected());
        assertEquals("Not encrypted", text(robot, "#state"));
    }

    @Test
    @DisplayName("graph and leak table update from a replayed capture, redraws coalesced")
    void graphAndLeakTableFromReplay(FxRobot robot) throws Exception {
        Path dir = org.port853.core.ScratchFolders.create("port853-pcap");
        Path pcap = Fakes.writeTestPcap(dir, 20);
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        Fakes.RecordingNotifier notes = new Fakes.RecordingNotifier();
        open(Fakes.services(adapter, () -> CaptureSessions.replay(pcap, 10.0, true), notes));
        robot.clickOn("#tab-traffic .tab-label");
        robot.clickOn("#leaks-all");
        TableView<LeakRecord> table = node(robot, "#leak-table");
        waitUntil(() -> table.getItems().size() >= 3);
        // the replay goes on adding leaks to the table's items on the JavaFX thread
        LeakRecord r = fx(() -> table.getItems().get(0));
        assertEquals("192.168.1.1", r.server());
        assertTrue(r.name().startsWith("leak"), r.name());
        var snap = fx(() -> window.trafficViewModel().snapshotProperty().get());
        assertTrue(TrafficSums.sum(snap.encryptedPackets()) > 0);
        assertTrue(TrafficSums.sum(snap.leakPackets()) > 0);
        assertTrue(TrafficSums.sum(snap.localPlaintextPackets()) > 0);
        // the verdict says Leaking while the capture sees leaks, and one notification came (rate limited)
        waitUntil(() -> "Leaking".equals(text(robot, "#state")));
        assertEquals(1, notes.shown.stream().filter(s -> s.contains("Plaintext DNS leak")).count(), notes.shown.toString());

        // coalesced: packets arrive continuously, the graph redraws at most ~10 times a second
        // a busy machine sleeps longer than asked: the redraws are bounded per second the two counts were apart
        long[] before = fx(() -> new long[]{window.trafficView().graph().redraws(), System.nanoTime()});
        Thread.sleep(2000);
        long[] after = fx(() -> new long[]{window.trafficView().graph().redraws(), System.nanoTime()});
        long redraws = after[0] - before[0];
        double seconds = (after[1] - before[1]) / 1e9;
        assertTrue(redraws > 0, "graph must redraw while packets arrive");
        assertTrue(redraws <= 11 * seconds, "redraws in " + seconds + " s: " + redraws);

        // filter, pause, clear, export
        robot.clickOn("#leak-filter").write("leak1");
        waitUntil(() -> table.getItems().stream().allMatch(x -> x.name().contains("leak1")) && !table.getItems().isEmpty());
        Path csv = dir.resolve("leaks.csv");
        WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().exportCsv(csv)).get();
        waitUntil(() -> window.trafficViewModel().exportMessageProperty().get().startsWith("Exported"));
        String done = WaitForAsyncUtils.asyncFx(() -> window.trafficViewModel().exportMessageProperty().get()).get();
        int rows = Integer.parseInt(done.replaceAll("^Exported (\\d+) rows?.*$", "$1"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time,interface,server,name,type,process,why,fix", lines.get(0));
        assertEquals(rows + 1, lines.size());
        assertTrue(lines.get(1).contains(",192.168.1.1,leak1"), lines.get(1));
        robot.clickOn("#traffic-pause");
        long paused = WaitForAsyncUtils.asyncFx(() -> window.trafficView().graph().redraws()).get();
        Thread.sleep(700);
        assertEquals(paused, (long) WaitForAsyncUtils.asyncFx(() -> window.trafficView().graph().redraws()).get());
        robot.clickOn("#traffic-pause");
        robot.clickOn("#traffic-clear");
        // Clear asks first
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertTrue(fx(() -> window.trafficViewModel().leaks().size()) >= 3, "nothing is cleared before the user confirms");
        // Enter keeps the data: Cancel is the default button, as clearing cannot be taken back
        Button byDefault = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton())
                .query();
        assertEquals(javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE,
                javafx.scene.control.ButtonBar.getButtonData(byDefault));
        WaitForAsyncUtils.asyncFx(byDefault::fire).get();
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(fx(() -> window.trafficViewModel().leaks().size()) >= 3, "Cancel clears nothing");
        robot.clickOn("#traffic-clear");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button clear = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && javafx.scene.control.ButtonBar.getButtonData(b) == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .query();
        WaitForAsyncUtils.asyncFx(clear::fire).get();
        waitUntil(() -> window.trafficViewModel().leaks().size() < 3);
    }

    @Test
    @DisplayName("no resolver and no capture permission: the window says what is missing and how to fix it")
    void missingPermissionsShowGuidance(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.unavailableState());
        // as long as LivePermission's own guidance
        CaptureUnavailableException denied = new CaptureUnavailableException(
                "This program may not capture network traffic: it runs as 'alice' without the CAP_NET_RAW capability.",
                "Run: sudo setcap cap_net_raw+ep /usr/lib/port853/java, or install the Port853 package (its capture "
                        + "service serves the group port853), join the group and log in again");
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(denied), new Fakes.RecordingNotifier()));
        assertEquals("Resolver missing", text(robot, "#state"));
        ToggleSwitch sw = node(robot, "#encryption-switch");
        assertTrue(fx(sw::isDisabled));
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> visible(robot, "#capture-banner"));
        String guidance = text(robot, "#capture-problem");
        assertTrue(guidance.contains("CAP_NET_RAW"), guidance);
        // as the user running the window types it (the tests run as root: without sudo)
        assertTrue(guidance.contains("Fix: " + org.port853.platform.RootAdvice.forThisUser("Run: sudo setcap")), guidance);
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> NarrowWindowTest.truncated(MainWindow.Screen.TRAFFIC,
                robot.lookup("#capture-banner").query())).get();
        assertTrue(cut.isEmpty(), "the guidance is readable whole: " + cut);
        assertFalse(visible(robot, "#traffic-start"), "one button that starts the capture: the banner's Try again");
        javafx.scene.control.ListView<?> groups = node(robot, "#leak-groups");
        assertEquals(org.port853.ui.common.I18n.t("leaks.notWatching"),
                fx(() -> ((javafx.scene.control.Label) groups.getPlaceholder()).getText()),
                "an empty list says nothing is watched, not 'no leaks seen'");
        // at the smallest window the screen scrolls rather than pressing the list under the graph
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        javafx.scene.Node list = node(robot, "#leak-groups");
        double[] bottom = WaitForAsyncUtils.asyncFx(() -> {
            for (javafx.scene.Node n = list; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(sp.getVmax()); // as the user scrolls down
                }
            }
            list.getScene().getRoot().layout();
            return new double[]{list.localToScene(list.getLayoutBounds()).getMaxY(), list.getScene().getHeight()};
        }).get();
        assertTrue(bottom[0] <= bottom[1] + 0.5, "the leak list ends at " + bottom[0] + ", below the window's "
                + bottom[1]);
        resize(1040, 740);
        // the other screens stay usable
        robot.clickOn("#tab-providers .tab-label");
        javafx.scene.control.ListView<?> catalogue = node(robot, "#provider-list");
        waitUntil(() -> catalogue.getItems().size() >= 5);
        robot.clickOn("#tab-verify .tab-label");
        robot.clickOn("#verify-run");
        waitUntil(() -> text(robot, "#verify-headline").startsWith("Sent 5 queries"));
        assertTrue(text(robot, "#verify-headline").contains("CAP_NET_RAW"));
    }

    @Test
    @DisplayName("a window replaced in the same stage (Open demo, Exit demo) no longer reads its resolver when the "
            + "stage regains focus; the window that replaced it does")
    void replacedWindowStopsReadingOnFocus() throws Exception {
        Fakes.FakeAdapter first = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        open(Fakes.services(first, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> first.calls.contains("readState"));
        MainWindow replaced = window;
        fx(() -> {
            replaced.shutdown();
            return null;
        });
        Fakes.FakeAdapter second = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        open(Fakes.services(second, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        Thread.sleep(500); // the new window's first reading (after its first frames) is done
        long firstReads = first.calls.stream().filter("readState"::equals).count();
        long secondReads = second.calls.stream().filter("readState"::equals).count();
        // away to another window and back: what the toolkit does when the desktop moves the focus (Monocle's own
        // windows all stay focused, so the test sets it as the toolkit's window-peer listener does)
        fx(() -> {
            com.sun.javafx.stage.WindowHelper.setFocused(stage, false);
            com.sun.javafx.stage.WindowHelper.setFocused(stage, true);
            return null;
        });
        waitUntil(() -> second.calls.stream().filter("readState"::equals).count() > secondReads);
        Thread.sleep(300);
        assertEquals(firstReads, first.calls.stream().filter("readState"::equals).count(),
                "the replaced window read its resolver again");
    }

    @Test
    @DisplayName("an interrupted change shows the recover banner, and Recover runs recover()")
    void recoverBannerForPendingChange(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(
                new PendingChange("c1", Instant.parse("2026-11-25T10:00:00Z"), "strict mode with Quad9")));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#recover-banner"));
        assertTrue(text(robot, "#recover-banner .label:last-child") != null);
        robot.clickOn("#recover-button");
        waitUntil(() -> visible(robot, "#apply-confirm"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        assertTrue(adapter.calls.contains("recover"));
        assertEquals("Rolled back: the interrupted change failed the health check", text(robot, "#apply-summary"));
        robot.clickOn("#apply-close");
        waitUntil(() -> !visible(robot, "#recover-banner"));
    }

    @Test
    @DisplayName("verify reports N queries, all on 853, none leaked when the capture sees only encrypted traffic")
    void verifyClean(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null) {
            private long enc;

            @Override
            public org.port853.capture.MeterSnapshot snapshot(int seconds) {
                long[] z = new long[seconds];
                long[] e = new long[seconds];
                e[seconds - 1] = enc += 2;
                return new org.port853.capture.MeterSnapshot(Instant.now().getEpochSecond(), seconds, e, z, z.clone(), z.clone(),
                        java.util.Map.of(), 0, 0);
            }
        };
        open(Fakes.services(adapter, () -> capture, new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.verifyViewModel().setSettle(Duration.ofMillis(100))).get();
        robot.clickOn("#tab-verify .tab-label");
        robot.clickOn("#verify-run");
        waitUntil(() -> window.verifyViewModel().outcome() != org.port853.ui.verify.VerifyViewModel.Outcome.NONE
                && !window.verifyViewModel().runningProperty().get());
        assertEquals("5 test queries: all encrypted.", text(robot, "#verify-headline"));
    }

    /** Small helper kept here so the test reads without the view-model's internals. */
    static final class TrafficSums {
        static long sum(long[] a) {
            long s = 0;
            for (long x : a) s += x;
            return s;
        }
    }
}
