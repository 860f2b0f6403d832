package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.platform.linux.LinuxDetails;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.I18n;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's apply preview says the demo simulates the change (no password is asked there), and "Protect my DNS"
 * promises the /etc/resolv.conf link only when its change makes it.
 */
class DemoWordingTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @Test
    @DisplayName("the demo's preview says it simulates the change, and asks for no password")
    void demoPreviewSaysSimulated() throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        String said = fx(() -> apply.summaryProperty().get());
        assertEquals(I18n.t("apply.preview.apply.demo"), said);
        assertFalse(said.contains(I18n.t("apply.preview.apply")), said);
    }

    @Test
    @DisplayName("the demo's previews for turning encryption off and for recovering say it simulates the change too")
    void demoRevertAndRecoverSaySimulated() throws Exception {
        open(AppServices.forDemo(new DemoResolverAdapter(java.time.Duration.ZERO, true), configDir,
                new Fakes.RecordingNotifier()));
        ApplyViewModel apply = window.applyViewModel();
        untilPreview(() -> window.statusViewModel().recover());
        assertEquals(I18n.t("apply.recover.summary.demo"), fx(() -> apply.summaryProperty().get()));
        confirmUntilResult();
        untilPreview(() -> {
            apply.close();
            window.statusViewModel().protect();
        });
        confirmUntilResult();
        untilPreview(() -> {
            apply.close();
            window.statusViewModel().switchFlipped(false); // Port853's own settings to remove now
        });
        assertEquals(I18n.t("apply.preview.revert.demo"), fx(() -> apply.summaryProperty().get()));
        // in both languages, with the same words as the apply preview's
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            String simulated = I18n.in(l, () -> {
                String a = I18n.t("apply.preview.apply.demo");
                return a.substring(a.indexOf(". ") + 2);
            });
            for (String key : List.of("apply.preview.revert.demo", "apply.recover.summary.demo")) {
                String said = I18n.in(l, () -> I18n.t(key));
                assertTrue(said.endsWith(simulated), l + " " + key + ": " + said);
            }
        }
    }

    @Test
    @DisplayName("a real machine's preview still says a password may be asked for, unless Port853 runs as root")
    void realPreviewMentionsPassword() throws Exception {
        openPlaintextMachine();
        ApplyViewModel apply = window.applyViewModel();
        untilPreview(() -> window.statusViewModel().protect());
        assertEquals(I18n.t(org.port853.core.Privileges.isRoot() ? "apply.preview.apply.root" : "apply.preview.apply"),
                fx(() -> apply.summaryProperty().get()));
    }

    @Test
    @DisplayName("Protect's text names /etc/resolv.conf only when it is not linked to the stub yet")
    void protectPromisesTheLinkOnlyWhenItMakesIt() throws Exception {
        // already linked to the stub (the fakes' machine): no promise about the file
        openPlaintextMachine();
        waitUntil(() -> window.statusViewModel().protectOfferedProperty().get());
        String linked = fx(() -> window.statusViewModel().protectTextProperty().get());
        assertFalse(linked.contains("/etc/resolv.conf"), linked);
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get();

        ResolverState s = Fakes.plaintextState(null);
        ResolverState statik = new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(),
                s.links(), s.pendingChange(), s.problem(), new LinuxDetails(((LinuxDetails) s.platform()).systemdVersion(),
                new ResolvConfState(ResolvConfState.Kind.STATIC, "/etc/resolv.conf", List.of("192.168.1.1")),
                ((LinuxDetails) s.platform()).dropIns()));
        open(Fakes.services(new Fakes.FakeAdapter(statik), () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> window.statusViewModel().protectOfferedProperty().get());
        String toLink = fx(() -> window.statusViewModel().protectTextProperty().get());
        assertTrue(toLink.contains("/etc/resolv.conf"), toLink);
    }
}
