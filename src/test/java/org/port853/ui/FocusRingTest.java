package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
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
 * Every kind of control the window has shows where the keyboard is (issue 16): drawn with focus, it looks different
 * from drawn without. AtlantaFX marks none on check boxes, radio buttons, links, tabs, list rows and collapsible
 * blocks, and a list or table with no row marked, or a selected toggle button, showed none either.
 */
@ExtendWith(FxThreadApplicationExtension.class)
class FocusRingTest {
    @AfterEach
    void lightAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> SystemTheme.use(false)).get();
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("check box, radio button, link, tab, list row, list and table without a row, selected toggle button "
            + "and collapsible block each look different with keyboard focus")
    void everyControlShowsFocus(boolean dark) throws Exception {
        CheckBox check = new CheckBox("Show notifications");
        RadioButton radio = new RadioButton("Strict");
        Hyperlink link = new Hyperlink("https://example.org/");
        TabPane tabs = new TabPane(new Tab("Status"), new Tab("Providers"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("Quad9", "Mullvad", "AdGuard"));
        list.setPrefHeight(120);
        // with nothing selected or focused in it (the Chosen list before a pick, a table that was just tabbed into)
        ListView<String> unpicked = new ListView<>(FXCollections.observableArrayList("Quad9"));
        unpicked.setPrefHeight(60);
        javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(
                FXCollections.observableArrayList("9.9.9.9#dns.quad9.net"));
        table.getColumns().add(new javafx.scene.control.TableColumn<>("Server"));
        table.setPrefHeight(80);
        javafx.scene.control.ToggleButton pause = new javafx.scene.control.ToggleButton("Pause");
        pause.setSelected(true); // filled with the accent colour, as By name is while chosen
        javafx.scene.control.TitledPane changes = new javafx.scene.control.TitledPane("Changes to files", new javafx.scene.control.Label("diff"));
        changes.setExpanded(false);
        Button elsewhere = new Button("elsewhere");
        VBox root = new VBox(12, elsewhere, check, radio, link, tabs, list, unpicked, table, pause, changes);
        root.setStyle("-fx-padding: 12;");
        show(root, dark, 400, 760);
        WaitForAsyncUtils.asyncFx(() -> {
            list.getFocusModel().focus(1);
            unpicked.getFocusModel().focus(-1);
            table.getFocusModel().focus(-1);
        }).get();
        List<String> unmarked = new ArrayList<>();
        // the harness's own check: AtlantaFX marks a focused button, so a button missing here means shots work
        Button control = new Button("control");
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().add(control)).get();
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : List.of(control, check, radio, link, tabs, list, unpicked, table, pause, changes)) {
            WritableImage without = shot(elsewhere, n);
            WritableImage with = shot(n, n);
            int marked = changedPixels(without, with);
            if (marked < RING) {
                unmarked.add(n.getClass().getSimpleName() + " (" + marked + " pixels)");
            }
        }
        assertTrue(unmarked.isEmpty(), "no visible focus on " + unmarked);
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("the encryption switch, on (its track in the accent colour) and off, shows focus as a ring set apart "
            + "from the track: a glow in the track's own colour only made the switch look a little larger")
    void switchRingStandsApartFromItsTrack(boolean dark) throws Exception {
        atlantafx.base.controls.ToggleSwitch on = new atlantafx.base.controls.ToggleSwitch();
        on.setSelected(true);
        atlantafx.base.controls.ToggleSwitch off = new atlantafx.base.controls.ToggleSwitch();
        Button elsewhere = new Button("elsewhere");
        VBox root = new VBox(16, elsewhere, on, off);
        root.setStyle("-fx-padding: 16;");
        root.getStyleClass().add("main-window");
        show(root, dark, 200, 200);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> unmarked = new ArrayList<>();
        for (atlantafx.base.controls.ToggleSwitch sw : List.of(on, off)) {
            WritableImage without = shot(elsewhere, sw);
            WritableImage with = shot(sw, sw);
            // the track's right end, in the shot (which starts 6 px left of and above the switch)
            javafx.geometry.Bounds track = WaitForAsyncUtils.asyncFx(() -> sw.lookup(".thumb-area").getBoundsInParent())
                    .get();
            int y = (int) Math.round(6 + track.getCenterY());
            int end = (int) Math.ceil(6 + track.getMaxX());
            boolean gap = false;
            boolean ring = false;
            for (int x = end; x < end + 6 && x < (int) with.getWidth(); x++) {
                int bg = without.getPixelReader().getArgb(x, y);
                int d = distance(bg, with.getPixelReader().getArgb(x, y));
                gap |= x < end + 3 && d < 40;
                ring |= gap && d > 120;
            }
            if (!gap || !ring) {
                unmarked.add((sw.isSelected() ? "on" : "off") + " (gap " + gap + ", ring " + ring + ")");
            }
        }
        assertTrue(unmarked.isEmpty(), "no ring apart from the track on " + unmarked);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
        }
        return d;
    }

    /** {@code root} in the window's stylesheet and theme, on the test stage. */
    private static void show(VBox root, boolean dark, double width, double height) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            SystemTheme.use(dark);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        }).get();
    }

    /** The node drawn (with a margin for a ring) while {@code focus} has the keyboard focus. */
    private static WritableImage shot(Node focus, Node n) throws Exception {
        WaitForAsyncUtils.asyncFx(focus::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds b = n.getBoundsInParent();
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setViewport(new javafx.geometry.Rectangle2D(b.getMinX() - 6, b.getMinY() - 6, b.getWidth() + 12,
                    b.getHeight() + 12));
            return n.getParent().snapshot(p, null);
        }).get();
    }

    /** A ring, not a few stray pixels: a ring clipped by its container left only its corners (12 pixels). */
    private static final int RING = 40;

    private static int changedPixels(WritableImage a, WritableImage b) {
        int changed = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }
}
