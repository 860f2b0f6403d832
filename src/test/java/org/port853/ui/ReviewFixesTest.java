package org.port853.ui;

import org.port853.platform.linux.LinuxDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.verify.VerifyViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Regression tests for the review of the window: resolv.conf fix, capture life cycle, FX-thread rules. */
class ReviewFixesTest extends WindowTestBase {
    private static final CaptureUnavailableException DENIED = new CaptureUnavailableException(
            "Capturing packets needs the CAP_NET_RAW capability", "Run: sudo setcap cap_net_raw+ep /usr/lib/port853/java");

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    private static ResolverState withResolvConf(ResolverState s, ResolvConfState rc) {
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), s.links(), s.pendingChange(), s.problem(),
                new LinuxDetails(((LinuxDetails) s.platform()).systemdVersion(), rc, ((LinuxDetails) s.platform()).dropIns()));
    }

    private static ResolverState quad9Strict() {
        return Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true);
    }

    // 1. LINK_RESOLV_CONF

    @Test
    @DisplayName("the resolv.conf one-click fix previews and applies with linkResolverFile = true, once")
    void linkResolvConfFixLinksTheFile(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(withResolvConf(quad9Strict(),
                new ResolvConfState(ResolvConfState.Kind.STATIC, "/etc/resolv.conf", List.of("192.168.1.1"))));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#fix-RESOLV_CONF_STATIC"));
        Button fix = robot.lookup("#fix-RESOLV_CONF_STATIC").query();
        fx(fix::fire);
        waitUntil(() -> visible(robot, "#apply-confirm"));
        assertEquals(List.of(true), adapter.planLinks, "the preview must include the resolv.conf link");
        assertTrue(adapter.applyLinks.isEmpty(), "nothing may be applied before confirmation");
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        assertEquals(List.of(true), adapter.applyLinks, "the apply must link resolv.conf");
        robot.clickOn("#apply-close");
        waitUntil(() -> !window.applyViewModel().busy());

        // the flag belongs to that one flow: the next ordinary apply does not touch resolv.conf
        fx(() -> window.applyViewModel().beginApplyOrExplain(window.model()::desired));
        waitUntil(() -> window.applyViewModel().phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertEquals(List.of(true, false), adapter.planLinks);
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        assertEquals(List.of(true, false), adapter.applyLinks);
        robot.clickOn("#apply-close");
    }

    @Test
    @DisplayName("the lazy adapter hands linkResolverFile to the detected adapter")
    void lazyAdapterDelegatesLinkFlag() {
        Fakes.FakeAdapter fake = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        fake.delayMs = 0;
        LazyResolverAdapter lazy = new LazyResolverAdapter(() -> fake);
        DesiredSettings d = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                org.port853.core.DotMode.STRICT, org.port853.core.DnssecMode.NO, true, List.of());
        lazy.plan(d, fake.state, true);
        lazy.apply(d, true);
        lazy.plan(d, fake.state, false);
        lazy.apply(d, false);
        assertEquals(List.of(true, false), fake.planLinks);
        assertEquals(List.of(true, false), fake.applyLinks);
    }

    // 2. capture restart

    @Test
    @DisplayName("after a failed capture start, Try again starts a fresh session")
    void retryAfterFailedStartUsesFreshSession(FxRobot robot) throws Exception {
        AtomicInteger created = new AtomicInteger();
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()),
                () -> created.incrementAndGet() == 1 ? new Fakes.FakeCapture(DENIED) : new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> visible(robot, "#capture-banner"));
        assertTrue(((Label) robot.lookup("#capture-problem").query()).getText().contains("CAP_NET_RAW"));
        robot.clickOn("#capture-retry");
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
        waitUntil(() -> !visible(robot, "#capture-banner"));
        assertEquals(2, created.get());
        assertTrue(window.trafficViewModel().session().isRunning());
    }

    @Test
    @DisplayName("after a failed capture start, Verify tries the capture again instead of reporting it unavailable")
    void verifyRetriesCaptureAfterFailedStart(FxRobot robot) throws Exception {
        AtomicInteger created = new AtomicInteger();
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()),
                () -> created.incrementAndGet() == 1 ? new Fakes.FakeCapture(DENIED) : new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        waitUntil(() -> window.trafficViewModel().problemProperty().get() != null
                && !window.trafficViewModel().startingProperty().get());
        fx(() -> window.verifyViewModel().setSettle(Duration.ofMillis(100)));
        fx(() -> window.verifyViewModel().run());
        waitUntil(() -> window.verifyViewModel().outcome() != VerifyViewModel.Outcome.NONE
                && !window.verifyViewModel().runningProperty().get());
        assertNotEquals(VerifyViewModel.Outcome.NO_CAPTURE, window.verifyViewModel().outcome(),
                window.verifyViewModel().headlineProperty().get());
        assertEquals(2, created.get());
        assertTrue(window.trafficViewModel().runningProperty().get());
    }

    @Test
    @DisplayName("a stopped capture can be started again")
    void stopThenStartAgain() throws Exception {
        AtomicInteger created = new AtomicInteger();
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> {
            created.incrementAndGet();
            return new Fakes.FakeCapture(null);
        }, new Fakes.RecordingNotifier()));
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
        CaptureSession first = fx(() -> window.trafficViewModel().session());
        fx(() -> window.trafficViewModel().stop());
        waitUntil(() -> !first.isRunning());
        fx(() -> window.trafficViewModel().start());
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
        assertEquals(2, created.get());
        CaptureSession second = fx(() -> window.trafficViewModel().session());
        assertNotNull(second);
        assertTrue(second != first && second.isRunning());
        assertNull(fx(() -> window.trafficViewModel().problemProperty().get()));
    }

    private static void assertNull(Object o) {
        assertEquals(null, o);
    }

    // 3. closing while the capture starts

    /** A capture whose start() blocks until the test lets it finish. */
    static final class SlowCapture extends Fakes.FakeCapture {
        final CountDownLatch mayStart = new CountDownLatch(1);

        SlowCapture() {
            super(null);
        }

        @Override
        public void start() throws CaptureUnavailableException {
            try {
                mayStart.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.start();
        }
    }

    @Test
    @DisplayName("closing the window while the capture starts stops the capture once it has started")
    void closeWhileStartingStopsCapture() throws Exception {
        SlowCapture capture = new SlowCapture();
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> capture, new Fakes.RecordingNotifier()));
        waitUntil(() -> window.trafficViewModel().startingProperty().get());
        fx(() -> window.shutdown());
        capture.mayStart.countDown();
        waitUntil(() -> !window.trafficViewModel().startingProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !capture.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> window.trafficViewModel().runningProperty().get()));
        long polls = fx(() -> window.trafficViewModel().pollsProperty().get());
        Thread.sleep(3L * org.port853.ui.traffic.TrafficViewModel.POLL_MS);
        assertEquals(polls, (long) fx(() -> window.trafficViewModel().pollsProperty().get()),
                "no polling for a closed window");
        assertFalse(capture.isRunning(), "the capture must stay stopped");
    }

    // 4. files are written on the worker pool

    @Test
    @DisplayName("the export's message is not cut in a window of the default size, and its tool tip names the whole "
            + "path (it read 'Exported 0 rows to port853-l…', no folder)")
    void csvExportSaysWhereInFull(FxRobot robot) throws Exception {
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        capture.leaks.add(new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1",
                "leak.example.org", "A", null, null));
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> capture, new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> window.trafficViewModel().filteredLeaks().size() == 1);
        Path csv = org.port853.core.ScratchFolders.create("port853-csv").resolve("port853-leaks.csv");
        fx(() -> window.trafficView().exportTo(window.trafficViewModel(), csv.toFile()));
        waitUntil(() -> window.trafficViewModel().exportMessageProperty().get().startsWith("Exported 1 row to "));
        Label said = robot.lookup("#traffic-export-message").queryAs(Label.class);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double[] widths = org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> new double[] {said.getWidth(), said.prefWidth(-1)}).get();
        assertTrue(widths[0] >= widths[1] - 0.5, "cut: " + widths[0] + " of " + widths[1] + " px");
        assertEquals(csv.toAbsolutePath().toString(), said.getTooltip().getText());
    }

    @Test
    @DisplayName("CSV export writes the file on the worker pool and reports back on the JavaFX thread")
    void csvExportOffFxThread(FxRobot robot) throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        Fakes.FakeCapture capture = new Fakes.FakeCapture(null);
        capture.leaks.add(new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1",
                "leak.example.org", "A", null, null));
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> capture, new Fakes.RecordingNotifier(), exec));
        robot.clickOn("#tab-traffic .tab-label");
        waitUntil(() -> window.trafficViewModel().filteredLeaks().size() == 1);
        Path csv = org.port853.core.ScratchFolders.create("port853-csv").resolve("leaks.csv");
        exec.hold = true;
        fx(() -> {
            window.trafficViewModel().exportCsv(csv);
        });
        assertFalse(Files.exists(csv), "the file must not be written on the JavaFX thread");
        assertEquals(1, exec.held.size());
        exec.releaseAll();
        waitUntil(() -> window.trafficViewModel().exportMessageProperty().get().startsWith("Exported 1 row to "));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time,interface,server,name,type,process,why,fix", lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains(",wlan0,192.168.1.1,leak.example.org,A,"), lines.get(1));
        assertTrue(exec.threads.stream().allMatch(t -> t.equals("port853-worker")), exec.threads.toString());

        // a failure is reported, not thrown on the JavaFX thread
        Path bad = csv.resolveSibling("missing-dir").resolve("x.csv");
        fx(() -> {
            window.trafficViewModel().exportCsv(bad);
        });
        waitUntil(() -> window.trafficViewModel().exportMessageProperty().get().startsWith("Export failed"));
    }

    @Test
    @DisplayName("Tools › Open demo waits while a change is previewed or applied (the window it replaces owns that change)")
    void noDemoDuringAChange() throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        open(Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier(), exec), () -> { });
        javafx.scene.control.MenuItem demo = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.MenuBar) stage
                .getScene().lookup(".menu-bar")).getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-demo".equals(i.getId())).findFirst().orElseThrow()).get();
        assertFalse(demo.isDisable(), "offered while nothing runs");
        fx(() -> window.applyViewModel().begin(org.port853.ui.apply.ApplyViewModel.Kind.APPLY,
                window.model().desired()));
        var phase = window.applyViewModel().phaseProperty();
        waitUntil(() -> phase.get() != org.port853.ui.apply.ApplyViewModel.Phase.PLANNING
                && phase.get() != org.port853.ui.apply.ApplyViewModel.Phase.IDLE);
        assertTrue(demo.isDisable(), "offered during " + phase.get());
        fx(() -> window.applyViewModel().close());
        waitUntil(() -> !demo.isDisable());
    }

    @Test
    @DisplayName("preference changes are saved on the worker pool, not on the JavaFX thread")
    void preferencesSavedOffFxThread(FxRobot robot) throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        AppServices services = Fakes.services(new Fakes.FakeAdapter(quad9Strict()), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier(), exec);
        open(services);
        robot.clickOn("#tab-preferences .tab-label");
        waitUntil(() -> visible(robot, "#pref-notifications"));
        Path file = services.configDir().resolve("ui.properties");
        exec.hold = true;
        CheckBox notify = robot.lookup("#pref-notifications").query();
        fx(notify::fire);
        assertFalse(Files.exists(file), "the preferences must not be written on the JavaFX thread");
        assertEquals(1, exec.held.size());
        exec.releaseAll();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        assertTrue(Files.readString(file).contains("notifications=false"));
    }

    // 5. properties are read on the JavaFX thread

    @Test
    @DisplayName("the plan is built against the state read on the JavaFX thread when the flow began")
    void planUsesStateReadOnFxThread() throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        ResolverState before = Fakes.plaintextState(null);
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(before);
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier(), exec));
        assertSame(before, fx(() -> window.model().stateProperty().get()));
        fx(() -> window.model().chosen().add(window.model().catalogue().get(0)));
        exec.hold = true;
        fx(() -> window.applyViewModel().beginApplyOrExplain(window.model()::desired));
        assertEquals(1, exec.held.size(), "the plan waits on the worker pool");
        // the state changes (a refresh) before the plan's work runs
        ResolverState after = quad9Strict();
        adapter.state = after;
        fx(() -> window.model().refresh());
        assertEquals(2, exec.held.size());
        exec.release(1);
        waitUntil(() -> window.model().stateProperty().get() == after);
        exec.releaseAll();
        waitUntil(() -> window.applyViewModel().phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertEquals(1, adapter.plannedAgainst.size());
        assertSame(before, adapter.plannedAgainst.get(0),
                "the worker must use the state the JavaFX thread read, not read the property itself");
    }
}
