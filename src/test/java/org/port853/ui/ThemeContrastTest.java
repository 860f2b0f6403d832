package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.ui.common.SystemTheme;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every state colour, tag and badge the window writes white words on, and every coloured word on a card, reaches the
 * WCAG AA contrast for normal text (4.5:1) in the light and the dark theme: these are the words a person reads first
 * ("Leaking", "Protected", "Warning"), at 11–13 px.
 */
@ExtendWith(FxThreadApplicationExtension.class)
class ThemeContrastTest {
    private static final double AA = 4.5;

    @AfterEach
    void lightAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> SystemTheme.use(false)).get();
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("white words on state colours, tags and badges, and coloured words on cards, are at least 4.5:1")
    void stateColoursAreReadable(boolean dark) throws Exception {
        List<String> failures = WaitForAsyncUtils.asyncFx(() -> measure(dark)).get();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a pop-up notification (no desktop notification service) has a background its words can be read on")
    void popupNotificationIsReadable(boolean dark) throws Exception {
        Stage owner = WaitForAsyncUtils.asyncFx(() -> {
            SystemTheme.use(dark);
            StackPane root = new StackPane(new Label("owner"));
            root.getStyleClass().add("main-window");
            Scene scene = new Scene(root, 300, 200);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            s.requestFocus();
            return s;
        }).get();
        try {
            WaitForAsyncUtils.asyncFx(() -> org.port853.ui.common.Notifier.popups()
                    .notify(org.port853.ui.common.Notifier.Kind.WARNING, "Leak", "example.com went out in plaintext"))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            List<String> failures = WaitForAsyncUtils.asyncFx(() -> {
                Region pane = javafx.stage.Window.getWindows().stream()
                        .filter(w -> w instanceof javafx.stage.PopupWindow && w.getScene() != null)
                        .map(w -> w.getScene().getRoot().lookup(".notification-bar > .pane"))
                        .filter(n -> n instanceof Region).map(n -> (Region) n).findFirst()
                        .orElseThrow(() -> new AssertionError("no pop-up shown"));
                List<String> out = new ArrayList<>();
                Label text = (Label) pane.lookup(".label");
                check(out, "pop-up words", text.getTextFill(), fill(pane));
                return out;
            }).get();
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow)
                        .toList().forEach(javafx.stage.Window::hide);
                owner.close();
            }).get();
        }
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a switch that cannot be used still has readable words (AtlantaFX faded the switch and its label again: "
            + "1.4:1 on the card in both themes)")
    void disabledSwitchLabelIsReadable(boolean dark) throws Exception {
        double ratio = WaitForAsyncUtils.asyncFx(() -> {
            SystemTheme.use(dark);
            atlantafx.base.controls.ToggleSwitch encrypt = new atlantafx.base.controls.ToggleSwitch("Encrypt DNS");
            encrypt.getStyleClass().add("big-switch");
            encrypt.setDisable(true);
            VBox card = new VBox(encrypt);
            card.getStyleClass().add("card");
            StackPane root = new StackPane(card);
            root.getStyleClass().add("main-window");
            if (dark) root.getStyleClass().add("theme-dark");
            Scene scene = new Scene(root, 300, 100);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            root.applyCss();
            root.layout();
            // measured in the drawn pixels: the fading is opacity on the switch and on its label, not a text colour
            javafx.scene.Node label = encrypt.lookup(".label");
            javafx.geometry.Bounds b = label.localToScene(label.getLayoutBounds());
            javafx.scene.image.WritableImage shot = scene.snapshot(null);
            Color cardColor = fill(card);
            double best = 1;
            for (int x = (int) b.getMinX(); x < (int) b.getMaxX(); x++) {
                for (int y = (int) b.getMinY(); y < (int) b.getMaxY(); y++) {
                    best = Math.max(best, contrast(shot.getPixelReader().getColor(x, y), cardColor));
                }
            }
            return best;
        }).get();
        assertTrue(ratio >= AA, String.format("the disabled switch's words are %.2f:1 on the card", ratio));
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a selected row stands out from the rows around it (Primer's grey was 1.2:1 light, 1.5:1 dark) and its "
            + "words stay readable, with the list focused and not")
    void selectedRowsStandOut(boolean dark) throws Exception {
        javafx.scene.control.ListView<String> list = WaitForAsyncUtils.asyncFx(() -> {
            SystemTheme.use(dark);
            javafx.scene.control.ListView<String> l = new javafx.scene.control.ListView<>(
                    javafx.collections.FXCollections.observableArrayList("quad9", "cloudflare", "mullvad"));
            javafx.scene.control.Button elsewhere = new javafx.scene.control.Button("elsewhere");
            VBox root = new VBox(elsewhere, l);
            root.getStyleClass().add("main-window");
            if (dark) root.getStyleClass().add("theme-dark");
            Scene scene = new Scene(root, 300, 300);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            l.getSelectionModel().select(1);
            l.requestFocus();
            return l;
        }).get();
        try {
            WaitForAsyncUtils.waitForFxEvents();
            List<String> failures = new ArrayList<>();
            for (boolean focused : new boolean[] {true, false}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    if (focused) list.requestFocus(); else list.getParent().getChildrenUnmodifiable().get(0).requestFocus();
                    list.applyCss();
                    list.layout();
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                failures.addAll(WaitForAsyncUtils.asyncFx(() -> {
                    List<String> out = new ArrayList<>();
                    javafx.scene.control.ListCell<?> selected = null;
                    javafx.scene.control.ListCell<?> plain = null;
                    for (javafx.scene.Node n : list.lookupAll(".list-cell")) {
                        javafx.scene.control.ListCell<?> c = (javafx.scene.control.ListCell<?>) n;
                        if (c.getIndex() == 1) selected = c;
                        if (c.getIndex() == 0) plain = c;
                    }
                    String what = (dark ? "dark" : "light") + (focused ? ", focused" : ", not focused");
                    double apart = contrast(fill(selected), fill(plain));
                    if (apart < (focused ? 1.7 : 1.3)) {
                        out.add(String.format("%s: the selected row %s against a plain row %s is %.2f:1", what,
                                fill(selected), fill(plain), apart));
                    }
                    check(out, what + ": the selected row's words", selected.getTextFill(), fill(selected));
                    return out;
                }).get());
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> list.getScene().getWindow().hide()).get();
        }
    }

    private static List<String> measure(boolean dark) throws Exception {
        SystemTheme.use(dark);
        VBox card = new VBox();
        card.getStyleClass().add("card");
        List<Label> filled = new ArrayList<>();
        for (String tone : new String[] {"state-good", "state-warning", "state-bad", "state-neutral"}) {
            filled.add(label("state-chip", tone));
            StackPane stateCard = new StackPane(label("state-glyph"));
            stateCard.getStyleClass().addAll("state-card", tone);
            card.getChildren().add(stateCard);
        }
        for (String severity : new String[] {"severity-info", "severity-warning", "severity-unencrypted"}) {
            filled.add(label("severity-tag", severity));
        }
        for (String badge : new String[] {"badge-recommended", "badge-active", "badge-filtering", "badge-paused"}) {
            filled.add(label("badge", badge));
        }
        filled.add(label("demo-label"));
        List<Label> onCard = new ArrayList<>();
        for (String word : new String[] {"result-ok", "result-warn", "result-bad", "inline-error"}) {
            onCard.add(label(word));
        }
        List<Text> diff = new ArrayList<>();
        for (String line : new String[] {"diff-add", "diff-del", "diff-context"}) {
            Text t = new Text(line);
            t.getStyleClass().add(line);
            diff.add(t);
        }
        card.getChildren().addAll(filled);
        card.getChildren().addAll(onCard);
        card.getChildren().addAll(diff);
        StackPane root = new StackPane(card);
        root.getStyleClass().add("main-window");
        if (dark) root.getStyleClass().add("theme-dark");
        Scene scene = new Scene(root, 400, 900);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        Stage stage = new Stage();
        stage.setScene(scene);
        root.applyCss();

        List<String> failures = new ArrayList<>();
        Color cardColor = fill(card);
        for (Label l : filled) {
            check(failures, l.getStyleClass() + " white words", l.getTextFill(), fill(l));
        }
        for (var node : card.getChildren()) {
            if (node instanceof StackPane sc && sc.getStyleClass().contains("state-card")) {
                Label glyph = (Label) sc.getChildren().get(0);
                check(failures, sc.getStyleClass() + " glyph", glyph.getTextFill(), fill(glyph));
            }
        }
        for (Label l : onCard) {
            check(failures, l.getStyleClass() + " on a card", l.getTextFill(), cardColor);
        }
        for (Text t : diff) {
            check(failures, t.getStyleClass() + " on a card", t.getFill(), cardColor);
        }
        return failures;
    }

    private static Label label(String... styleClasses) {
        Label l = new Label("Leaking");
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    private static Color fill(Region r) {
        Background b = r.getBackground();
        if (b == null || b.getFills().isEmpty()) {
            throw new AssertionError(r.getStyleClass() + " has no background");
        }
        return (Color) b.getFills().get(b.getFills().size() - 1).getFill();
    }

    private static void check(List<String> failures, String what, Paint text, Color background) {
        double ratio = contrast((Color) text, background);
        if (ratio < AA) {
            failures.add(String.format("%s: %s on %s is %.2f:1", what, text, background, ratio));
        }
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
