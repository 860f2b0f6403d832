package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.probe.doctor.Check;
import org.port853.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo window at its documented minimum size (720 × 520), in English and German: no text on any screen is cut
 * off with an ellipsis, and the diagnostics table's checks are not broken inside a word.
 */
class NarrowWindowTest extends WindowTestBase {
    @TempDir
    Path configDir;

    @AfterEach
    void systemLanguage() {
        I18n.use(null);
    }

    /** @param language "en" or "de", with "-windows" for the Windows sample machine */
    private void openNarrow(String language) throws Exception {
        I18n.use(Locale.forLanguageTag(language.replace("-windows", "")));
        open(language.endsWith("-windows")
                ? AppServices.forSampleDemo(new org.port853.platform.windows.demo.WindowsDemoAdapter(), configDir,
                        new Fakes.RecordingNotifier())
                : AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        assertEquals(MainWindow.MIN_WIDTH, WaitForAsyncUtils.asyncFx(() -> stage.getScene().getWidth()).get(), 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de", "de-windows"})
    @DisplayName("at 720 × 520 no screen cuts a text off")
    void noScreenTruncates(String language, FxRobot robot) throws Exception {
        openNarrow(language);
        List<String> cut = new ArrayList<>();
        for (MainWindow.Screen s : MainWindow.Screen.values()) {
            WaitForAsyncUtils.asyncFx(() -> window.show(s)).get();
            settle();
            if (s == MainWindow.Screen.DIAGNOSTICS) {
                runDiagnostics(robot);
            }
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> truncated(s, stage.getScene().getRoot())).get());
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> sidewaysScrolling(s, stage.getScene().getRoot())).get());
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> promptsCut(s, stage.getScene().getRoot())).get());
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> pastTheRightEdge(s, stage.getScene())).get());
            if (s == MainWindow.Screen.TRAFFIC) {
                org.port853.ui.traffic.TrafficGraph graph = robot.lookup(n -> n instanceof org.port853.ui.traffic.TrafficGraph)
                        .query();
                double[] legend = WaitForAsyncUtils.asyncFx(() -> new double[]{graph.legendRight(), graph.getWidth()}).get();
                if (legend[0] <= 0 || legend[0] > legend[1]) {
                    cut.add("TRAFFIC: the graph's legend ends at " + legend[0] + " in a graph " + legend[1] + " wide");
                }
            }
        }
        // the apply sheet over the screens: "Protect my DNS" previewed
        WaitForAsyncUtils.asyncFx(() -> {
            window.show(MainWindow.Screen.STATUS);
            window.statusViewModel().protect();
        }).get();
        // a preview, or (the Windows sample) the preview that says the change is not made
        waitUntil(() -> window.applyViewModel().phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW
                || window.applyViewModel().phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.REFUSED);
        settle();
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.STATUS, stage.getScene().getRoot())).get()
                .stream().map(t -> "apply sheet, " + t).toList());
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> pastTheRightEdge(MainWindow.Screen.STATUS, stage.getScene())).get()
                .stream().map(t -> "apply sheet, " + t).toList());
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#apply-diff").queryAll().stream()
                .flatMap(flow -> ((Parent) flow).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof Text t && t.getText().strip().length() > 0
                        && t.getBoundsInParent().getHeight() > 1.5 * t.getFont().getSize() * 1.5)
                .map(n -> "apply sheet: diff line wrapped: " + ((Text) n).getText().strip()).toList()).get());
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> diffBelowFold(stage.getScene().getRoot())).get());
        assertTrue(cut.isEmpty(), language + ": texts cut off at 720 × 520:\n" + String.join("\n", cut));
    }

    /**
     * Controls on screen {@code s} that reach past the window's right edge: a row whose words need more than the
     * window's width is laid out at that width all the same, and its end is cut by the window (the German header's
     * state chip was), with no ellipsis to find. Inside a sideways-scrolling area the overflow is the area's, not
     * the window's.
     */
    private static List<String> pastTheRightEdge(MainWindow.Screen s, javafx.scene.Scene scene) {
        List<String> out = new ArrayList<>();
        for (javafx.scene.Node n : scene.getRoot().lookupAll("*")) {
            if (n instanceof javafx.scene.control.Control c && shownInScene(c) && !insideAScrollingArea(c)) {
                double right = c.localToScene(c.getLayoutBounds()).getMaxX();
                if (right > scene.getWidth() + 0.5) {
                    out.add(s + ": " + c.getClass().getSimpleName() + " " + (c.getId() == null ? "" : c.getId() + " ")
                            + (c instanceof javafx.scene.control.Labeled l ? "'" + l.getText() + "' " : "")
                            + "ends at x " + right + " in a window " + scene.getWidth() + " wide");
                }
            }
        }
        return out;
    }

    private static boolean insideAScrollingArea(javafx.scene.Node n) {
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableView<?> || p instanceof javafx.scene.control.ListView<?>
                    || p.getStyleClass().contains("diff-scroll")) {
                return true;
            }
        }
        return false;
    }

    /** The diff block's bottom edge (its sideways scroll bar) below what the sheet shows before it is scrolled. */
    private static List<String> diffBelowFold(javafx.scene.Node root) {
        javafx.scene.Node diff = root.lookup(".diff-scroll");
        javafx.scene.Node body = root.lookup(".sheet-body");
        if (diff == null || body == null || !shownInScene(diff)) {
            return List.of();
        }
        double diffBottom = diff.localToScene(diff.getLayoutBounds()).getMaxY();
        double fold = body.localToScene(body.getLayoutBounds()).getMaxY();
        return diffBottom <= fold + 0.5 ? List.of()
                : List.of("apply sheet: the diff ends at y " + diffBottom + ", below the sheet's fold at y " + fold);
    }

    /** Empty text fields on screen {@code s} whose placeholder is wider than the field shows. */
    private static List<String> promptsCut(MainWindow.Screen s, javafx.scene.Node root) {
        List<String> out = new ArrayList<>();
        for (javafx.scene.Node n : root.lookupAll(".text-field")) {
            if (n instanceof javafx.scene.control.TextField f && shownInScene(f) && f.getText().isEmpty()
                    && f.getPromptText() != null && !f.getPromptText().isEmpty()) {
                Text probe = new Text(f.getPromptText());
                probe.setFont(f.getFont());
                double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                    out.add(s + ": placeholder '" + f.getPromptText() + "' of " + f.getId() + " needs "
                            + probe.getLayoutBounds().getWidth() + " px, the field shows " + room);
                }
            }
        }
        return out;
    }

    /** Lists that scroll sideways on screen {@code s}: a row wider than the list (a name with its badges). */
    private static List<String> sidewaysScrolling(MainWindow.Screen s, javafx.scene.Node root) {
        List<String> out = new ArrayList<>();
        for (javafx.scene.Node n : root.lookupAll(".list-view")) {
            for (javafx.scene.Node b : n.lookupAll(".scroll-bar")) {
                if (b instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && shownInScene(bar)) {
                    out.add(s + ": list " + n.getId() + " scrolls sideways");
                }
            }
        }
        return out;
    }

    private static boolean shownInScene(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at 720 × 520 the table of all queries cuts no heading, time, interface or type (walkthrough: '10:34:…', "
            + "'Inter…')")
    void allQueriesTableAtMinimumSize(String language) throws Exception {
        openNarrow(language);
        WaitForAsyncUtils.asyncFx(() -> {
            window.show(MainWindow.Screen.TRAFFIC);
            window.trafficViewModel().groupByProperty().set(null);
        }).get();
        waitUntil(() -> !window.trafficViewModel().leaks().isEmpty());
        settle();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) stage.getScene()
                    .lookup("#leak-table");
            List<String> out = new ArrayList<>();
            for (Node h : table.lookupAll(".column-header")) {
                out.addAll(truncated(MainWindow.Screen.TRAFFIC, h));
            }
            for (Node c : table.lookupAll(".table-cell")) {
                if (c instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                        && List.of(0, 1, 4).contains(table.getColumns().indexOf(cell.getTableColumn()))) {
                    out.addAll(truncated(MainWindow.Screen.TRAFFIC, cell));
                }
            }
            return out;
        }).get();
        assertTrue(cut.isEmpty(), language + ": " + String.join("\n", cut));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at 720 × 520 the Traffic screen shows a readable graph and, without scrolling, room for two leak groups")
    void trafficListVisibleAtMinimumSize(String language) throws Exception {
        openNarrow(language);
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.TRAFFIC)).get();
        settle();
        double[] at = WaitForAsyncUtils.asyncFx(() -> {
            Node list = stage.getScene().lookup("#leak-views");
            org.port853.ui.traffic.TrafficGraph graph = (org.port853.ui.traffic.TrafficGraph) stage.getScene()
                    .lookup("#traffic-graph");
            return new double[]{list.localToScene(list.getLayoutBounds()).getMinY(), stage.getScene().getHeight(),
                    graph.plotHeight(), graph.legendRight(), graph.getWidth()};
        }).get();
        // a group is a bold line, its reason and its fix: ~53 px with the cell's padding (90 px showed one and a half)
        assertTrue(at[1] - at[0] >= 110, language + ": the leak list starts " + (at[1] - at[0])
                + " px above the window's bottom edge");
        // a two-row legend left a plot of 42 px, too short for the axis's title "queries / s" (walkthrough)
        assertTrue(at[2] >= 80, language + ": plot " + at[2] + " px high");
        assertTrue(at[3] <= at[4], language + ": legend cut off at " + at[3] + " of " + at[4] + " px");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at 720 × 520 the diagnostics table breaks its checks' names only between words")
    void diagnosticsReadableWhenNarrow(String language, FxRobot robot) throws Exception {
        TableView<Check> checks = narrowDiagnostics(language, robot);
        List<String> broken = WaitForAsyncUtils.asyncFx(() -> brokenWordsIn(checks)).get();
        assertTrue(broken.isEmpty(), language + ": words broken inside: " + broken);
        List<String> headers = WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.DIAGNOSTICS, checks)).get();
        assertTrue(headers.isEmpty(), language + ": " + headers);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at 720 × 520 a fix too long for the table's height is read whole below it once its check is chosen")
    void aLongFixIsReadWholeWhenNarrow(String language, FxRobot robot) throws Exception {
        TableView<Check> checks = narrowDiagnostics(language, robot);
        String fix = "Begin. " + "This fix goes on to say what to do, one careful step after another. ".repeat(20) + "End.";
        WaitForAsyncUtils.asyncFx(() -> checks.getItems().add(0, Check.warning("config.cache", null, "Seen.", fix))).get();
        settle();
        double rowHeight = WaitForAsyncUtils.asyncFx(() -> checks.lookupAll(".table-row-cell").stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n).filter(r -> r.isVisible() && r.getItem() != null
                        && ((Check) r.getItem()).evidence().equals("Seen.")).findFirst().orElseThrow().getHeight()).get();
        assertTrue(rowHeight > checks.getHeight(), "the row is taller than the table, seen there only in parts: "
                + rowHeight + " in " + checks.getHeight());

        javafx.scene.control.Label detail = robot.lookup("#diag-check-detail").query();
        assertEquals(I18n.t("diag.checks.selectHint"), WaitForAsyncUtils.asyncFx(detail::getText).get());
        WaitForAsyncUtils.asyncFx(() -> checks.getSelectionModel().select(0)).get();
        settle();
        assertTrue(WaitForAsyncUtils.asyncFx(detail::getText).get().endsWith(fix), detail.getText());
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.DIAGNOSTICS, detail)).get();
        assertTrue(cut.isEmpty(), String.join("\n", cut));
        javafx.scene.control.ScrollPane page = robot.lookup("#diagnostics-view").query();
        WaitForAsyncUtils.asyncFx(() -> {
            double contentHeight = page.getContent().getLayoutBounds().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double top = page.getContent().sceneToLocal(detail.localToScene(0, 0)).getY();
            page.setVvalue(Math.min(1, Math.max(0, (top - 8) / (contentHeight - viewport))));
            return null;
        }).get();
        settle();
        double[] shown = WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds view = page.localToScene(page.getLayoutBounds());
            javafx.geometry.Bounds label = detail.localToScene(detail.getLayoutBounds());
            return new double[]{view.getMinY(), view.getMaxY(), label.getMinY(), label.getMaxY(),
                    detail.getHeight(), detail.prefHeight(detail.getWidth())};
        }).get();
        assertTrue(shown[4] >= shown[5] - 1, "every line of the fix has its height: " + java.util.Arrays.toString(shown));
        assertTrue(shown[2] >= shown[0] && shown[3] <= shown[1], "the whole of it in view at once: "
                + java.util.Arrays.toString(shown));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at the starting size 1040 × 740 (catalogue and choice side by side) a long provider name wraps in the list")
    void providerNamesWrapAtStartingSize(String language, FxRobot robot) throws Exception {
        I18n.use(Locale.forLanguageTag(language));
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.PROVIDERS)).get();
        settle();
        javafx.scene.control.ListView<?> list = robot.lookup("#provider-list").query();
        // scroll through the whole catalogue: the longest names are not among the first rows
        for (int i = 0; i < list.getItems().size(); i += 4) {
            int row = i;
            WaitForAsyncUtils.asyncFx(() -> list.scrollTo(row)).get();
            settle();
            List<String> cut = new ArrayList<>(WaitForAsyncUtils.asyncFx(
                    () -> sidewaysScrolling(MainWindow.Screen.PROVIDERS, stage.getScene().getRoot())).get());
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.PROVIDERS, list)).get());
            // and no badge is pushed past the row's right edge, where the list cuts it off
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> list.lookupAll(".list-cell").stream()
                    .flatMap(cell -> cell.lookupAll(".provider-title").stream()
                            .flatMap(t -> ((javafx.scene.Parent) t).getChildrenUnmodifiable().stream())
                            .filter(c -> c.isVisible() && c.localToScene(c.getLayoutBounds()).getMaxX()
                                    > cell.localToScene(cell.getLayoutBounds()).getMaxX() + 0.5)
                            .map(c -> "PROVIDERS: '" + ((Labeled) c).getText() + "' runs past its row"))
                    .toList()).get());
            assertTrue(cut.isEmpty(), language + ", rows from " + row + ":\n" + String.join("\n", cut));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at the starting size 1040 × 740 the diagnostics fix buttons and every key-pin column are whole")
    void diagnosticsWholeAtStartingSize(String language, FxRobot robot) throws Exception {
        I18n.use(Locale.forLanguageTag(language));
        open(AppServices.forDemo(new DemoResolverAdapter(), configDir, new Fakes.RecordingNotifier()));
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.DIAGNOSTICS)).get();
        settle();
        TableView<Check> checks = runDiagnostics(robot);
        settle();
        List<String> cut = new ArrayList<>(WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.DIAGNOSTICS, checks)).get());
        // nor is a check's name broken inside a word (German walkthrough: "Verschlüsselungsmo|dus")
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> brokenWordsIn(checks)).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> checks.lookupAll(".button").stream()
                .anyMatch(b -> b.isVisible() && ((Labeled) b).getText().equals(I18n.t("diag.fix")))).get(), "a fix button shown");
        TableView<?> pins = robot.lookup("#diag-pin-table").query();
        waitUntil(() -> !pins.getItems().isEmpty());
        settle();
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> truncated(MainWindow.Screen.DIAGNOSTICS, pins)).get());
        double[] widths = WaitForAsyncUtils.asyncFx(() -> new double[]{pins.getColumns().stream()
                .mapToDouble(javafx.scene.control.TableColumnBase::getWidth).sum(),
                pins.getWidth() - pins.getInsets().getLeft() - pins.getInsets().getRight()}).get();
        if (widths[0] > widths[1] + 0.5) {
            cut.add("key pins: columns " + widths[0] + " wide in a table " + widths[1] + " wide (the last ones cut)");
        }
        assertTrue(cut.isEmpty(), language + ": " + String.join("\n", cut));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    @DisplayName("at 720 × 520 every key-pin column can be reached: they fit, or the table scrolls sideways")
    void keyPinColumnsReachableWhenNarrow(String language, FxRobot robot) throws Exception {
        openNarrow(language);
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.DIAGNOSTICS)).get();
        settle();
        runDiagnostics(robot);
        TableView<?> pins = robot.lookup("#diag-pin-table").query();
        waitUntil(() -> !pins.getItems().isEmpty());
        settle();
        String unreachable = WaitForAsyncUtils.asyncFx(() -> {
            double columns = pins.getColumns().stream().mapToDouble(javafx.scene.control.TableColumnBase::getWidth).sum();
            double room = pins.getWidth() - pins.getInsets().getLeft() - pins.getInsets().getRight();
            boolean scrolls = pins.lookupAll(".scroll-bar").stream().anyMatch(b -> b.isVisible()
                    && ((javafx.scene.control.ScrollBar) b).getOrientation() == javafx.geometry.Orientation.HORIZONTAL);
            boolean cutColumn = pins.getColumns().stream().anyMatch(c -> c.getWidth() < c.getMinWidth() - 0.5);
            return cutColumn ? "a column narrower than its least width"
                    : columns > room + 0.5 && !scrolls ? "columns " + columns + " wide in " + room + " and no scroll bar"
                    : null;
        }).get();
        assertEquals(null, unreachable, language);
    }

    /** The words the table's wrapped texts break inside, on the JavaFX thread. */
    private static List<String> brokenWordsIn(TableView<Check> checks) {
        List<String> out = new ArrayList<>();
        for (Node n : checks.lookupAll(".wrapped-text")) {
            Text t = (Text) n;
            if (t.isVisible() && t.getText() != null && !t.getText().isEmpty()) {
                out.addAll(brokenWords(t));
            }
        }
        return out;
    }

    /** The Diagnostics screen at 720 × 520 in {@code language}, its checks run. */
    private TableView<Check> narrowDiagnostics(String language, FxRobot robot) throws Exception {
        openNarrow(language);
        WaitForAsyncUtils.asyncFx(() -> window.show(MainWindow.Screen.DIAGNOSTICS)).get();
        settle();
        return runDiagnostics(robot);
    }

    private TableView<Check> runDiagnostics(FxRobot robot) throws Exception {
        TableView<Check> checks = robot.lookup("#diag-checks").query();
        if (checks.getItems().isEmpty()) {
            WaitForAsyncUtils.asyncFx(() -> robot.lookup("#diag-run").queryButton().fire()).get();
            waitUntil(() -> !checks.getItems().isEmpty());
            settle();
        }
        return checks;
    }

    private static void settle() throws Exception {
        // a few pulses: wrapped rows measure themselves again after the first layout
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Every visible Labeled under {@code n} whose skin shows less than its text (an ellipsis). */
    static List<String> truncated(MainWindow.Screen screen, Node n) {
        List<String> out = new ArrayList<>();
        if (!n.isVisible()) {
            return out;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = shownText(l);
            String meant = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
            // the skin draws a new text at the next layout pass: a live label (Traffic's totals) read between its
            // setText and that pass shows the text before, not a cut one
            if (shown != null && !shown.equals(meant) && !l.isNeedsLayout()) {
                out.add(screen + ": '" + meant + "' shown as '" + shown + "' (" + l.getClass().getSimpleName()
                        + (l.getId() == null ? "" : " #" + l.getId()) + ")");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(truncated(screen, c));
            }
        }
        return out;
    }

    /** The text the Labeled's skin draws (its LabeledText child), or null when it has no skin yet. */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /** The words a wrapped text node splits across two lines (a line that ends inside a word). */
    private static List<String> brokenWords(Text t) {
        List<String> out = new ArrayList<>();
        String s = t.getText();
        // the text's lines, from the caret positions: where the y of a character's shape changes a line begins
        double lastY = Double.NaN;
        for (int i = 0; i < s.length(); i++) {
            javafx.scene.shape.PathElement[] caret = t.caretShape(i, true);
            double y = caret.length > 0 && caret[0] instanceof javafx.scene.shape.MoveTo m ? m.getY() : Double.NaN;
            if (!Double.isNaN(lastY) && y > lastY + 1 && i > 0) {
                char before = s.charAt(i - 1);
                char at = s.charAt(i);
                if (Character.isLetterOrDigit(before) && Character.isLetterOrDigit(at)) {
                    out.add("'" + s + "' broken at '" + s.substring(Math.max(0, i - 6), i) + "|"
                            + s.substring(i, Math.min(s.length(), i + 6)) + "'");
                }
            }
            lastY = y;
        }
        return out;
    }
}
