package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window tests' look-ups walk the scene graph on the JavaFX thread: one walked from the test's thread while the
 * window rebuilt a screen failed a CI run ("Index 4 out of bounds for length 3").
 */
@ExtendWith(FxThreadApplicationExtension.class)
class FxThreadLookupTest {
    @Test
    @DisplayName("look-ups and clicks by query walk the scene graph on the JavaFX thread")
    void lookupsWalkOnTheFxThread(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<Boolean> walkedOnFxThread = new CopyOnWriteArrayList<>();
        VBox root = new VBox() {
            @Override
            public Set<Node> lookupAll(String selector) {
                walkedOnFxThread.add(Platform.isFxApplicationThread());
                return super.lookupAll(selector);
            }
        };
        Label target = new Label("found");
        target.setId("target");
        root.getChildren().add(target);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(root, 300, 200));
            stage.show();
        }).get();
        try {
            assertSame(target, robot.lookup("#target").query());
            assertEquals(1, robot.lookup(".label").queryAll().size());
            assertEquals(true, robot.lookup("#target").tryQuery().isPresent());
            robot.clickOn("#target");
        } finally {
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
        // a look-up that finds nothing fails where it is made, and no later call throws it again
        assertThrows(org.testfx.service.query.EmptyNodeQueryException.class, () -> robot.lookup("#nowhere").query());
        WaitForAsyncUtils.asyncFx(() -> null).get();
        assertEquals(true, walkedOnFxThread.size() >= 4, "the look-ups went through the root: " + walkedOnFxThread);
        assertEquals(false, walkedOnFxThread.contains(false), "every walk ran on the JavaFX thread: " + walkedOnFxThread);
    }
}
