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
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Provider;
import org.port853.ui.common.Confirm;
import org.port853.ui.common.I18n;
import org.port853.ui.common.InUseServers;
import org.port853.ui.common.ProviderTexts;
import org.port853.ui.common.Ui;
import org.port853.ui.common.WrappingText;

/** The Providers screen: a filterable list, the chosen order, mode and routing, and a sticky apply footer. */
public final class ProvidersView extends BorderPane {
    private final ProvidersViewModel vm;

    public ProvidersView(ProvidersViewModel vm, Consumer<String> openUrl) {
        this.vm = vm;
        setId("providers-view");
        getStyleClass().add("screen");

        // Provider list with filter
        TextField filter = new TextField();
        filter.setId("provider-filter");
        filter.setPromptText(I18n.t("providers.filter.prompt"));
        filter.setAccessibleText(I18n.t("providers.filter.prompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        ListView<Provider> list = new ListView<>(vm.filtered());
        list.setId("provider-list");
        list.setPlaceholder(new Label(I18n.t("providers.filter.none")));
        list.setAccessibleText(I18n.t("providers.catalogue"));
        list.setCellFactory(l -> new ProviderCell());
        list.setPrefHeight(300);
        list.setMinHeight(160);
        VBox.setVgrow(list, Priority.ALWAYS); // a tall window shows more of the catalogue, not empty space below it
        vm.detailProperty().bind(list.getSelectionModel().selectedItemProperty());
        // the keys (End, Page Down, arrows) select a row the list scrolls to by estimated heights; rows here differ in
        // height (badges, wrapped names), so the selected row could stay half below the edge: show it whole
        Ui.keepSelectedRowWhole(list);
        keepEditedRowSelected(list);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) {
                vm.toggle(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        Button addOwn = new Button(I18n.t("providers.addOwn"));
        addOwn.setId("custom-open");
        addOwn.setOnAction(e -> CustomProviderDialog.show(vm, getScene() == null ? null : getScene().getWindow()));
        addOwn.setMinWidth(Region.USE_PREF_SIZE); // a long message wraps; the button keeps its words
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox listTools = new HBox(10, addOwn, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        listTools.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, Ui.sectionLabel(I18n.t("providers.catalogue")), filter, list, listTools,
                details(openUrl, list));
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = chosenBox();

        // Mode: one line each, strict recommended
        ToggleGroup modes = new ToggleGroup();
        RadioButton strict = new RadioButton(I18n.t("mode.strict.choice"));
        strict.setId("mode-strict");
        strict.setToggleGroup(modes);
        strict.setUserData(DotMode.STRICT);
        RadioButton opp = new RadioButton(I18n.t("mode.opportunistic.choice"));
        opp.setId("mode-opportunistic");
        opp.setToggleGroup(modes);
        opp.setUserData(DotMode.OPPORTUNISTIC);
        modes.selectToggle(vm.model().modeProperty().get() == DotMode.OPPORTUNISTIC ? opp : strict);
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.model().modeProperty().set((DotMode) t.getUserData());
        });
        vm.model().modeProperty().addListener((o, a, m) -> modes.selectToggle(m == DotMode.OPPORTUNISTIC ? opp : strict));
        Label recommended = new Label(I18n.t("providers.recommended"));
        recommended.getStyleClass().addAll("badge", "badge-recommended");
        HBox strictRow = new HBox(8, strict, recommended);
        strictRow.setAlignment(Pos.CENTER_LEFT);
        VBox modeBox = new VBox(6, Ui.sectionLabel(I18n.t("providers.mode")),
                strictRow, explain("mode.strict.line"), opp, explain("mode.opportunistic.line"));
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

        Pane catalogueAndChosen = Ui.columns(760, 16, left, right);
        VBox.setVgrow(catalogueAndChosen, Priority.ALWAYS);
        VBox content = new VBox(14, blockedBanner(), providerProblemBanner(openUrl), renamedBanner(), leftOutBanner(), catalogueAndChosen, Ui.columns(760, 12, modeBox, otherBox));
        content.getStyleClass().add("screen-content");
        content.setMinHeight(Region.USE_PREF_SIZE); // shorter than that, the screen scrolls instead of squeezing
        // side by side, each block keeps its share of the width whatever it shows (a selected provider's long source
        // address, a new provider's name): the columns no longer jump when the user selects or adds one
        left.setId("providers-catalogue-block");
        share(left, content, 0.58, 16);
        share(right, content, 0.42, 16);
        share(modeBox, content, 0.45, 12);
        share(otherBox, content, 0.55, 12);
        setCenter(Ui.scrollWhenShort(content));
        setBottom(footer());
    }

    /** Says why choices made here cannot be applied now, instead of a footer that never comes. */
    private javafx.scene.Node blockedBanner() {
        return warningBanner("providers-blocked", "providers.blocked.title", vm.blockedBinding());
    }

    /**
     * The user's own provider file could not be read: the built-in providers are listed without them. Port853 leaves the
     * file as it is, so the way out is there: its folder opens in the file manager, and the file is read again once fixed.
     */
    private javafx.scene.Node providerProblemBanner(Consumer<String> openUrl) {
        Button folder = new Button(I18n.t("providers.customProblem.folder"));
        folder.setId("providers-custom-folder");
        folder.setOnAction(e -> openUrl.accept(vm.refusedProviderFolder()));
        Button again = new Button(I18n.t("providers.customProblem.again"));
        again.setId("providers-custom-again");
        again.setOnAction(e -> vm.readProvidersAgain());
        for (Button b : java.util.List.of(folder, again)) {
            Ui.showWhen(b, vm.refusedProviderFileProperty().isNotNull());
        }
        return warningBanner("providers-custom-problem", "providers.customProblem.title", vm.providerProblemProperty(),
                folder, again);
    }

    /** The user's own providers listed under a new id; read again once renamed in their file by hand. */
    private javafx.scene.Node renamedBanner() {
        Button again = new Button(I18n.t("providers.customProblem.again"));
        again.setId("providers-renamed-again");
        again.setOnAction(e -> vm.readProvidersAgain());
        return warningBanner("providers-renamed", "providers.renamed.title", vm.providersRenamedProperty(), again);
    }

    /** A server in use that the chosen list leaves out, as Port853 cannot write its name: applying removes it. */
    private javafx.scene.Node leftOutBanner() {
        return warningBanner("providers-left-out", "providers.leftOut.title", vm.leftOutBinding());
    }

    /** A warning banner under {@code titleKey}, there while {@code text} is not null, saying it, with its actions. */
    private static javafx.scene.Node warningBanner(String id, String titleKey, javafx.beans.binding.StringExpression text,
                                                   javafx.scene.Node... actions) {
        return Ui.builtWhen(text.isNotNull(), () -> {
            Label said = new Label();
            said.setId(id);
            said.setWrapText(true);
            said.textProperty().bind(text);
            return Ui.banner("banner-warning", I18n.t(titleKey), said, actions);
        });
    }

    /** Shown whenever the draft differs from the system: "3 changes — Discard / Review and apply". */
    private HBox footer() {
        Label count = new Label();
        count.setId("draft-changes");
        count.getStyleClass().add("footer-count");
        count.textProperty().bind(vm.footerTextBinding());
        count.setWrapText(true); // in a narrow window (German: "1 Änderung, noch nicht angewendet") it wraps, not cut
        Label choiceError = new Label();
        choiceError.setId("choice-error");
        choiceError.getStyleClass().add("inline-error");
        choiceError.setWrapText(true);
        choiceError.textProperty().bind(Bindings.createStringBinding(() -> vm.choiceErrorProperty().get() == null ? ""
                : vm.choiceErrorProperty().get(), vm.choiceErrorProperty()));
        HBox.setHgrow(choiceError, Priority.ALWAYS);
        Button discard = new Button(I18n.t("providers.discard"));
        discard.setId("providers-discard");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(e -> vm.discard());
        Ui.showWhen(discard, vm.discardPointlessProperty().not());
        Button apply = new Button(I18n.t("providers.apply"));
        apply.setId("providers-apply");
        apply.getStyleClass().add("accent");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(vm.canApplyBinding().not());
        apply.setOnAction(e -> vm.apply());
        apply.setAccessibleText(I18n.t("providers.apply.a11y"));
        HBox footer = new HBox(12, count, choiceError, discard, apply);
        footer.setId("providers-footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("sticky-footer");
        Ui.showWhen(footer, vm.draftDiffersBinding());
        return footer;
    }

    private VBox chosenBox() {
        ListView<Provider> chosen = new ListView<>(vm.chosen());
        chosen.setId("chosen-list");
        chosen.setAccessibleText(I18n.t("providers.chosen"));
        chosen.setPrefHeight(160);
        VBox.setVgrow(chosen, Priority.ALWAYS); // beside the catalogue, as tall as the column: every choice in view
        chosen.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Provider p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : (getIndex() + 1) + ". " + ProviderTexts.name(p)
                        + (InUseServers.isEntry(p) ? " (" + I18n.t("providers.inUse") + ")" : ""));
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
        remove.setOnAction(e -> vm.toggle(chosen.getSelectionModel().getSelectedItem()));
        for (Button b : new Button[]{up, down, remove}) {
            b.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        }
        Label order = new Label(I18n.t("providers.order.hint"));
        order.getStyleClass().add("hint");
        order.setWrapText(true);
        VBox right = new VBox(8, Ui.sectionLabel(I18n.t("providers.chosen")), chosen, new HBox(6, up, down, remove), order);
        right.setMinWidth(240);
        return right;
    }

    /** The block's width when side by side: its fraction of the content's inner width less the gap. */
    private static void share(javafx.scene.layout.Region block, javafx.scene.layout.Region content, double fraction,
                              double gap) {
        block.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(0,
                (content.getWidth() - content.getInsets().getLeft() - content.getInsets().getRight() - gap) * fraction),
                content.widthProperty(), content.insetsProperty()));
    }

    /** Addresses, TLS name, operator and source of the selected provider; Edit and Delete for the user's own. */
    private VBox details(Consumer<String> openUrl, ListView<Provider> list) {
        GridPane details = Ui.keyValueGrid(12, 4);
        details.getStyleClass().addAll("card", "facts");
        details.setId("provider-details");
        detail(details, 0, "providers.detail.ipv4", p -> String.join(", ", p.ipv4()));
        detail(details, 1, "providers.detail.ipv6", p -> String.join(", ", p.ipv6()));
        detail(details, 2, "providers.detail.tls", p -> nz(p.tlsName()));
        detail(details, 3, "providers.detail.operator", p -> p.custom() ? I18n.t("providers.custom")
                : ProviderTexts.operator(p) + (p.jurisdiction() == null || p.jurisdiction().isBlank() ? ""
                : " (" + ProviderTexts.jurisdiction(p.jurisdiction()) + ")"));
        Hyperlink source = new Hyperlink();
        source.setId("provider-source");
        source.textProperty().bind(Bindings.createStringBinding(() -> vm.detailProperty().get() == null ? ""
                : nz(vm.detailProperty().get().sourceUrl()), vm.detailProperty()));
        // no address (a provider of your own): a dash as plain text, not a link that opens nothing
        var hasSource = Bindings.createBooleanBinding(() -> source.getText() != null && !source.getText().isBlank()
                && !source.getText().equals("—"), source.textProperty());
        source.setOnAction(e -> openUrl.accept(source.getText()));
        Ui.showWhen(source, hasSource);
        Label noSource = new Label("—");
        noSource.setId("provider-no-source");
        Ui.showWhen(noSource, hasSource.not());
        Label sk = new Label(I18n.t("providers.detail.source"));
        sk.getStyleClass().add("fact-key");
        details.addRow(4, sk, new HBox(source, noSource));
        Button edit = new Button(I18n.t("providers.editCustom"));
        edit.setId("provider-edit-custom");
        edit.setOnAction(e -> {
            if (vm.detailProperty().get() != null) {
                CustomProviderDialog.edit(vm, getScene() == null ? null : getScene().getWindow(),
                        vm.detailProperty().get()).show();
            }
        });
        Button delete = new Button(I18n.t("providers.deleteCustom"));
        delete.setId("provider-delete-custom");
        delete.setOnAction(e -> confirmDelete(vm.detailProperty().get(), list));
        HBox own = new HBox(6, edit, delete);
        Ui.showWhen(own, Bindings.createBooleanBinding(() -> vm.detailProperty().get() != null
                && vm.detailProperty().get().custom(), vm.detailProperty()));
        details.add(own, 1, 5);
        Label pick = new Label(I18n.t("providers.detail.pick"));
        pick.getStyleClass().add("hint");
        Ui.showWhen(pick, vm.detailProperty().isNull());
        Ui.showWhen(details, vm.detailProperty().isNotNull());
        return new VBox(4, pick, details);
    }

    /**
     * An edited provider replaces its row, and the row stays selected with its details: a filtered list reports the
     * replacement as a removal and an addition, and the selection went with the removal.
     */
    private static void keepEditedRowSelected(ListView<Provider> list) {
        String[] selectedId = {null};
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) selectedId[0] = now.id();
        });
        list.getItems().addListener((javafx.collections.ListChangeListener<Provider>) c -> {
            if (list.getSelectionModel().getSelectedItem() != null || selectedId[0] == null) {
                return;
            }
            while (c.next()) {
                Provider edited = c.getAddedSubList().stream().filter(p -> p.id().equals(selectedId[0])).findFirst()
                        .orElse(null);
                if (edited != null) {
                    list.getSelectionModel().select(edited);
                    return;
                }
            }
        });
    }

    private void confirmDelete(Provider p, ListView<Provider> list) {
        if (p == null) {
            return;
        }
        // which one, by its address too (two can share a name in an older file), and whether the system uses it now;
        // a deletion cannot be undone: Cancel is the default
        String question = I18n.t("providers.delete.confirm", ProviderTexts.name(p) + " (" + String.join(", ",
                p.addresses()) + ")") + (vm.isActive(p) ? " " + I18n.t("providers.delete.inUse") : "");
        if (Confirm.ask(this, I18n.t("providers.deleteCustom"), question, I18n.t("providers.delete.do"), true)) {
            vm.removeCustom(p);
            // the list, with the row now selected: the button stays on the screen for the next provider of one's
            // own, and a Space or Enter left there would start deleting that one
            list.requestFocus();
        }
    }

    /** One provider: a check box for the draft, the name with its badges, operator and jurisdiction. */
    private final class ProviderCell extends ListCell<Provider> {
        private final CheckBox chosen = new CheckBox();
        private final Label name = new Label();
        private final Label recommended = badge("providers.recommended", "badge-recommended");
        private final Label active = badge("providers.active", "badge-active");
        private final Label filtering = badge(null, "badge-filtering");
        // wraps: German's "DNS4EU-Konsortium unter Führung von Whalebone · Europäische Union …"
        private final javafx.scene.text.Text meta;
        private final HBox box;
        /**
         * The tick and badges follow the draft and the state in place: refreshing the whole list instead would make
         * new cells and move the keyboard focus to another row (a second Space then ticked another provider).
         */
        private final javafx.beans.InvalidationListener follow = o -> {
            if (!isEmpty() && getItem() != null) {
                show(getItem());
            }
        };

        ProviderCell() {
            vm.chosen().addListener(new javafx.beans.WeakInvalidationListener(follow));
            vm.model().stateProperty().addListener(new javafx.beans.WeakInvalidationListener(follow));
            // the list is the one keyboard stop: arrows move the row (ringed), Space or Enter ticks it
            chosen.setFocusTraversable(false);
            name.getStyleClass().add("provider-name");
            // the badges wrap under a long name instead of widening the list (a sideways scroll bar at 720 px)
            FlowPane title = new FlowPane(6, 2, name, recommended, active, filtering);
            title.setAlignment(Pos.CENTER_LEFT);
            title.getStyleClass().add("provider-title");
            title.setMinWidth(0); // a horizontal FlowPane asks for its widest child as its minimum, the long name unwrapped
            title.prefWrapLengthProperty().bind(Bindings.selectDouble(listViewProperty(), "width").subtract(80));
            // and a name longer than the list is wide wraps too (German's "Cloudflare for Families (blockiert …)")
            name.setWrapText(true);
            name.maxWidthProperty().bind(title.prefWrapLengthProperty());
            meta = WrappingText.within(title.prefWrapLengthProperty(), "provider-meta"); // muted, from the stylesheet
            VBox text = new VBox(2, title, meta);
            // the row asks for no more than the list's width: a VBox would ask for the name's one-line width
            text.prefWidthProperty().bind(title.prefWrapLengthProperty());
            text.maxWidthProperty().bind(title.prefWrapLengthProperty());
            text.setMinWidth(0);
            box = new HBox(10, chosen, text);
            box.setAlignment(Pos.CENTER_LEFT);
            chosen.setOnAction(e -> {
                vm.toggle(getItem());
                chosen.setSelected(getItem() != null && vm.isChosen(getItem()));
            });
        }

        @Override
        protected void updateItem(Provider p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            show(p);
        }

        private void show(Provider p) {
            chosen.setSelected(vm.isChosen(p));
            chosen.setAccessibleText(I18n.t("providers.choose.a11y", ProviderTexts.name(p)));
            name.setText(ProviderTexts.name(p));
            recommended.setVisible(vm.isRecommended(p));
            recommended.setManaged(vm.isRecommended(p));
            active.setVisible(vm.isActive(p));
            active.setManaged(vm.isActive(p));
            String f = p.filtering() == null ? "none" : p.filtering().name().toLowerCase(Locale.ROOT);
            filtering.setText(I18n.t("filtering." + f));
            filtering.setVisible(!"none".equals(f));
            filtering.setManaged(!"none".equals(f));
            meta.setText(ProviderTexts.meta(p));
            setText(null);
            setGraphic(box);
            setAccessibleText(ProviderTexts.name(p) + (vm.isChosen(p) ? ", " + I18n.t("providers.chosen.a11y") : "")
                    + (vm.isActive(p) ? ", " + I18n.t("providers.active") : "")
                    + (ProviderTexts.lookAlike(p).isEmpty() ? "" : ", " + ProviderTexts.lookAlike(p)));
        }
    }

    private static Label badge(String key, String style) {
        Label l = new Label(key == null ? "" : I18n.t(key));
        l.getStyleClass().addAll("badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
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

    private void detail(GridPane g, int row, String key, java.util.function.Function<Provider, String> f) {
        Label k = new Label(I18n.t(key));
        k.getStyleClass().add("fact-key");
        Label v = new Label();
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        v.textProperty().bind(Bindings.createStringBinding(() -> {
            Provider p = vm.detailProperty().get();
            String text = p == null ? "" : f.apply(p);
            return p != null && (text == null || text.isBlank()) ? "—" : text; // a field the provider has none of
        }, vm.detailProperty()));
        g.addRow(row, k, v);
    }
}
