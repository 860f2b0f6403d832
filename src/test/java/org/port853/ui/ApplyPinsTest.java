package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.ServerPins;
import org.testfx.api.FxRobot;

@DisplayName("apply result: the applied servers' key pins")
class ApplyPinsTest extends WindowTestBase {
    static final String PIN = Base64.getEncoder().encodeToString(new byte[32]);

    /** Every server shows {@link #PIN}, once the test opens the gate: no network. */
    static ProbeReport shows(ServerAddress s) {
        CertificateReport c = new CertificateReport(s.tlsName(), "CA", "CA", List.of("DNS:" + s.tlsName()), Instant.EPOCH,
                Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, s.tlsName(), PIN);
        return new ProbeReport(s, TcpOutcome.OK, TlsOutcome.OK, null, 1.0, 1.0, "TLSv1.3", "X", c, 1.0, List.of(1.0),
                List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    @Test
    @DisplayName("the result shows at once; the pins follow from the background and land in the user's store")
    void pinsFollowTheResult(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path store = dir.resolve("pins.json");
        CountDownLatch gate = new CountDownLatch(1);
        ServerPins pins = new ServerPins(servers -> {
            try {
                assertTrue(gate.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return servers.stream().map(ApplyPinsTest::shows).toList();
        }, store, List::of, Clock.systemUTC());
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        AppServices s = Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier());
        open(new AppServices(s.adapter(), s.capture(), s.probe(), s.providers(), s.configDir(), s.executor(),
                s.notifier(), false, pins));
        waitUntil(() -> visible(robot, "#protect-button"));
        robot.clickOn("#protect-button");
        waitUntil(() -> visible(robot, "#apply-confirm"));
        robot.clickOn("#apply-confirm");
        // the probe is still held: the result is shown and the window answers meanwhile
        waitUntil(() -> visible(robot, "#apply-close") && visible(robot, "#apply-pins"));
        assertTrue(labelText(robot, "#apply-pins").startsWith("Recording the servers' key pins"), labelText(robot, "#apply-pins"));
        // the pin watch's start reads the pins once too: let it be done before counting
        waitUntil(() -> fx(() -> window.pinWatchProperty().getValue()) != null);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        int recordedBefore = fx(() -> window.model().pinsRecordedProperty().get());
        gate.countDown();
        waitUntil(() -> labelText(robot, "#apply-pins").contains("sha256/" + PIN));
        assertEquals(recordedBefore + 1, fx(() -> window.model().pinsRecordedProperty().get()),
                "Diagnostics' pins table is told to read them again");
        String shownPins = labelText(robot, "#apply-pins");
        assertFalse(shownPins.replace("sha256/" + PIN, "").contains(PIN), "one spelling, sha256/BASE64: " + shownPins);
        for (ServerAddress a : adapter.applied.get(0).servers()) {
            assertTrue(shownPins.contains(a.toString()), shownPins);
            assertEquals(PIN, PinStore.load(store).find(a.toString()).orElseThrow().pin());
        }
        robot.clickOn("#apply-close");
    }

    @Test
    @DisplayName("the window starts watching the pins in the background, not on the JavaFX thread")
    void pinWatchStartsInTheBackground(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ServerPins pins = new ServerPins(servers -> servers.stream().map(ApplyPinsTest::shows).toList(),
                dir.resolve("pins.json"), List::of, Clock.systemUTC());
        AppServices s = Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)),
                () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier());
        open(new AppServices(s.adapter(), s.capture(), s.probe(), s.providers(), s.configDir(), s.executor(),
                s.notifier(), false, pins));
        // PinWatch.start refuses the JavaFX thread: a watch only appears when it was started on a worker
        waitUntil(() -> window.pinWatchProperty().getValue() != null);
        assertTrue(window.pinWatchProperty().getValue().description().contains("every 6 h"),
                window.pinWatchProperty().getValue().description());
    }
}
