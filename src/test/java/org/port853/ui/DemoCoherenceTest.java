package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.Verifier;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.platform.windows.demo.WindowsDemoAdapter;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ProtectionState;
import org.port853.ui.verify.VerifyViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo tells one story: Verify agrees with what the Traffic screen and the header show (leaking before the demo's
 * fix, encrypted after it), results and notifications say they are the demo's, and the Windows sample machine is not
 * described with Linux files and interface names, nor offered an Apply the demo then refuses.
 */
class DemoCoherenceTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @Test
    @DisplayName("Linux demo: Verify leaks to the sample link's server before the fix, all encrypted after it, labelled demo")
    void linuxDemoVerifyFollowsTheFix(FxRobot robot) throws Exception {
        Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, notifier));
        VerifyViewModel verify = window.verifyViewModel();
        fx(() -> {
            verify.setSettle(Duration.ofMillis(300));
            return null;
        });

        verifyOnce(verify);
        assertEquals(VerifyViewModel.Outcome.LEAKED, verify.outcome(), fx(() -> verify.headlineProperty().get()));
        String leaked = fx(() -> verify.headlineProperty().get());
        assertTrue(leaked.contains(DemoCapture.DEMO_SERVER) && leaked.contains(I18n.t("verify.demo")), leaked);
        assertTrue(fx(() -> String.join("\n", verify.details())).contains(DemoCapture.DEMO_INTERFACE));
        // one line per test query: where it went and what came back, in words, not a log with each query twice
        java.util.List<String> lines = fx(() -> java.util.List.copyOf(verify.details()));
        assertEquals(Verifier.DEFAULT_QUERIES, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.contains(": went out in plaintext to " + DemoCapture.DEMO_SERVER + " on "
                    + DemoCapture.DEMO_INTERFACE) && line.contains("no such name"), line);
        }
        String why = fx(() -> verify.whyProperty().get());
        assertTrue(why.startsWith("Why: A test query of Verify") && why.contains(DemoCapture.DEMO_INTERFACE), why);

        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.PREVIEW);
        assertEquals(I18n.t("apply.diff.label"), fx(() -> apply.diffLabelProperty().get()), "Linux changes a file");
        fx(() -> {
            apply.confirm();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.RESULT);
        String result = fx(() -> apply.resultTextProperty().get());
        assertTrue(result.contains(I18n.t("apply.demo")), "the result says it is the demo's: " + result);
        assertTrue(notifier.shown.stream().anyMatch(n -> n.contains("(DEMO)") && n.contains(result)),
                "the notification says it is the demo's: " + notifier.shown);
        fx(() -> {
            apply.close();
            return null;
        });

        verifyOnce(verify);
        String clean = fx(() -> verify.headlineProperty().get());
        assertEquals(VerifyViewModel.Outcome.CLEAN, verify.outcome(), clean);
        assertTrue(clean.startsWith(I18n.t("verify.clean", 5)), clean);
        assertEquals(ProtectionState.PROTECTED, fx(() -> window.statusViewModel().stateProperty().get()),
                "after the demo's Protect and a clean Verify the demo machine is protected");
    }

    @Test
    @DisplayName("Windows demo: no /etc/resolv.conf, no wlan0, and the preview says before confirming that nothing is applied")
    void windowsDemoSpeaksWindows(FxRobot robot) throws Exception {
        open(AppServices.forSampleDemo(new WindowsDemoAdapter(), configDir, new Fakes.RecordingNotifier()));
        String protect = fx(() -> window.statusViewModel().protectTextProperty().get());
        assertFalse(protect.contains("resolv.conf"), protect);

        VerifyViewModel verify = window.verifyViewModel();
        fx(() -> {
            verify.setSettle(Duration.ofMillis(300));
            return null;
        });
        verifyOnce(verify);
        String details = fx(() -> String.join("\n", verify.details()));
        assertEquals(VerifyViewModel.Outcome.LEAKED, verify.outcome(), details);
        assertTrue(details.contains(DemoCapture.WINDOWS_INTERFACE) && !details.contains("wlan0"), details);

        ApplyViewModel apply = window.applyViewModel();
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == ApplyViewModel.Phase.REFUSED);
        assertEquals(I18n.t("apply.sampleOnly"), fx(() -> apply.summaryProperty().get()));
        String actions = fx(() -> apply.actionsProperty().get());
        assertFalse(actions.isBlank(), "the preview still shows what would be done");
        for (String line : actions.split("\n")) {
            assertTrue(line.startsWith(I18n.t("change.demo.mark") + " "), line);
        }
        assertFalse(fx(() -> apply.diffProperty().get()).isBlank(), "and the exact change");
        String diff = fx(() -> apply.diffProperty().get());
        assertTrue(diff.indexOf("\n-{\"autoUpgrade\":false") < diff.indexOf("\n+{\"autoUpgrade\":true"),
                "what goes comes before what replaces it: " + diff);
        javafx.scene.control.TitledPane block = robot.lookup("#apply-diff-block").query();
        assertEquals(I18n.t("apply.diff.label.settings"), fx(block::getText), "Windows changes settings, not files");
        assertFalse(visible(robot, "#apply-confirm"), "no Apply that the demo would refuse");
    }

    private static void verifyOnce(VerifyViewModel verify) throws Exception {
        fx(() -> {
            verify.run();
            return null;
        });
        waitUntil(() -> !verify.runningProperty().get() && verify.outcome() != VerifyViewModel.Outcome.NONE);
    }
}
