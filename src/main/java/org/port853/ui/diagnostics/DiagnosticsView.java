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
import javafx.scene.layout.VBox;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Diagnostics screen: the doctor's checks with their fixes, the recorded pins, and the provider benchmark chart. */
public final class DiagnosticsView extends ScrollPane {
    /** {@code onFix}: carries out a check's one-click fix (through the planned, previewed apply path). */
    public DiagnosticsView(DiagnosticsViewModel vm, Consumer<Check> onFix) {
        setId("diagnostics-view");
        setFitToWidth(true);
        Label intro = new Label(I18n.t("diag.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("explain");

        Button doctor = button("diag-run", "diag.run", vm::runDoctor, vm);
        doctor.getStyleClass().add("accent");
        Button pins = button("diag-pins", "diag.pins.check", vm::checkPins, vm);
        Button bench = button("diag-bench", "diag.bench.run", vm::runBench, vm);
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
        checks.setPlaceholder(new Label(I18n.t("diag.idle")));
        // the columns share the table's width (the sentences wrap), no sideways scrolling
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        checks.getColumns().add(said("diag.col.status", CheckTexts.Text::status, 80));
        checks.getColumns().get(0).setMinWidth(80); // "Warnung" / "Warning" whole
        checks.getColumns().add(Ui.wrapping(said("diag.col.check", CheckTexts.Text::name, 160)));
        checks.getColumns().add(Ui.column(I18n.t("diag.col.server"), c -> c.server() == null ? "" : c.server(), 170));
        checks.getColumns().get(2).setMinWidth(170); // an address with its name: not broken mid-word
        checks.getColumns().add(Ui.wrapping(said("diag.col.evidence", CheckTexts.Text::evidence, 360)));
        checks.getColumns().add(Ui.wrapping(said("diag.col.fix", t -> t.fix() == null ? "" : t.fix(), 300)));
        TableColumn<Check, String> action = new TableColumn<>("");
        action.setPrefWidth(90);
        action.setMinWidth(90); // the "Fix…" button whole
        action.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().fixAction()));
        action.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Button b = new Button(I18n.t("diag.fix"));
                b.setOnAction(e -> onFix.accept(getTableView().getItems().get(getIndex())));
                setGraphic(b);
            }
        });
        checks.getColumns().add(action);
        checks.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Check c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-ok", "check-warning", "check-failure");
                if (!empty && c != null) getStyleClass().add("check-" + c.status().jsonName());
            }
        });
        checks.setPrefHeight(320);

        TableView<PinRecord> pinTable = new TableView<>(vm.pins());
        pinTable.setId("diag-pin-table");
        pinTable.setPlaceholder(new Label(I18n.t("diag.pins.none")));
        pinTable.getColumns().add(Ui.column(I18n.t("diag.col.server"), PinRecord::server, 200));
        pinTable.getColumns().add(Ui.column(I18n.t("diag.col.pin"), p -> "sha256/" + p.pin(), 380));
        pinTable.getColumns().add(Ui.column(I18n.t("diag.col.source"), p -> "tofu".equals(p.source())
                ? I18n.t("diag.pins.tofu") : p.source(), 140));
        pinTable.getColumns().add(Ui.column(I18n.t("diag.col.checked"), p -> p.lastChecked() == null ? "" : I18n.dateTime(p.lastChecked()), 200));
        pinTable.setPrefHeight(140);
        Label watching = new Label();
        watching.setId("diag-pins-watching");
        watching.getStyleClass().add("hint");
        watching.textProperty().bind(vm.watchingProperty());
        Ui.showWhen(watching, vm.watchingProperty().isNotEmpty());

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(I18n.t("diag.bench.ms"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("diag-bench-chart");
        chart.setAnimated(false);
        chart.setTitle(I18n.t("diag.bench.title"));
        chart.setPrefHeight(300);
        vm.bench().addListener((ListChangeListener<BenchResult>) c -> fillChart(chart, vm));
        Label suggestion = new Label();
        suggestion.setId("diag-suggestion");
        suggestion.setWrapText(true);
        suggestion.textProperty().bind(vm.suggestionProperty());

        VBox content = new VBox(12, intro, controls, headline, alertBanner, Ui.sectionLabel(I18n.t("diag.checks")), checks,
                Ui.sectionLabel(I18n.t("diag.pins")), watching, pinTable, Ui.sectionLabel(I18n.t("diag.bench")), chart, suggestion);
        content.getStyleClass().addAll("screen", "screen-content");
        setContent(content);
        vm.loadPins();
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
