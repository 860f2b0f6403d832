package org.port853.ui.status;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.port853.core.Reason;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Status screen. */
public final class StatusView extends ScrollPane {
    private final StatusViewModel vm;
    private final VBox reasonBox = new VBox(6);

    public StatusView(StatusViewModel vm, Runnable onVerify, Runnable onRefresh) {
        this.vm = vm;
        setId("status-view");
        setFitToWidth(true);
        getStyleClass().add("screen");

        // Interrupted change banner
        Label pendingText = new Label();
        pendingText.setWrapText(true);
        pendingText.textProperty().bind(vm.pendingProperty());
        Button recover = new Button(I18n.t("pending.recover"));
        recover.setId("recover-button");
        recover.setOnAction(e -> vm.recover());
        recover.setAccessibleText(I18n.t("pending.recover.a11y"));
        HBox pending = Ui.banner("banner-warning", I18n.t("pending.title"), pendingText, recover);
        pending.setId("recover-banner");
        Ui.showWhen(pending, vm.pendingProperty().isNotNull());

        // Verdict
        Label glyph = new Label();
        glyph.getStyleClass().add("verdict-glyph");
        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add("verdict-detail");
        detail.textProperty().bind(vm.verdictDetailProperty());
        VBox verdictText = new VBox(2, verdict, detail);
        HBox.setHgrow(verdictText, Priority.ALWAYS);
        HBox verdictCard = new HBox(16, glyph, verdictText);
        verdictCard.setAlignment(Pos.CENTER_LEFT);
        verdictCard.getStyleClass().addAll("card", "verdict-card");
        vm.verdictStyleProperty().addListener((o, a, s) -> {
            verdictCard.getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-card"));
            verdictCard.getStyleClass().add(s);
        });
        verdictCard.getStyleClass().add(vm.verdictStyleProperty().get());
        glyph.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.verdictStyleProperty().get()) {
            case "verdict-protected" -> "✔";
            case "verdict-partial" -> "!";
            case "verdict-leaking", "verdict-not-encrypted", "verdict-broken" -> "✖";
            default -> "?";
        }, vm.verdictStyleProperty()));
        verdictCard.setAccessibleText(null);
        verdict.accessibleTextProperty().bind(Bindings.concat(I18n.t("verdict.a11y"), " ", vm.verdictProperty(), ". ",
                vm.verdictDetailProperty()));

        // Switch and actions
        ToggleSwitch encrypt = new ToggleSwitch(I18n.t("status.switch"));
        encrypt.setId("encryption-switch");
        encrypt.getStyleClass().add("big-switch");
        encrypt.setAccessibleText(I18n.t("status.switch.a11y"));
        encrypt.setTooltip(new Tooltip(I18n.t("status.switch.tip")));
        encrypt.setSelected(vm.switchOnProperty().get());
        vm.switchOnProperty().addListener((o, a, on) -> encrypt.setSelected(on));
        vm.switchSyncProperty().addListener((o, a, t) -> encrypt.setSelected(vm.switchOnProperty().get()));
        encrypt.selectedProperty().addListener((o, a, on) -> {
            if (on != vm.switchOnProperty().get()) {
                vm.switchFlipped(on);
            }
        });
        encrypt.disableProperty().bind(vm.switchUsableProperty().not());
        Button verify = new Button(I18n.t("status.verify"));
        verify.setId("status-verify");
        verify.setOnAction(e -> onVerify.run());
        verify.setAccessibleText(I18n.t("status.verify.a11y"));
        Button refresh = new Button(I18n.t("status.refresh"));
        refresh.setId("status-refresh");
        refresh.setOnAction(e -> onRefresh.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox switchRow = new HBox(12, encrypt, spacer, verify, refresh);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        switchRow.getStyleClass().add("card");

        // Facts
        GridPane facts = Ui.keyValueGrid(16, 6);
        facts.getStyleClass().addAll("card", "facts");
        fact(facts, 0, "status.providers", vm.providersProperty(), "fact-providers");
        fact(facts, 1, "status.mode", vm.modeProperty(), "fact-mode");
        fact(facts, 2, "status.dnssec", vm.dnssecProperty(), "fact-dnssec");
        fact(facts, 3, "status.current", vm.currentServerProperty(), "fact-current");
        fact(facts, 4, "status.resolvconf", vm.resolvConfProperty(), "fact-resolvconf");
        fact(facts, 5, "status.source", vm.sourceProperty(), "fact-source");

        // Reasons
        Label reasonsTitle = Ui.sectionLabel(I18n.t("status.reasons"));
        reasonBox.setId("reasons");
        vm.reasons().addListener((ListChangeListener<Reason>) c -> rebuildReasons());
        rebuildReasons();

        // Links
        Label linksTitle = Ui.sectionLabel(I18n.t("status.links"));
        // A plain grid rather than a TableView: a handful of rows, and no virtualised table to load and lay
        // out before the first frame.
        GridPane table = new GridPane();
        table.setId("links-table");
        table.getStyleClass().addAll("card", "links-grid");
        table.setAccessibleText(I18n.t("status.links"));
        table.setHgap(16);
        table.setVgap(4);
        for (double min : new double[]{1, 1, 1, 1, 0}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(min == 0 ? 120 : Region.USE_PREF_SIZE);
            c.setPrefWidth(Region.USE_COMPUTED_SIZE);
            if (min == 0) c.setHgrow(Priority.ALWAYS);
            table.getColumnConstraints().add(c);
        }
        vm.links().addListener((ListChangeListener<StatusViewModel.LinkRow>) c -> rebuildLinks(table));
        rebuildLinks(table);

        VBox content = new VBox(12, pending, verdictCard, switchRow, reasonsTitle, reasonBox, facts, linksTitle, table);
        content.getStyleClass().add("screen-content");
        setContent(content);
    }

    private static void fact(GridPane g, int row, String key, javafx.beans.value.ObservableValue<String> value, String id) {
        Label k = new Label(I18n.t(key));
        k.getStyleClass().add("fact-key");
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        v.getStyleClass().add("fact-value");
        k.setLabelFor(v);
        v.accessibleTextProperty().bind(Bindings.concat(I18n.t(key), ": ", value));
        g.addRow(row, k, v);
    }

    private void rebuildLinks(GridPane g) {
        g.getChildren().clear();
        String[] heads = {"links.iface", "links.servers", "links.dot", "links.defaultRoute", "links.warning"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(I18n.t(heads[i]));
            h.getStyleClass().add("links-head");
            g.add(h, i, 0);
        }
        if (vm.links().isEmpty()) {
            Label none = new Label(I18n.t("links.none"));
            none.getStyleClass().add("hint");
            g.add(none, 0, 1, heads.length, 1);
            return;
        }
        int row = 1;
        for (StatusViewModel.LinkRow r : vm.links()) {
            String[] cells = {r.name(), r.servers(), r.dot(), r.defaultRoute(), r.warning()};
            for (int i = 0; i < cells.length; i++) {
                Label l = new Label(cells[i] == null ? "" : cells[i]);
                l.setWrapText(i == 1 || i == 4);
                l.getStyleClass().add(i == 4 ? "links-warning" : "links-cell");
                l.setAccessibleText(I18n.t(heads[i]) + ": " + l.getText());
                g.add(l, i, row);
            }
            row++;
        }
    }

    private void rebuildReasons() {
        reasonBox.getChildren().clear();
        if (vm.reasons().isEmpty()) {
            Label none = new Label(I18n.t("status.noreasons"));
            none.getStyleClass().add("hint");
            reasonBox.getChildren().add(none);
            return;
        }
        for (Reason r : vm.reasons()) {
            Label sev = new Label(I18n.t("severity." + r.severity().name().toLowerCase(java.util.Locale.ROOT)));
            sev.getStyleClass().addAll("severity-tag", "severity-" + r.severity().name().toLowerCase(java.util.Locale.ROOT));
            sev.setMinWidth(Region.USE_PREF_SIZE);
            Label msg = new Label(r.message());
            msg.setWrapText(true);
            msg.getStyleClass().add("reason-message");
            Label fix = new Label(r.fix() == null ? "" : I18n.t("reason.fix", r.fix()));
            fix.setWrapText(true);
            fix.getStyleClass().add("reason-fix");
            VBox text = new VBox(2, msg, fix);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, sev, text);
            row.getStyleClass().add("reason-row");
            row.setAlignment(Pos.CENTER_LEFT);
            if (r.fixAction() != null) {
                Button b = new Button(StatusViewModel.fixLabel(r.fixAction()));
                b.getStyleClass().add("fix-button");
                b.setId("fix-" + r.code());
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setAccessibleText(StatusViewModel.fixLabel(r.fixAction()) + ": " + r.message());
                b.setOnAction(e -> vm.fix(r));
                b.disableProperty().bind(vm.switchUsableProperty().not());
                row.getChildren().add(b);
            }
            reasonBox.getChildren().add(row);
        }
    }
}
