package org.port853.ui.traffic;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.port853.capture.LeakRecord;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Traffic screen: live leak graph, leak table, pause, clear, zoom, export. */
public final class TrafficView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final TrafficGraph graph = new TrafficGraph();

    public TrafficView(TrafficViewModel vm) {
        super(10);
        setId("traffic-view");
        getStyleClass().addAll("screen", "screen-content");

        Label problem = new Label();
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get() == null ? ""
                : vm.problemProperty().get() + "\n" + I18n.t("capture.fixPrefix", vm.problemFixProperty().get()),
                vm.problemProperty(), vm.problemFixProperty()));
        problem.setId("capture-problem");
        Button retry = new Button(I18n.t("capture.retry"));
        retry.setId("capture-retry");
        retry.setOnAction(e -> vm.start());
        var banner = Ui.banner("banner-error", I18n.t("capture.unavailable"), problem, retry);
        banner.setId("capture-banner");
        Ui.showWhen(banner, vm.problemProperty().isNotNull());

        Button start = new Button(I18n.t("traffic.start"));
        start.setId("traffic-start");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.runningProperty().or(vm.startingProperty()));
        ToggleButton pause = new ToggleButton(I18n.t("traffic.pause"));
        pause.setId("traffic-pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.setAccessibleText(I18n.t("traffic.pause.a11y"));
        Button clear = new Button(I18n.t("traffic.clear"));
        clear.setId("traffic-clear");
        clear.setOnAction(e -> vm.clear());
        ComboBox<Integer> zoom = new ComboBox<>();
        zoom.setId("traffic-zoom");
        zoom.getItems().addAll(300, 900, 1800, 3600);
        zoom.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : I18n.t("traffic.window.choice", TrafficViewModel.windowLabel(s));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        zoom.setValue(vm.windowSecondsProperty().get());
        zoom.valueProperty().addListener((o, a, v) -> {
            if (v != null) vm.windowSecondsProperty().set(v);
        });
        zoom.setAccessibleText(I18n.t("traffic.zoom.a11y"));
        Label zoomLabel = new Label(I18n.t("traffic.zoom"));
        zoomLabel.setLabelFor(zoom);
        zoomLabel.setMnemonicParsing(true);
        Button export = new Button(I18n.t("traffic.export"));
        export.setId("traffic-export");
        export.setOnAction(e -> export(vm));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        HBox toolbar = new HBox(8, start, pause, clear, zoomLabel, zoom, spacer, status, export);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar-row");

        graph.snapshotProperty().bind(vm.snapshotProperty());
        graph.accessibleTextProperty().bind(Bindings.concat(I18n.t("graph.a11y"), " ", vm.totalsProperty()));
        VBox.setVgrow(graph, Priority.ALWAYS);
        Label totals = new Label();
        totals.setId("traffic-totals");
        totals.getStyleClass().add("hint");
        totals.textProperty().bind(vm.totalsProperty());

        TextField filter = new TextField();
        filter.setId("leak-filter");
        filter.setPromptText(I18n.t("leaks.filter.prompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setAccessibleText(I18n.t("leaks.filter.a11y"));
        filter.setPrefColumnCount(24);
        Label filterLabel = new Label(I18n.t("leaks.filter"));
        filterLabel.setLabelFor(filter);
        filterLabel.setMnemonicParsing(true);
        Label count = new Label();
        count.getStyleClass().add("hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("leaks.count",
                vm.filteredLeaks().size(), vm.leaks().size()), vm.filteredLeaks(), vm.leaks()));
        Label exportMessage = new Label();
        exportMessage.setId("traffic-export-message");
        exportMessage.textProperty().bind(vm.exportMessageProperty());
        HBox leakBar = new HBox(8, Ui.sectionLabel(I18n.t("leaks.title")), filterLabel, filter, count, exportMessage);
        leakBar.setAlignment(Pos.CENTER_LEFT);

        SortedList<LeakRecord> sorted = new SortedList<>(vm.filteredLeaks());
        TableView<LeakRecord> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("leak-table");
        table.setAccessibleText(I18n.t("leaks.title"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Ui.column(I18n.t("leaks.time"), r -> r.time() == null ? "" : TIME.format(r.time()), 80));
        table.getColumns().add(Ui.column(I18n.t("leaks.iface"), LeakRecord::iface, 80));
        table.getColumns().add(Ui.column(I18n.t("leaks.server"), LeakRecord::server, 140));
        table.getColumns().add(Ui.column(I18n.t("leaks.name"), LeakRecord::name, 220));
        table.getColumns().add(Ui.column(I18n.t("leaks.type"), LeakRecord::type, 60));
        table.getColumns().add(Ui.column(I18n.t("leaks.process"), LeakRecord::process, 140));
        table.setPlaceholder(new Label(I18n.t("leaks.none")));
        table.setPrefHeight(200);
        table.setMinHeight(120);

        getChildren().addAll(banner, toolbar, graph, totals, leakBar, table);
    }

    public TrafficGraph graph() {
        return graph;
    }

    private void export(TrafficViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("traffic.export.title"));
        chooser.setInitialFileName("port853-leaks.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        vm.exportCsv(f.toPath());
    }
}
