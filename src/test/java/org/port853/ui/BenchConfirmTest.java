package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.diagnostics.DiagnosticsService;
import org.port853.ui.diagnostics.DiagnosticsView;
import org.port853.ui.diagnostics.DiagnosticsViewModel;
import org.port853.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Benchmark providers" tells every catalogue provider this computer's address, so it asks first, with Cancel as the
 * default. The service here only counts: whatever the screen does, nothing is contacted.
 */
class BenchConfirmTest extends WindowTestBase {
    private final AtomicInteger benches = new AtomicInteger();

    private final DiagnosticsService counting = new DiagnosticsService() {
        @Override public Doctor.Report doctor() { throw new UnsupportedOperationException(); }
        @Override public List<Check> checkPins() { throw new UnsupportedOperationException(); }
        @Override public List<PinRecord> pins() { return List.of(); }

        @Override
        public List<BenchResult> bench() {
            benches.incrementAndGet();
            return List.of();
        }

        @Override public boolean demo() { return false; }
    };

    @Test
    @DisplayName("the benchmark asks before contacting the providers: Cancel (the default) runs nothing, Benchmark runs it")
    void benchmarkAsksFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(counting, new FxTaskExecutor(Runnable::run), t -> { });
            stage.setScene(new Scene(new DiagnosticsView(vm, c -> { }), 900, 600));
            stage.show();
        }).get();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-bench").queryButton().fire());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button byDefault = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton())
                .query();
        assertEquals(ButtonBar.ButtonData.CANCEL_CLOSE, ButtonBar.getButtonData(byDefault));
        WaitForAsyncUtils.asyncFx(byDefault::fire).get();
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, benches.get(), "Cancel contacts nobody");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-bench").queryButton().fire());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button run = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && ButtonBar.getButtonData(b) == ButtonBar.ButtonData.OK_DONE).query();
        WaitForAsyncUtils.asyncFx(run::fire).get();
        waitUntil(() -> benches.get() == 1);
    }
}
