package org.port853.ui.traffic;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleGroup;
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
import org.port853.ui.common.Confirm;
import org.port853.ui.common.I18n;
import org.port853.ui.common.KeptSelection;
import org.port853.ui.common.Ui;
import org.port853.ui.common.WrappingText;

/** The Traffic screen: live leak graph, leak table, pause, clear, zoom, export. */
public final class TrafficView extends VBox {
    /** Taller, the graph shows no more than it did: the rest of a tall window goes to the leak list. */
    static final double GRAPH_MAX_HEIGHT = 360;
    private final TrafficGraph graph = new TrafficGraph();
    private final ExportFolder exportFolder = new ExportFolder(System.getenv(), System.getProperty("user.home"));
    /** "Exported 3 rows to leaks.csv": its tool tip names the whole path. */
    private final Label exportMessage = new Label();

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
        // only offered when monitoring is not running: never a permanently disabled first button
        Ui.showWhen(start, vm.runningProperty().not().and(vm.problemProperty().isNull())); // else the banner's Try again
        start.disableProperty().bind(vm.startingProperty());
        ToggleButton pause = new ToggleButton();
        pause.setId("traffic-pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then(I18n.t("traffic.resume"))
                .otherwise(I18n.t("traffic.pause")));
        pause.setAccessibleText(I18n.t("traffic.pause.a11y"));
        Ui.showWhen(pause, vm.runningProperty());
        Label paused = new Label(I18n.t("traffic.paused"));
        paused.setId("traffic-paused");
        paused.getStyleClass().addAll("badge", "badge-paused");
        Ui.showWhen(paused, vm.pausedProperty().and(vm.runningProperty()));
        Button clear = new Button(I18n.t("traffic.clear"));
        clear.setId("traffic-clear");
        clear.setOnAction(e -> confirmClear(vm));
        ComboBox<Integer> zoom = new ComboBox<>();
        zoom.setId("traffic-zoom");
        zoom.getItems().addAll(300, 900, 1800, 3600);
        zoom.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : I18n.t("traffic.window.choice", I18n.period(s));
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
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        // the paused badge takes the status's place: pausing does not make the toolbar wrap and move the graph
        Ui.showWhen(status, vm.pausedProperty().and(vm.runningProperty()).not());
        // a narrow window (or longer German words) puts the rest on a second row instead of cutting the buttons;
        // the paused badge comes after the controls, so pausing does not move them away from the pointer
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(8, 6, start, pause, clear,
                zoomLabel, zoom, export, paused, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar-row");
        toolbar.setMinHeight(Region.USE_PREF_SIZE);

        graph.snapshotProperty().bind(vm.snapshotProperty());
        showDataSince(vm.dataSinceProperty().get());
        vm.dataSinceProperty().addListener((o, a, since) -> showDataSince(since));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(150));
        javafx.scene.control.Tooltip.install(graph, tip);
        graph.setOnMouseMoved(e -> {
            TrafficGraph.Span bin = graph.binAt(e.getX());
            TrafficGraph.Counts c = graph.countsIn(bin);
            // counts, not rates: the bin's length is said, so they read against the line's queries per second
            tip.setText(bin == null ? I18n.t("graph.nodata") : c == null ? graph.noDataText()
                    : I18n.t("graph.tip", bin.seconds() == 1 ? I18n.timeWithSeconds(bin.from())
                    : I18n.t("graph.tip.span", I18n.timeWithSeconds(bin.from()), I18n.timeWithSeconds(bin.to()), bin.seconds()),
                    c.encrypted(), c.local(), c.leaked()));
        });
        graph.accessibleTextProperty().bind(Bindings.concat(I18n.t("graph.a11y"), " ", vm.totalsProperty()));
        // a tall window's extra height goes to the graph and the leak list alike, to the graph only up to its cap
        VBox.setVgrow(graph, Priority.ALWAYS);
        graph.setMaxHeight(GRAPH_MAX_HEIGHT);
        Label totals = new Label();
        totals.setId("traffic-totals");
        totals.getStyleClass().add("hint");
        totals.textProperty().bind(vm.totalsProperty());
        totals.setWrapText(true);
        totals.setMinHeight(Region.USE_PREF_SIZE); // a narrow window gets two lines, not an ellipsis

        TextField filter = new TextField();
        filter.setId("leak-filter");
        filter.setPromptText(I18n.t("leaks.filter.prompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setAccessibleText(I18n.t("leaks.filter.a11y"));
        filter.setTooltip(new javafx.scene.control.Tooltip(I18n.t("leaks.filter.a11y"))); // the short placeholder's long form
        filter.setPrefColumnCount(24);
        Label filterLabel = new Label(I18n.t("leaks.filter"));
        filterLabel.setLabelFor(filter);
        filterLabel.setMnemonicParsing(true);
        Label count = new Label();
        count.getStyleClass().add("hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("leaks.count",
                vm.filteredLeaks().size(), vm.leaks().size()), vm.filteredLeaks(), vm.leaks()));
        // the list holds every leak since watching began (or Clear), not only the graph's span ("Last 5 min: 0
        // leaked" above "13 of 13"): the count says since when, on hover and to a screen reader (no room at 720 px)
        count.setId("leaks-count");
        javafx.beans.binding.StringBinding since = Bindings.createStringBinding(() -> vm.dataSinceProperty().get() == null
                ? "" : I18n.t("leaks.count.since", I18n.timeWithSeconds(vm.dataSinceProperty().get().at()),
                I18n.period(vm.windowSecondsProperty().get())), vm.dataSinceProperty(), vm.windowSecondsProperty());
        javafx.scene.control.Tooltip sinceTip = new javafx.scene.control.Tooltip();
        sinceTip.textProperty().bind(since);
        count.setTooltip(sinceTip);
        count.accessibleTextProperty().bind(Bindings.concat(count.textProperty(), ". ", since));
        exportMessage.setId("traffic-export-message");
        exportMessage.textProperty().bind(vm.exportMessageProperty());
        Label leaksTitle = Ui.sectionLabel(I18n.t("leaks.title"));
        // at the narrowest window the filter field gives way, never the labels and buttons (the export's message was
        // cut to "Exported 0 rows to port853-l…" in a window of the default size)
        for (Region r : new Region[]{leaksTitle, filterLabel, count, exportMessage}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        filter.setMinWidth(120);
        HBox leakBar = new HBox(8, leaksTitle, filterLabel, filter, count, exportMessage);
        leakBar.setAlignment(Pos.CENTER_LEFT);

        SortedList<LeakRecord> sorted = new SortedList<>(vm.filteredLeaks());
        // a query's response updates its row (same id): it stays the same row, and selected, as new rows arrive
        TableView<LeakRecord> table = KeptSelection.table(sorted, r -> r.id() >= 0 ? (Object) r.id() : r);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("leak-table");
        table.setAccessibleText(I18n.t("leaks.title"));
        javafx.scene.control.TableColumn<LeakRecord, java.time.Instant> time = new javafx.scene.control.TableColumn<>(I18n.t("leaks.time"));
        time.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().time()));
        time.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(java.time.Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : I18n.timeWithSeconds(t));
            }
        });
        time.setPrefWidth(80);
        table.getColumns().add(time);
        table.getColumns().add(Ui.column(I18n.t("leaks.iface"), LeakRecord::iface, 80));
        table.getColumns().add(Ui.column(I18n.t("leaks.server"), LeakRecord::server, 140));
        table.getColumns().add(Ui.withFullTextTooltip(Ui.column(I18n.t("leaks.name"), LeakRecord::name, 220)));
        table.getColumns().add(Ui.column(I18n.t("leaks.type"), LeakRecord::type, 60));
        table.getColumns().add(Ui.withFullTextTooltip(Ui.column(I18n.t("leaks.process"), vm::processOf, 140)));
        // at the narrowest window each column keeps room for its heading and a time, an address, a program; below
        // that the table scrolls sideways rather than cutting "10:34:…" and "Inter…"
        String latest = I18n.timeWithSeconds(java.time.ZonedDateTime.of(2026, 12, 31, 23, 58, 58, 0,
                java.time.ZoneId.systemDefault()).toInstant());
        String[] widest = {latest, "", "2001:db8:ffff::53", "", "AAAA", ""};
        for (int i = 0; i < widest.length; i++) {
            var c = table.getColumns().get(i);
            c.setMinWidth(Math.max(c.getPrefWidth() * 0.6, Math.max(textWidth(c.getText(), true) + 34,
                    textWidth(widest[i], false) + 20)));
        }
        Ui.sharedWidthOrScroll(table);
        table.setPlaceholder(emptyList(vm));
        table.setPrefHeight(200);
        table.setMinHeight(120);
        // newest first
        var timeColumn = time;
        timeColumn.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        timeColumn.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(timeColumn);

        ListView<LeakGroups.Group> groups = new ListView<>(vm.groups());
        groups.setId("leak-groups");
        groups.setAccessibleText(I18n.t("leaks.title"));
        groups.setPlaceholder(emptyList(vm));
        groups.setCellFactory(GroupCell::new);
        groups.setPrefHeight(220);
        groups.setMinHeight(165); // three groups of three lines (head, why, fix) at the smallest window
        // the grouped list and the table of every query share one place of one size: switching between them shows
        // the other in the same room, so the graph above keeps its size (only visibility changes, both stay laid out)
        groups.visibleProperty().bind(vm.groupByProperty().isNotNull());
        table.visibleProperty().bind(vm.groupByProperty().isNull());
        javafx.scene.layout.StackPane leakViews = new javafx.scene.layout.StackPane(groups, table);
        leakViews.setId("leak-views");
        VBox.setVgrow(leakViews, Priority.ALWAYS);

        ToggleGroup by = new ToggleGroup();
        ToggleButton byName = groupButton(by, "leaks.byName", "leaks-by-name", LeakGroups.By.NAME);
        ToggleButton byProgram = groupButton(by, "leaks.byProgram", "leaks-by-program", LeakGroups.By.PROGRAM);
        ToggleButton all = groupButton(by, "leaks.all", "leaks-all", null);
        by.selectToggle(byName);
        by.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                by.selectToggle(a); // one is always chosen
                return;
            }
            vm.groupByProperty().set((LeakGroups.By) t.getUserData());
        });
        HBox groupBar = new HBox(0, byName, byProgram, all);
        groupBar.getStyleClass().add("segmented");
        groupBar.setMinWidth(Region.USE_PREF_SIZE);
        for (ToggleButton b : new ToggleButton[]{byName, byProgram, all}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        leakBar.getChildren().add(1, groupBar);

        // the buttons follow the grouping when the view model changes it (a click on the graph shows every query)
        vm.groupByProperty().addListener((o, a, b) -> by.selectToggle(b == null ? all : b == LeakGroups.By.NAME
                ? byName : byProgram));
        // clicking a leak in the graph selects its queries in the list
        graph.setOnMouseClicked(e -> {
            TrafficGraph.Span bin = graph.binAt(e.getX());
            TrafficGraph.Counts c = graph.countsIn(bin);
            if (c == null || c.leaked() == 0) return;
            vm.showEveryLeak(); // a filter or a grouping would hide the very rows the click asks for
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
            int firstSelected = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (bin.contains(table.getItems().get(i).time())) { // exactly the seconds its tooltip counts
                    table.getSelectionModel().select(i);
                    if (firstSelected < 0) firstSelected = i;
                }
            }
            if (firstSelected >= 0) {
                table.scrollTo(firstSelected);
                table.requestFocus(); // a focused table shows its selection in the accent colour
            }
        });

        getChildren().addAll(banner, toolbar, graph, totals, leakBar, leakViews);
    }

    private static ToggleButton groupButton(ToggleGroup g, String key, String id, LeakGroups.By by) {
        ToggleButton b = new ToggleButton(I18n.t(key));
        b.setId(id);
        b.setToggleGroup(g);
        b.setUserData(by);
        return b;
    }

    private void confirmClear(TrafficViewModel vm) {
        // Cancel is the default: a stray Enter must not throw away what was captured
        if (Confirm.ask(this, I18n.t("traffic.clear"), I18n.t("traffic.clear.confirm"), I18n.t("traffic.clear"), true)) {
            vm.clear();
        }
    }

    /**
     * One group: "name — 12 queries, last 12:03:04, to 192.168.1.1 on wlan0", why it leaked, and the fix. Each line
     * wraps within the list's width and the cell grows to hold it (German's "Warum"/"Abhilfe" lines are long).
     */
    private static final class GroupCell extends javafx.scene.control.ListCell<LeakGroups.Group> {
        private final javafx.scene.text.Text head;
        private final javafx.scene.text.Text why;
        private final javafx.scene.text.Text fix;
        private final VBox box;

        GroupCell(ListView<LeakGroups.Group> list) {
            javafx.beans.binding.NumberBinding width = WrappingText.listWidth(list);
            head = WrappingText.inCell(this, width, "leak-group-head", "leak-group-text");
            why = WrappingText.inCell(this, width, "leak-group-text");
            fix = WrappingText.within(width, "leak-group-text", "leak-group-fix"); // muted, from the stylesheet
            box = new VBox(2, head, why, fix);
            box.setMinWidth(0);
            setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        }

        @Override
        protected void updateItem(LeakGroups.Group g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            head.setText(I18n.t("leaks.group.head", g.title(), g.queries(),
                    g.newest() == null ? "?" : I18n.timeWithSeconds(g.newest()), String.join(", ", g.servers()),
                    String.join(", ", g.interfaces())));
            why.setText(I18n.t("leaks.group.why", g.why().text()));
            fix.setText(I18n.t("leaks.group.fix", g.why().fix()));
            setText(null);
            setGraphic(box);
            setAccessibleText(head.getText() + ". " + why.getText() + " " + fix.getText());
        }
    }

    public TrafficGraph graph() {
        return graph;
    }

    /** Asks for a file and exports the leaks that pass the filter (also the File menu's Export). */
    public void export(TrafficViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("traffic.export.title"));
        chooser.setInitialFileName("port853-leaks.csv");
        File folder = exportFolder.initial();
        if (folder != null) {
            chooser.setInitialDirectory(folder);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(vm, f);
        }
    }

    /** Writes the CSV to the file the user chose. */
    public void exportTo(TrafficViewModel vm, File f) {
        exportFolder.exportedTo(f);
        exportMessage.setTooltip(new javafx.scene.control.Tooltip(f.getAbsolutePath()));
        vm.exportCsv(f.toPath());
    }

    /** An empty list says whether it is empty because nothing leaked, because nothing is watched, or the filter. */
    private static Label emptyList(TrafficViewModel vm) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(vm.emptyLeaksTextProperty());
        return l;
    }

    private void showDataSince(TrafficViewModel.DataSince since) {
        graph.setCaptureStart(since == null ? null : since.at(), since != null && since.cleared());
    }

    /** Width of {@code text} in the window's 13 px font (bold: a column heading), for columns' least widths. */
    private static double textWidth(String text, boolean bold) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                bold ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, 13));
        return Math.ceil(probe.getLayoutBounds().getWidth() * 1.1);
    }
}
