package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.Button;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.ServerAddress;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.I18n;
import org.testfx.api.FxRobot;

/**
 * Protect while every provider it could propose just failed its encrypted connection: the sheet shows the change, holds
 * it, and offers what can be done instead.
 */
class HeldProtectTest extends WindowTestBase {
    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
    private static final ServerAddress MULLVAD = ServerAddress.parse("194.242.2.2#dns.mullvad.net");

    private final Fakes.GatedExecutor worker = new Fakes.GatedExecutor();
    private final AtomicBoolean reachable = new AtomicBoolean();
    private final List<List<ServerAddress>> probed = new CopyOnWriteArrayList<>();
    private Fakes.FakeAdapter adapter;

    /** The window on a machine with Quad9 in opportunistic mode, whose recommended providers all just failed. */
    private void openWithEveryProviderFailing(Path dir) throws Exception {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.OPPORTUNISTIC, DnssecMode.NO, true,
                List.of(new DomainEntry(".", true)), "yes", "stub");
        adapter = new Fakes.FakeAdapter(Fakes.state(g, null));
        ServerPins pins = new ServerPins(servers -> {
            probed.add(servers);
            return servers.stream().map(s -> reachable.get() ? Fakes.passingProbe(s) : Fakes.silentProbe(s)).toList();
        }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC());
        open(Fakes.withPins(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier(),
                worker), pins));
        fx(() -> {
            window.model().tlsFailures().checked(List.of(Fakes.portSilent(QUAD9, "dot.reachable.timeout"),
                    Fakes.portSilent(MULLVAD, "dot.reachable.timeout")));
            return null;
        });
    }

    private static boolean disabled(FxRobot robot, String query) {
        return FxThreadQuery.onFx(() -> robot.lookup(query).queryAs(Button.class).isDisabled());
    }

    private void protectUntilHeld(FxRobot robot) throws Exception {
        waitUntil(() -> visible(robot, "#protect-button"));
        robot.clickOn("#protect-button");
        waitUntil(() -> visible(robot, "#apply-held"));
    }

    @Test
    @DisplayName("the held sheet offers Check again, Choose other providers and Cancel, keeps Apply disabled while the "
            + "check again (run off the JavaFX thread) still fails, and enables it once one passes")
    void heldUntilACheckPasses(FxRobot robot, @TempDir Path dir) throws Exception {
        openWithEveryProviderFailing(dir);
        protectUntilHeld(robot);
        assertEquals(I18n.t("protect.held"), labelText(robot, "#apply-held"));
        for (String button : List.of("#apply-check-again", "#apply-choose-providers", "#apply-cancel", "#apply-confirm")) {
            assertTrue(visible(robot, button), button + " is shown");
        }
        assertTrue(disabled(robot, "#apply-confirm"), "Apply waits for a pass");
        robot.clickOn("#apply-confirm");
        assertFalse(adapter.calls.contains("apply"), "nothing is applied while held");

        worker.hold = true;
        robot.clickOn("#apply-check-again");
        waitUntil(() -> labelText(robot, "#apply-held").equals(I18n.t("apply.held.checking")));
        assertTrue(probed.isEmpty(), "the servers are probed on the worker pool, not on the JavaFX thread: " + probed);
        assertEquals(1, worker.held.size());
        worker.releaseAll();
        waitUntil(() -> labelText(robot, "#apply-held").startsWith("Checked again at "));
        assertTrue(probed.get(0).contains(QUAD9), "the providers left out are probed: " + probed);
        assertTrue(disabled(robot, "#apply-confirm"), "still failing: Apply stays disabled");
        assertTrue(visible(robot, "#apply-check-again") && visible(robot, "#apply-choose-providers"));

        reachable.set(true);
        robot.clickOn("#apply-check-again");
        waitUntil(() -> !visible(robot, "#apply-held") && visible(robot, "#apply-confirm")
                && !disabled(robot, "#apply-confirm"));
        assertFalse(visible(robot, "#apply-check-again"));
        assertFalse(visible(robot, "#apply-choose-providers"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> !adapter.applied.isEmpty()); // the fake records the call, then what it applied
        assertEquals(DotMode.STRICT, adapter.applied.get(0).mode());
    }

    @Test
    @DisplayName("Choose other providers closes the held sheet without a change and shows the Providers screen")
    void chooseOtherProviders(FxRobot robot, @TempDir Path dir) throws Exception {
        openWithEveryProviderFailing(dir);
        protectUntilHeld(robot);
        robot.clickOn("#apply-choose-providers");
        waitUntil(() -> !visible(robot, "#apply-sheet"));
        waitUntil(() -> window.navigation().currentProperty().get() == MainWindow.Screen.PROVIDERS);
        assertFalse(adapter.calls.contains("apply"));
    }
}
