package org.port853.ui.diagnostics;

import java.util.List;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;

/** What the Diagnostics screen runs; blocking calls, made off the JavaFX thread. */
public interface DiagnosticsService {
    Doctor.Report doctor() throws Exception;

    /** Re-checks every recorded pin (and records the configured servers' on first use). */
    List<Check> checkPins() throws Exception;

    List<PinRecord> pins() throws Exception;

    /**
     * The user accepts the key {@code server} (as the store writes it) showed at the last check as its pin; false
     * when there was nothing to accept (another process accepted it meanwhile, or it has no pin).
     */
    default boolean acceptPin(String server) throws Exception {
        throw new UnsupportedOperationException("no pin store here");
    }

    /** Ranks the configured servers and the catalogue's providers (contacts them: only on the user's request). */
    List<BenchResult> bench() throws Exception;

    /** True when nothing is real (demo window). */
    boolean demo();
}
