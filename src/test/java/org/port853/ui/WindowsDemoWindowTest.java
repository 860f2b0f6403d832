package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.windows.demo.WindowsDemoAdapter;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** {@code --demo=windows}: the Status screen shows the Windows sample machine read through the real adapter code. */
class WindowsDemoWindowTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @Test
    @DisplayName("Status shows the fixture's Windows adapters and the Windows reasons, labelled DEMO")
    void windowsDemoStatus(FxRobot robot) throws Exception {
        open(new AppServices(new WindowsDemoAdapter(), AppServices.windowsDemoCapture(), new Fakes.AnsweringProbe(),
                org.port853.ui.providers.ProviderSource.inMemory(), configDir,
                AppServices.newExecutor(), new Fakes.RecordingNotifier(), true));
        waitUntil(() -> texts(robot.lookup("#links-table").query()).contains("Wi-Fi"));
        String links = WaitForAsyncUtils.asyncFx(() -> texts(robot.lookup("#links-table").query())).get();
        assertTrue(links.contains("Ethernet"), links);
        waitUntil(() -> texts(robot.lookup("#reasons").query()).contains("192.168.1.1"));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#demo-label").query().isVisible()).get());
        // the sample build has no DNS-over-TLS client: the switch and its changes say what they turn on
        atlantafx.base.controls.ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        waitUntil(() -> "Encrypt DNS (DNS-over-HTTPS)".equals(fx(sw::getText)));
        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        // the sample machine shows the exact change and refuses to make it
        waitUntil(() -> fx(() -> window.applyViewModel().phaseProperty().get())
                == org.port853.ui.apply.ApplyViewModel.Phase.REFUSED);
        org.junit.jupiter.api.Assertions.assertEquals("Apply DNS-over-HTTPS settings",
                fx(() -> window.applyViewModel().titleProperty().get()));
    }

    @Test
    @DisplayName("on Linux the switch and its changes are DNS-over-TLS")
    void linuxDemoSaysDnsOverTls(FxRobot robot) throws Exception {
        open(AppServices.forDemo(new org.port853.platform.demo.DemoResolverAdapter(), configDir,
                new Fakes.RecordingNotifier()));
        atlantafx.base.controls.ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        org.junit.jupiter.api.Assertions.assertEquals("Encrypt DNS (DNS-over-TLS)", fx(sw::getText));
        untilPreview(() -> window.statusViewModel().protect());
        org.junit.jupiter.api.Assertions.assertEquals("Apply DNS-over-TLS settings",
                fx(() -> window.applyViewModel().titleProperty().get()));
    }

    /** Every text the node and its children show, joined. */
    private static String texts(Node n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof Parent p) {
            for (Node c : List.copyOf(p.getChildrenUnmodifiable())) {
                b.append(texts(c));
            }
        }
        return b.toString();
    }
}
