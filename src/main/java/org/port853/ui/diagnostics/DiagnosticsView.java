package org.port853.ui.diagnostics;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.common.Confirm;
import org.port853.ui.common.I18n;
import org.port853.ui.common.SpkiPins;
import org.port853.ui.common.Ui;

/** The Diagnostics screen: the doctor's checks with their fixes, the recorded pins, and the provider benchmark chart. */
public final class DiagnosticsView extends ScrollPane {
    /** {@code onFix}: carries out a check's one-click fix (through the planned, previewed apply path). */
    public DiagnosticsView(DiagnosticsViewModel vm, Consumer<Check> onFix) {
        this(vm, onFix, c -> true);
    }

    /** {@code offered}: whether a check's fix can be made now (its Fix button is shown only then). */
    public DiagnosticsView(DiagnosticsViewModel vm, Consumer<Check> onFix, java.util.function.Predicate<Check> offered) {
        setId("diagnostics-view");
        Ui.withoutViewportCache(this);
        setFitToWidth(true);
        Label intro = new Label(I18n.t("diag.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("explain");

        Button doctor = button("diag-run", "diag.run", vm::runDoctor, vm);
        doctor.getStyleClass().add("accent");
        Button pins = button("diag-pins", "diag.pins.check", vm::checkPins, vm);
        // the benchmark tells every provider of the catalogue this computer's address: asked first, Cancel the default
        Button bench = button("diag-bench", "diag.bench.run", () -> {
            if (!vm.benchContactsProviders() || org.port853.ui.common.Confirm.ask(this, I18n.t("diag.bench"),
                    I18n.t("diag.bench.confirm"), I18n.t("diag.bench.confirm.do"), true)) {
                vm.runBench();
            }
        }, vm);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        Ui.showWhen(progress, vm.runningProperty());
        HBox controls = new HBox(10, doctor, pins, bench, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label headline = new Label();
        headline.setId("diag-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());

        Label alertText = new Label();
        alertText.setId("diag-pin-alert");
        alertText.setWrapText(true);
        alertText.textProperty().bind(vm.pinAlertProperty());
        Button dismiss = new Button(I18n.t("diag.pins.dismiss"));
        dismiss.setOnAction(e -> vm.dismissPinAlert());
        var alertBanner = Ui.banner("banner-error", I18n.t("diag.pins.changed"), alertText, dismiss);
        Ui.showWhen(alertBanner, vm.pinAlertProperty().isNotNull());

        TableView<Check> checks = new TableView<>(vm.checks());
        checks.setId("diag-checks");
        vm.outdatedProperty().addListener((o, was, is) -> checks.refresh()); // the Fix buttons go with the settings
        checks.setPlaceholder(new Label(I18n.t("diag.checks.none"))); // the headline above already says "not run yet"
        // the columns share the table's width (the sentences wrap), no sideways scrolling
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // the verdict itself, so the column sorts by severity (OK, warning, failure), not by the word
        TableColumn<Check, CheckStatus> status = new TableColumn<>(I18n.t("diag.col.status"));
        status.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().status()));
        status.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CheckStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : CheckTexts.statusText(s));
            }
        });
        status.setPrefWidth(80);
        status.setMinWidth(80); // "Warnung" / "Warning" whole
        TableColumn<Check, String> name = Ui.wrapping(said("diag.col.check", CheckTexts.Text::name, 160));
        // the longest word of the checks' names whole ("Verschlüsselungsmodus"): a column never breaks a word
        name.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(CHECK_MIN_WIDTH,
                vm.checks().stream().map(c -> CheckTexts.of(c).name()).flatMap(n -> java.util.Arrays.stream(n.split("\\s+")))
                        .mapToDouble(DiagnosticsView::fitting).max().orElse(0)), vm.checks()));
        TableColumn<Check, String> server = Ui.column(I18n.t("diag.col.server"), c -> c.server() == null ? "" : c.server(), 170);
        server.setMinWidth(170); // an address with its name: not broken mid-word
        TableColumn<Check, String> evidence = Ui.wrapping(said("diag.col.evidence", CheckTexts.Text::evidence, 360));
        evidence.setMinWidth(TEXT_MIN_WIDTH);
        TableColumn<Check, String> fix = Ui.wrapping(said("diag.col.fix", t -> t.fix() == null ? "" : t.fix(), 300));
        fix.setMinWidth(TEXT_MIN_WIDTH);
        // narrow: one column with the check's name and, below it, its server, evidence and fix
        TableColumn<Check, String> details = Ui.wrapping(said("diag.col.check", DiagnosticsView::details, 400));
        details.setId("diag-col-details");
        TableColumn<Check, String> action = new TableColumn<>(I18n.t("diag.col.action"));
        // the "Fix…" button whole, in every language ("Beheben…"): its text, the button's and the cell's padding
        double actionWidth = Math.max(90, Math.max(fitting(I18n.t("diag.fix")), fitting(I18n.t("diag.col.action"))) + 24);
        action.setPrefWidth(actionWidth);
        action.setMinWidth(actionWidth);
        action.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().fixAction()));
        // a column of empty cells only when some check has a fix Port853 can apply itself
        action.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.checks().stream().anyMatch(c -> c.fixAction() != null), vm.checks()));
        action.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || vm.outdatedProperty().get()
                        || !offered.test(getTableView().getItems().get(getIndex()))) {
                    setGraphic(null);
                    return;
                }
                Button b = new Button(I18n.t("diag.fix"));
                b.setOnAction(e -> onFix.accept(getTableView().getItems().get(getIndex())));
                setGraphic(b);
            }
        });
        java.util.List<TableColumn<Check, ?>> wide = java.util.List.of(status, name, server, evidence, fix, action);
        java.util.List<TableColumn<Check, ?>> narrow = java.util.List.of(status, details, action);
        checks.getColumns().setAll(wide);
        checks.widthProperty().addListener((o, a, w) -> {
            java.util.List<TableColumn<Check, ?>> layout = w.doubleValue() < WIDE_TABLE ? narrow : wide;
            if (!checks.getColumns().equals(layout)) {
                checks.getColumns().setAll(layout);
            }
        });
        checks.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Check c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-ok", "check-warning", "check-failure");
                if (!empty && c != null) getStyleClass().add("check-" + c.status().jsonName());
            }
        });
        checks.setPrefHeight(320);
        VBox.setVgrow(checks, Priority.ALWAYS); // a tall window shows more checks, not empty space below the screen
        Label detail = selectedCheck(checks);

        TableView<PinRecord> pinTable = new TableView<>(vm.pins());
        pinTable.setId("diag-pin-table");
        pinTable.setPlaceholder(new Label(I18n.t("diag.pins.none")));

        TableColumn<PinRecord, String> pinServer = Ui.column(I18n.t("diag.col.server"), PinRecord::server, 200);
        pinServer.setMinWidth(fitting("9.9.9.9#dns.quad9.net")); // a usual server whole
        TableColumn<PinRecord, String> pin = Ui.column(I18n.t("diag.col.pin"), p -> SpkiPins.text(p.pin()),
                fitting(SpkiPins.text("0".repeat(44))));
        // the source's words wrap (German's are long) rather than push the date out
        TableColumn<PinRecord, String> source = Ui.wrapping(Ui.column(I18n.t("diag.col.source"), p -> "tofu".equals(p.source())
                ? I18n.t("diag.pins.tofu") : p.source(), Math.max(140, fitting(I18n.t("diag.pins.tofu")))));
        source.setMinWidth(140);
        TableColumn<PinRecord, String> checked = Ui.column(I18n.t("diag.col.checked"),
                p -> p.lastChecked() == null ? "" : I18n.dateTime(p.lastChecked()),
                Math.max(fitting(I18n.t("diag.col.checked")), fitting(I18n.dateTime(java.time.Instant.parse("2026-12-31T23:59:59Z")))));
        for (TableColumn<PinRecord, String> c : java.util.List.of(pin, checked)) {
            c.setMinWidth(c.getPrefWidth());
        }
        pinTable.getColumns().setAll(java.util.List.of(pinServer, pin, source, checked));
        // the columns share the table's width, each at least as wide as its texts (sideways scrolling only when narrower)
        Ui.sharedWidthOrScroll(pinTable);
        pinTable.setPrefHeight(140);
        Label watching = new Label();
        watching.setId("diag-pins-watching");
        watching.getStyleClass().add("hint");
        watching.textProperty().bind(vm.watchingProperty());
        Ui.showWhen(watching, vm.watchingProperty().isNotEmpty());
        // a changed key is accepted here, not only with 'port853 pins --accept', after a question that says the risk
        Label changedText = new Label();
        changedText.setWrapText(true);
        changedText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.t("diag.pins.changedKeys", vm.changedKeysProperty().get()), vm.changedKeysProperty()));
        Button accept = new Button(I18n.t("diag.pins.accept"));
        accept.setId("diag-pins-accept");
        accept.setMinWidth(Region.USE_PREF_SIZE);
        accept.disableProperty().bind(vm.runningProperty());
        accept.setOnAction(e -> {
            if (Confirm.ask(accept, I18n.t("diag.pins.accept"), I18n.t("diag.pins.accept.confirm",
                    vm.changedKeysProperty().get()), I18n.t("diag.pins.accept.yes"), true)) {
                vm.acceptChangedKeys();
            }
        });
        HBox.setHgrow(changedText, Priority.ALWAYS);
        HBox changedRow = new HBox(10, changedText, accept);
        changedRow.setId("diag-pins-changed");
        changedRow.setAlignment(Pos.CENTER_LEFT);
        Ui.showWhen(changedRow, vm.changedKeysProperty().isNotEmpty());

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(I18n.t("diag.bench.ms"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("diag-bench-chart");
        chart.setAnimated(false);
        chart.setTitle(I18n.t("diag.bench.title"));
        chart.setPrefHeight(300);
        chart.getStyleClass().add("bench-chart"); // the theme's accent colours, not JavaFX's orange and green
        vm.bench().addListener((ListChangeListener<BenchResult>) c -> fillChart(chart, vm));
        // no empty axes before a benchmark ran: "not run yet", as the checks table says
        Label benchIdle = new Label(I18n.t("diag.bench.idle"));
        benchIdle.setId("diag-bench-idle");
        benchIdle.setWrapText(true);
        benchIdle.getStyleClass().add("hint");
        javafx.beans.binding.BooleanBinding benchRan = javafx.beans.binding.Bindings.isNotEmpty(vm.bench());
        Ui.showWhen(chart, benchRan);
        Ui.showWhen(benchIdle, benchRan.not());
        Label benchProblems = new Label();
        benchProblems.setId("diag-bench-problems");
        benchProblems.setWrapText(true);
        benchProblems.getStyleClass().add("hint");
        benchProblems.textProperty().bind(vm.benchProblemsProperty());
        Ui.showWhen(benchProblems, vm.benchProblemsProperty().isNotEmpty());
        Label suggestion = new Label();
        suggestion.setId("diag-suggestion");
        suggestion.setWrapText(true);
        suggestion.textProperty().bind(vm.suggestionProperty());

        VBox content = new VBox(12, intro, controls, headline, alertBanner, Ui.sectionLabel(I18n.t("diag.checks")), checks,
                detail, Ui.sectionLabel(I18n.t("diag.pins")), watching, pinTable, changedRow, Ui.sectionLabel(I18n.t("diag.bench")), benchIdle, chart, benchProblems,
                suggestion);
        content.getStyleClass().addAll("screen", "screen-content");
        content.setMinHeight(Region.USE_PREF_SIZE); // shorter than that, the screen scrolls instead of squeezing
        setFitToHeight(true);
        setContent(content);
        vm.loadPins();
    }

    /** Below this width the checks' table shows one column of details instead of its minimum-width columns. */
    static final double WIDE_TABLE = 980;
    private static final double CHECK_MIN_WIDTH = 150;
    private static final double TEXT_MIN_WIDTH = 200;

    /**
     * The selected check in full below the table, its fix too: a row taller than the table (a long fix in a narrow
     * column) is seen there only in parts, scrolled inside the table, while this text wraps and the screen scrolls.
     * Before a row is chosen it says how to read one so.
     */
    private static Label selectedCheck(TableView<Check> checks) {
        Label detail = new Label();
        detail.setId("diag-check-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE); // grows with its lines, never cut with an ellipsis
        javafx.beans.value.ObservableValue<Check> selected = checks.getSelectionModel().selectedItemProperty();
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> selected.getValue() == null
                ? I18n.t("diag.checks.selectHint") : details(CheckTexts.of(selected.getValue())), selected));
        detail.getStyleClass().add("hint");
        selected.addListener((o, was, is) -> {
            detail.getStyleClass().remove("hint");
            if (is == null) detail.getStyleClass().add("hint");
        });
        Ui.showWhen(detail, javafx.beans.binding.Bindings.isNotEmpty(checks.getItems()));
        return detail;
    }

    /** The check's name, then its server, what was seen and the fix, each on a line (the narrow layout's one cell). */
    private static String details(CheckTexts.Text t) {
        StringBuilder b = new StringBuilder(t.name());
        if (t.check().server() != null) b.append('\n').append(t.check().server());
        if (t.evidence() != null && !t.evidence().isBlank()) b.append('\n').append(t.evidence());
        if (t.fix() != null && !t.fix().isBlank()) b.append('\n').append(I18n.t("reason.fix", t.fix()));
        return b.toString();
    }

    /** A column width that holds {@code text} in the table's font with room to spare (the theme's font is larger). */
    private static double fitting(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        return Math.ceil(t.getLayoutBounds().getWidth() * 1.1) + 24;
    }

    /** A column of the checks' texts in the window's language. */
    private static TableColumn<Check, String> said(String titleKey, java.util.function.Function<CheckTexts.Text, String> part,
                                                   double width) {
        return Ui.column(I18n.t(titleKey), c -> part.apply(CheckTexts.of(c)), width);
    }

    private static Button button(String id, String key, Runnable action, DiagnosticsViewModel vm) {
        Button b = new Button(I18n.t(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(vm.runningProperty());
        return b;
    }

    private static void fillChart(BarChart<String, Number> chart, DiagnosticsViewModel vm) {
        XYChart.Series<String, Number> hs = new XYChart.Series<>();
        hs.setName(I18n.t("diag.bench.handshake"));
        XYChart.Series<String, Number> cold = new XYChart.Series<>();
        cold.setName(I18n.t("diag.bench.cold"));
        XYChart.Series<String, Number> warm = new XYChart.Series<>();
        warm.setName(I18n.t("diag.bench.warm"));
        for (BenchResult b : vm.bench()) {
            String label = b.rank() + ". " + (b.provider() != null ? b.provider() : b.server().addressText());
            if (b.handshakeMillis() != null) hs.getData().add(new XYChart.Data<>(label, b.handshakeMillis()));
            if (b.coldMedian() != null) cold.getData().add(new XYChart.Data<>(label, b.coldMedian()));
            if (b.warmMedian() != null) warm.getData().add(new XYChart.Data<>(label, b.warmMedian()));
        }
        chart.getData().setAll(java.util.List.of(hs, cold, warm));
    }
}
