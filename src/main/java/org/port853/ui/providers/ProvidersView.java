package org.port853.ui.providers;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Provider;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Providers screen. */
public final class ProvidersView extends ScrollPane {

    public ProvidersView(ProvidersViewModel vm, Consumer<String> openUrl) {
        setId("providers-view");
        setFitToWidth(true);
        getStyleClass().add("screen");

        // Catalogue
        TableView<Provider> table = new TableView<>(vm.catalogue());
        table.setId("catalogue-table");
        table.setAccessibleText(I18n.t("providers.catalogue"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Ui.column(I18n.t("providers.col.name"), Provider::displayName, 300));
        table.getColumns().add(Ui.column(I18n.t("providers.col.filtering"),
                p -> I18n.t("filtering." + (p.filtering() == null ? "none" : p.filtering().name().toLowerCase(Locale.ROOT))), 80));
        table.getColumns().add(Ui.column(I18n.t("providers.col.operator"), p -> p.custom() ? I18n.t("providers.custom") : nz(p.operator()), 165));
        table.getColumns().add(Ui.column(I18n.t("providers.col.jurisdiction"), p -> nz(p.jurisdiction()), 90));
        table.setPrefHeight(250);
        table.setMinHeight(150);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        vm.detailProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> {
            TableRow<Provider> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) vm.choose(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.choose(table.getSelectionModel().getSelectedItem());
        });

        // Details of the selected provider
        GridPane details = Ui.keyValueGrid(12, 4);
        details.getStyleClass().addAll("card", "facts");
        details.setId("provider-details");
        detail(details, 0, "providers.detail.ipv4", vm, p -> String.join(", ", p.ipv4()));
        detail(details, 1, "providers.detail.ipv6", vm, p -> String.join(", ", p.ipv6()));
        detail(details, 2, "providers.detail.tls", vm, p -> nz(p.tlsName()));
        detail(details, 3, "providers.detail.doh", vm, p -> nz(p.dohTemplate()));
        detail(details, 4, "providers.detail.operator", vm, p -> nz(p.operator()) + (p.jurisdiction() == null || p.jurisdiction().isBlank() ? "" : " (" + p.jurisdiction() + ")"));
        Hyperlink source = new Hyperlink();
        source.setId("provider-source");
        source.textProperty().bind(Bindings.createStringBinding(() -> vm.detailProperty().get() == null ? ""
                : nz(vm.detailProperty().get().sourceUrl()), vm.detailProperty()));
        source.setOnAction(e -> {
            if (!source.getText().isBlank()) openUrl.accept(source.getText());
        });
        Label sk = new Label(I18n.t("providers.detail.source"));
        sk.getStyleClass().add("fact-key");
        details.addRow(5, sk, source);
        Label pick = new Label(I18n.t("providers.detail.pick"));
        pick.getStyleClass().add("hint");
        VBox detailBox = new VBox(4, pick, details);
        Ui.showWhen(pick, vm.detailProperty().isNull());
        Ui.showWhen(details, vm.detailProperty().isNotNull());

        Button add = new Button(I18n.t("providers.add"));
        add.setId("provider-add");
        add.setOnAction(e -> vm.choose(table.getSelectionModel().getSelectedItem()));
        add.disableProperty().bind(vm.detailProperty().isNull());
        Button removeCustom = new Button(I18n.t("providers.deleteCustom"));
        removeCustom.setId("provider-delete-custom");
        removeCustom.setOnAction(e -> vm.removeCustom(vm.detailProperty().get()));
        removeCustom.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.detailProperty().get() == null
                || !vm.detailProperty().get().custom(), vm.detailProperty()));

        VBox left = new VBox(8, Ui.sectionLabel(I18n.t("providers.catalogue")), table,
                new HBox(8, add, removeCustom), detailBox);
        HBox.setHgrow(left, Priority.ALWAYS);

        // Chosen, in order
        ListView<Provider> chosen = new ListView<>(vm.chosen());
        chosen.setId("chosen-list");
        chosen.setAccessibleText(I18n.t("providers.chosen"));
        chosen.setPrefWidth(260);
        chosen.setPrefHeight(200);
        chosen.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Provider p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : (getIndex() + 1) + ". " + p.displayName());
            }
        });
        chosen.setPlaceholder(new Label(I18n.t("providers.chooseOne")));
        Button up = new Button(I18n.t("providers.up"));
        up.setId("chosen-up");
        up.setOnAction(e -> chosen.getSelectionModel().select(vm.move(chosen.getSelectionModel().getSelectedItem(), -1)));
        Button down = new Button(I18n.t("providers.down"));
        down.setId("chosen-down");
        down.setOnAction(e -> chosen.getSelectionModel().select(vm.move(chosen.getSelectionModel().getSelectedItem(), 1)));
        Button remove = new Button(I18n.t("providers.remove"));
        remove.setId("chosen-remove");
        remove.setOnAction(e -> vm.unchoose(chosen.getSelectionModel().getSelectedItem()));
        for (Button b : new Button[]{up, down, remove}) {
            b.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        }
        Label order = new Label(I18n.t("providers.order.hint"));
        order.getStyleClass().add("hint");
        order.setWrapText(true);
        VBox right = new VBox(8, Ui.sectionLabel(I18n.t("providers.chosen")), chosen, new HBox(6, up, down, remove), order);
        right.setMinWidth(250);
        right.setPrefWidth(280);

        HBox top = new HBox(16, left, right);

        // Mode, explained
        ToggleGroup modes = new ToggleGroup();
        RadioButton strict = new RadioButton(I18n.t("mode.strict"));
        strict.setId("mode-strict");
        strict.setToggleGroup(modes);
        strict.setUserData(DotMode.STRICT);
        RadioButton opp = new RadioButton(I18n.t("mode.opportunistic"));
        opp.setId("mode-opportunistic");
        opp.setToggleGroup(modes);
        opp.setUserData(DotMode.OPPORTUNISTIC);
        modes.selectToggle(vm.model().modeProperty().get() == DotMode.OPPORTUNISTIC ? opp : strict);
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.model().modeProperty().set((DotMode) t.getUserData());
        });
        vm.model().modeProperty().addListener((o, a, m) -> modes.selectToggle(m == DotMode.OPPORTUNISTIC ? opp : strict));
        VBox modeBox = new VBox(6, Ui.sectionLabel(I18n.t("providers.mode")),
                strict, explain("mode.strict.explain"), opp, explain("mode.opportunistic.explain"));
        modeBox.getStyleClass().add("card");

        ComboBox<DnssecMode> dnssec = new ComboBox<>();
        dnssec.setId("dnssec-choice");
        dnssec.getItems().setAll(DnssecMode.values());
        dnssec.valueProperty().bindBidirectional(vm.model().dnssecProperty());
        dnssec.setConverter(new StringConverter<>() {
            @Override
            public String toString(DnssecMode m) {
                return m == null ? "" : I18n.t("dnssec." + m.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public DnssecMode fromString(String s) {
                return null;
            }
        });
        dnssec.setAccessibleText(I18n.t("providers.dnssec"));
        Label dnssecLabel = Ui.sectionLabel(I18n.t("providers.dnssec"));
        dnssecLabel.setLabelFor(dnssec);
        CheckBox routeAll = new CheckBox(I18n.t("providers.routeAll"));
        routeAll.setId("route-all");
        routeAll.selectedProperty().bindBidirectional(vm.model().routeAllDomainsProperty());
        VBox otherBox = new VBox(6, dnssecLabel, dnssec, explain("providers.dnssec.explain"),
                Ui.sectionLabel(I18n.t("providers.routing")), routeAll, explain("providers.routeAll.explain"));
        otherBox.getStyleClass().add("card");
        HBox.setHgrow(modeBox, Priority.ALWAYS);
        HBox.setHgrow(otherBox, Priority.ALWAYS);
        modeBox.setPrefWidth(420);
        otherBox.setPrefWidth(420);
        HBox settings = new HBox(12, modeBox, otherBox);

        // Custom provider form with inline validation
        TextField name = field("custom-name", "custom.name.prompt", vm.customNameProperty());
        TextField addresses = field("custom-addresses", "custom.addresses.prompt", vm.customAddressesProperty());
        TextField tls = field("custom-tls", "custom.tls.prompt", vm.customTlsNameProperty());
        TextField id = field("custom-id", "custom.id.prompt", vm.customIdProperty());
        GridPane form = Ui.keyValueGrid(10, 6);
        formRow(form, 0, "custom.name", name);
        formRow(form, 1, "custom.addresses", addresses);
        formRow(form, 2, "custom.tls", tls);
        formRow(form, 3, "custom.id", id);
        Label error = new Label();
        error.setId("custom-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.customErrorProperty().get() == null ? ""
                : "⚠ " + vm.customErrorProperty().get(), vm.customErrorProperty()));
        Ui.showWhen(error, vm.customErrorProperty().isNotNull());
        vm.customErrorProperty().addListener((o, a, e) -> {
            for (TextField f : new TextField[]{name, addresses, tls, id}) {
                f.getStyleClass().remove("invalid");
            }
            if (e != null) {
                TextField culprit = e.toLowerCase(Locale.ROOT).contains("name") && !e.contains("address") ? tls
                        : e.toLowerCase(Locale.ROOT).contains("id") ? id : addresses;
                culprit.getStyleClass().add("invalid");
            }
        });
        Label saved = new Label();
        saved.getStyleClass().add("hint");
        saved.textProperty().bind(vm.saveMessageProperty());
        Button addCustom = new Button(I18n.t("custom.add"));
        addCustom.setId("custom-add");
        addCustom.disableProperty().bind(vm.customValidProperty().not());
        addCustom.setOnAction(e -> vm.addCustom());
        VBox custom = new VBox(8, Ui.sectionLabel(I18n.t("custom.title")), explain("custom.explain"), form, error,
                new HBox(10, addCustom, saved));
        custom.getStyleClass().add("card");

        // Apply
        Label choiceError = new Label();
        choiceError.setId("choice-error");
        choiceError.getStyleClass().add("inline-error");
        choiceError.setWrapText(true);
        choiceError.textProperty().bind(Bindings.createStringBinding(() -> vm.choiceErrorProperty().get() == null ? ""
                : vm.choiceErrorProperty().get(), vm.choiceErrorProperty()));
        Button apply = new Button(I18n.t("providers.apply"));
        apply.setId("providers-apply");
        apply.getStyleClass().add("accent");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(vm.canApplyBinding().not());
        apply.setOnAction(e -> vm.apply());
        apply.setAccessibleText(I18n.t("providers.apply.a11y"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox applyRow = new HBox(12, choiceError, spacer, apply);
        applyRow.setAlignment(Pos.CENTER_LEFT);
        applyRow.getStyleClass().add("card");

        VBox content = new VBox(14, top, settings, custom, applyRow);
        content.getStyleClass().add("screen-content");
        setContent(content);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Label explain(String key) {
        Label l = new Label(I18n.t(key));
        l.setWrapText(true);
        l.getStyleClass().add("explain");
        return l;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(I18n.t(prompt));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static void formRow(GridPane g, int row, String key, TextField f) {
        Label l = new Label(I18n.t(key));
        l.setLabelFor(f);
        l.setMnemonicParsing(true);
        f.setAccessibleText(I18n.t(key).replace("_", ""));
        g.addRow(row, l, f);
    }

    private static void detail(GridPane g, int row, String key, ProvidersViewModel vm,
                               java.util.function.Function<Provider, String> f) {
        Label k = new Label(I18n.t(key));
        k.getStyleClass().add("fact-key");
        Label v = new Label();
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        v.textProperty().bind(Bindings.createStringBinding(() -> vm.detailProperty().get() == null ? ""
                : f.apply(vm.detailProperty().get()), vm.detailProperty()));
        g.addRow(row, k, v);
    }
}
