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
        DiagnosticsScreen.fix(exposed, null, false, () -> true, started::incrementAndGet);
        assertEquals(0, started.get());
    }

    @Test
    @DisplayName("in the demo the fix says nothing is asked or changed, and its result keeps the demo's reason")
    void demoSaysItIsADemo() {
        assertEquals(true, DiagnosticsScreen.hardenText(true).startsWith("Demo: nothing is asked and nothing is changed"));
        assertEquals(true, DiagnosticsScreen.hardenText(false).startsWith("Port853 will ask for authorisation"));
        org.port853.platform.ApplyResult simulated = new org.port853.platform.demo.DemoResolverAdapter().harden(true);
        assertEquals("Demo: nothing was changed (the firewall rule is only simulated).",
                DiagnosticsScreen.resultHeader(simulated));
        assertEquals(null, DiagnosticsScreen.resultBody(simulated), "nothing was done: no empty body below the headline");
    }
    @Test
    @DisplayName("the preview says what keeps the table after a reboot: the include line and nftables.service enabled, "
            + "in both languages")
    void previewSaysTheServiceMustBeEnabled() {
        for (java.util.Locale l : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String preview = org.port853.ui.common.I18n.in(l, () -> org.port853.ui.common.I18n.t("diag.harden.preview",
                    org.port853.probe.doctor.Hardening.FILE, org.port853.probe.doctor.Hardening.ruleset(),
                    org.port853.probe.doctor.Hardening.TABLE));
            assertEquals(true, preview.contains("/etc/nftables.d/*.nft"), l + ": " + preview);
            assertEquals(true, preview.contains("/etc/sysconfig/nftables.conf"), l + ": " + preview);
            assertEquals(true, preview.contains("sudo systemctl enable nftables"), l + ": " + preview);
        }
    }
}
