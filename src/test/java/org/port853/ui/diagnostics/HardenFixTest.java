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
    @DisplayName("a rule that lasts only until the next reboot: the result dialog warns and its headline says so and "
            + "what keeps it, in both languages, as the command line's exit 3; a rule kept at boot is plain information")
    void aRuleLostAtRebootWarns() {
        org.port853.core.Sentence done = org.port853.core.Sentence.of("inbound DNS is dropped on non-loopback interfaces",
                "result.hardened");
        String enable = org.port853.platform.RootAdvice.forThisUser("sudo systemctl enable nftables");
        org.port853.core.Sentence said = org.port853.core.Sentence.of(done.english() + ", until the next reboot: "
                + "nftables.service, which loads /etc/nftables.conf at boot, is not enabled (" + enable + ")",
                org.port853.platform.ApplyResult.HARDENED_SERVICE_OFF, done, "/etc/nftables.conf", 0, enable);
        org.port853.platform.ApplyResult lost = new org.port853.platform.ApplyResult(
                org.port853.platform.ApplyResult.Outcome.APPLIED, said.english(), null, java.util.List.of(), false,
                java.time.Duration.ofMillis(40), said.words(), java.util.List.of());
        assertEquals(javafx.scene.control.Alert.AlertType.WARNING, DiagnosticsScreen.alertType(lost));
        assertEquals("Inbound DNS is dropped on non-loopback interfaces, until the next reboot: nftables.service, which "
                + "loads /etc/nftables.conf at boot, is not enabled (" + enable + ").", org.port853.ui.common.I18n.in(
                java.util.Locale.ENGLISH, () -> DiagnosticsScreen.resultHeader(lost)));
        assertEquals(true, org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> DiagnosticsScreen.resultHeader(
                lost)).contains("bis zum nächsten Neustart: nftables.service, das /etc/nftables.conf beim Start lädt, "
                + "ist nicht aktiviert (" + enable + ")"));

        org.port853.platform.ApplyResult kept = new org.port853.platform.ApplyResult(
                org.port853.platform.ApplyResult.Outcome.APPLIED, done.english(), null, java.util.List.of(), false,
                java.time.Duration.ofMillis(40), done.words(), java.util.List.of());
        assertEquals(javafx.scene.control.Alert.AlertType.INFORMATION, DiagnosticsScreen.alertType(kept));
        assertEquals(org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> org.port853.ui.common.I18n.t(
                "result.applied")), org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> DiagnosticsScreen.resultHeader(kept)));
    }

    @Test
    @DisplayName("where a DNS server serves the network, the confirmation first says whose DNS the rule cuts, in both "
            + "languages; else it says what it always says")
    void confirmationSaysWhomItCuts() {
        org.port853.capture.SocketHolder dnsmasq = new org.port853.capture.SocketHolder("dnsmasq", 812, 117, "dnsmasq");
        Check served = org.port853.probe.doctor.ExposureCheck.of(java.util.List.of(new org.port853.probe.doctor
                .ListeningSockets.Socket("udp", "192.168.122.1", false, 1, 117, dnsmasq)), "{\"nftables\": []}");
        assertEquals("dnsmasq answers other machines: this rule also cuts the DNS of every machine it serves. "
                + DiagnosticsScreen.hardenText(false), org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> DiagnosticsScreen.hardenText(false, served)));
        assertEquals(true, org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> DiagnosticsScreen.hardenText(
                false, served)).startsWith("dnsmasq beantwortet Anfragen anderer Rechner: Diese Regel schneidet auch "
                + "allen Rechnern, die es bedient, das DNS ab. Port853 fragt nach Berechtigung"));
        Check two = org.port853.probe.doctor.ExposureCheck.of(java.util.List.of(new org.port853.probe.doctor
                .ListeningSockets.Socket("udp", "192.168.122.1", false, 1, 117, dnsmasq), new org.port853.probe.doctor
                .ListeningSockets.Socket("udp", "10.0.0.1", false, 2, 0, new org.port853.capture.SocketHolder("unbound",
                650, 0, "root"))), "{\"nftables\": []}");
        assertEquals(true, org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> DiagnosticsScreen.hardenText(
                false, two)).startsWith("dnsmasq, unbound answer other machines: this rule also cuts the DNS of every "
                + "machine they serve. "), "several servers: the plural");
        assertEquals(true, org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> DiagnosticsScreen.hardenText(
                false, two)).startsWith("dnsmasq, unbound beantworten Anfragen anderer Rechner: Diese Regel schneidet "
                + "auch allen Rechnern, die sie bedienen, das DNS ab. "));
        Check exposed = Check.warning("exposure.port53", null, "port 53 is open", "harden it")
                .says("exposure.port53.open", "udp 0.0.0.0", 0).withFixAction(FixActions.HARDEN_PORT_53);
        assertEquals(DiagnosticsScreen.hardenText(false), DiagnosticsScreen.hardenText(false, exposed));
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
