package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;

/** A drop-in of Port853 says the settings it was written for: what recover explains a rollback by. */
class DropInSettingsTest {
    @Test
    @DisplayName("the settings read back from a drop-in are those it was written for")
    void roundTrip() {
        DesiredSettings strict = DropInRendererTest.strict(true);
        assertEquals(strict, DropInSettings.of(DropInRenderer.render(strict)).orElseThrow());
        DesiredSettings plain = new DesiredSettings(List.of(ServerAddress.parse("198.18.0.4")), DotMode.OFF, null,
                false, List.of());
        assertEquals(plain, DropInSettings.of(DropInRenderer.render(plain)).orElseThrow());
    }

    @Test
    @DisplayName("a text that says no settings Port853 could ask for (no DNSOverTLS=, a bad server) reads as none")
    void notOurs() {
        assertTrue(DropInSettings.of("[Resolve]\nDNS=198.18.0.2\n").isEmpty());
        assertTrue(DropInSettings.of("[Resolve]\nDNS=not-an-address\nDNSOverTLS=yes\n").isEmpty());
    }

    @Test
    @DisplayName("the adapter reads a result's drop-in: what a recovered change wrote")
    void fromAResult() {
        SystemdResolvedAdapter adapter = new SystemdResolvedAdapter(LinuxPaths.system(), null);
        DesiredSettings strict = DropInRendererTest.strict(false);
        ApplyResult rolledBack = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "rolled back").withItem(
                new ApplyResult.Item("dropIn", "/etc/systemd/resolved.conf.d/zz-port853.conf",
                        DropInRenderer.render(strict)));
        assertEquals(strict, adapter.settingsWritten(rolledBack).orElseThrow());
        assertTrue(adapter.settingsWritten(rolledBack.withItem(LinuxChange.noDropIn())).isEmpty());
    }
}
