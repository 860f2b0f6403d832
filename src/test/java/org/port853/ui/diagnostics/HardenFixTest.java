package org.port853.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.FixActions;

/** Diagnostics' port-53 hardening fix: one at a time. */
class HardenFixTest {
    @Test
    @DisplayName("Fix while a hardening is under way asks nothing and starts nothing (no second authorisation prompt)")
    void noSecondHardeningWhileOneRuns() {
        Check exposed = Check.failure("exposure.port53", null, "port 53 is open", "harden it")
                .withFixAction(FixActions.HARDEN_PORT_53);
        AtomicInteger started = new AtomicInteger();
        DiagnosticsScreen.fix(exposed, null, () -> true, started::incrementAndGet);
        assertEquals(0, started.get());
    }
}
