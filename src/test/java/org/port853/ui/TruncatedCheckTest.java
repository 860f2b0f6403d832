package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The window tests' check for cut texts tells a cut label from a live one whose new text is not drawn yet. */
class TruncatedCheckTest extends WindowTestBase {
    @Test
    @DisplayName("a label whose text changed since the last layout pass is not cut; a label too narrow for its text is")
    void liveLabelIsNotCut() throws Exception {
        Label live = new Label("2");
        Label narrow = new Label("a text far too long for the width it is given");
        narrow.setMaxWidth(60);
        fx(() -> {
            stage.setScene(new Scene(new VBox(live, narrow), 300, 100));
            stage.show();
            return null;
        });
        waitUntil(() -> !NarrowWindowTest.truncated(MainWindow.Screen.TRAFFIC, narrow).isEmpty());
        List<String> cut = fx(() -> {
            live.setText("3"); // as a capture's tick does, between two layout passes
            return NarrowWindowTest.truncated(MainWindow.Screen.TRAFFIC, live.getParent());
        });
        assertEquals(1, cut.size(), String.join("\n", cut));
        assertEquals(true, cut.get(0).contains("far too long"), cut.get(0));
    }
}
