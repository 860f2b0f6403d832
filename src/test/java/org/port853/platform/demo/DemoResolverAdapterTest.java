package org.port853.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;

class DemoResolverAdapterTest {
    @Test
    @DisplayName("the demo's steps say what happened: wrote on apply, removed on revert, nothing when unchanged")
    void stepsSayWhatHappened() {
        DemoResolverAdapter demo = new DemoResolverAdapter(Duration.ZERO, false);
        ApplyResult applied = demo.apply(new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                DotMode.STRICT, DnssecMode.NO, true, List.of()));
        assertTrue(applied.actions().get(0).startsWith("(demo) wrote "), applied.actions().toString());
        ApplyResult reverted = demo.revert();
        assertEquals(ApplyResult.Outcome.REVERTED, reverted.outcome());
        assertTrue(reverted.actions().get(0).startsWith("(demo) removed "), reverted.actions().toString());
        ApplyResult again = demo.revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, again.outcome());
        assertEquals(List.of(), again.actions());
    }
}
