package org.port853.ui.status;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.ToggleSwitch;
import org.port853.core.Reason;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Status screen. */
public final class StatusView extends ScrollPane {
    private final StatusViewModel vm;
    private final VBox reasonBox = new VBox(6);

    public StatusView(StatusViewModel vm, Runnable onVerify, Runnable onRefresh, Runnable onShowLeaks) {
        this.vm = vm;
        setId("status-view");
        Ui.withoutViewportCache(this);
        setFitToWidth(true);
        getStyleClass().add("screen");

        // Interrupted change banner: rare, so built the first time it is shown
        var pending = Ui.builtWhen(vm.pendingProperty().isNotNull(), () -> {
            Label pendingText = new Label();
            pendingText.setWrapText(true);
            pendingText.textProperty().bind(vm.pendingProperty());
            Button recover = new Button(I18n.t("pending.recover"));
            recover.setId("recover-button");
            recover.setOnAction(e -> vm.recover());
            recover.disableProperty().bind(vm.recoverRefusedProperty()); // the reasons below say what to clear first
            recover.setAccessibleText(I18n.t("pending.recover.a11y"));
            HBox banner = Ui.banner("banner-warning", I18n.t("pending.title"), pendingText, recover);
            banner.setId("recover-banner");
            return banner;
        });

        // A change that did not take: rare, so built the first time it is shown
        var changeFailed = Ui.builtWhen(vm.changeFailedProperty().isNotNull(), () -> {
            Label failedText = new Label();
            failedText.setWrapText(true);
            failedText.textProperty().bind(vm.changeFailedProperty());
            Button dismiss = new Button(I18n.t("status.changeFailed.dismiss"));
            dismiss.setOnAction(e -> vm.dismissChangeFailed());
            HBox banner = Ui.banner("banner-warning", I18n.t("status.changeFailed.title"), failedText, dismiss);
            banner.setId("change-failed-banner");
            return banner;
        });

        // State: one word in the state's colour, a sentence, and the one primary action
        Label glyph = new Label();
        glyph.getStyleClass().add("state-glyph");
        Label headline = new Label();
        headline.setId("state");
        headline.getStyleClass().add("state-headline");
        headline.textProperty().bind(vm.stateTextProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add("state-detail");
        detail.textProperty().bind(vm.stateDetailProperty());
        // while leaking, the way to which queries and why: the sentence alone sent people looking for the tab
        javafx.scene.control.Hyperlink showLeaks = new javafx.scene.control.Hyperlink();
        showLeaks.textProperty().bind(vm.showLeaksTextProperty());
        showLeaks.setId("show-leaks");
        showLeaks.setOnAction(e -> onShowLeaks.run());
        Ui.showWhen(showLeaks, vm.leakingProperty());
        VBox stateText = new VBox(2, headline, detail, showLeaks);
        HBox.setHgrow(stateText, Priority.ALWAYS);
        HBox stateRow = new HBox(16, glyph, stateText);
        stateRow.setAlignment(Pos.CENTER_LEFT);

        Button protect = new Button();
        protect.textProperty().bind(vm.protectLabelProperty());
        protect.setId("protect-button");
        // the screen's primary control (it reads first): the keyboard focus starts here, and comes back after a sheet
        protect.getStyleClass().addAll("accent", "protect-button", "primary-control");
        protect.setMinWidth(Region.USE_PREF_SIZE);
        protect.setOnAction(e -> vm.protect());
        protect.disableProperty().bind(vm.switchUsableProperty().not());
        Label protectDetail = new Label();
        protectDetail.setId("protect-detail");
        protectDetail.setWrapText(true);
        protectDetail.getStyleClass().add("hint");
        protectDetail.textProperty().bind(vm.protectTextProperty());
        protect.accessibleTextProperty().bind(Bindings.createStringBinding(() -> vm.protectLabelProperty().get()
                .replace("_", "") + ". " + vm.protectTextProperty().get(), vm.protectLabelProperty(), vm.protectTextProperty()));
        HBox.setHgrow(protectDetail, Priority.ALWAYS);
        HBox protectRow = new HBox(12, protect, protectDetail);
        protectRow.setAlignment(Pos.CENTER_LEFT);
        protectRow.visibleProperty().bind(vm.protectOfferedProperty());
        protectRow.managedProperty().bind(vm.protectPlaceKeptProperty());

        VBox stateCard = new VBox(12, stateRow, protectRow);
        stateCard.setId("state-card");
        stateCard.getStyleClass().addAll("card", "state-card");
        StateStyles.follow(stateCard, vm.stateProperty());
        glyph.textProperty().bind(Bindings.createStringBinding(() -> StateStyles.glyph(vm.stateProperty().get()),
                vm.stateProperty()));
        headline.accessibleTextProperty().bind(Bindings.concat(I18n.t("state.a11y"), " ", vm.stateTextProperty(),
                ". ", vm.stateDetailProperty()));

        // The switch: shows the real mode; off reverts (previewed); when it cannot be used it says why
        ToggleSwitch encrypt = new ToggleSwitch();
        encrypt.textProperty().bind(vm.switchTitleProperty());
        encrypt.setId("encryption-switch");
        encrypt.getStyleClass().addAll("big-switch", "primary-control"); // when "Protect my DNS" is not offered
        encrypt.accessibleTextProperty().bind(Bindings.concat(vm.switchTitleProperty(), ": ", vm.switchTextProperty()));
        Ui.tooltipOnHover(encrypt, I18n.t("status.switch.tip"));
        encrypt.setSelected(vm.switchOnProperty().get());
        vm.switchOnProperty().addListener((o, a, on) -> encrypt.setSelected(on));
        vm.switchSyncProperty().addListener((o, a, t) -> encrypt.setSelected(vm.switchOnProperty().get()));
        encrypt.selectedProperty().addListener((o, a, on) -> {
            if (on != vm.switchOnProperty().get()) {
                vm.switchFlipped(on);
            }
        });
        encrypt.disableProperty().bind(vm.switchUsableProperty().not());
        // AtlantaFX's switch answers only the mouse: Space flips it from the keyboard, as it does a check box
        encrypt.addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown()) {
                encrypt.fire();
                e.consume();
            }
        });
        Label switchState = new Label();
        switchState.setId("switch-state");
        switchState.getStyleClass().add("switch-state");
        switchState.textProperty().bind(vm.switchTextProperty());
        VBox switchBox = new VBox(2, encrypt, switchState);
        Button verify = new Button(I18n.t("status.verify"));
        verify.setId("status-verify");
        verify.setOnAction(e -> onVerify.run());
        verify.setAccessibleText(I18n.t("status.verify.a11y"));
        verify.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = new Button(I18n.t("status.refresh"));
        refresh.setId("status-refresh");
        refresh.setOnAction(e -> refreshKeepingFocus(refresh, onRefresh));
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.disableProperty().bind(vm.refreshingProperty());
        // built on the first refresh: a spinner's skin is among the costliest to load before the first frame
        var refreshing = Ui.builtWhen(vm.refreshingProperty(), () -> {
            ProgressIndicator p = new ProgressIndicator();
            p.setId("status-refreshing");
            p.setPrefSize(20, 20);
            p.setAccessibleText(I18n.t("status.refreshing"));
            return p;
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox switchRow = new HBox(12, switchBox, spacer, refreshing, verify, refresh);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        switchRow.getStyleClass().add("card");

        // built only when the switch is blocked (rare): a text field's skin is costly to load at start-up
        var blocked = Ui.builtWhen(vm.blockedReasonProperty().isNotNull(), () -> {
            Label blockedText = new Label();
            blockedText.setWrapText(true);
            blockedText.textProperty().bind(vm.blockedReasonProperty());
            var commandRow = Ui.builtWhen(vm.blockedCommandProperty().isNotNull(), () -> commandRow(vm));
            VBox box = new VBox(6, blockedText, commandRow);
            box.setId("switch-blocked");
            box.getStyleClass().addAll("banner", "banner-warning");
            return box;
        });

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
        vm.reasons().addListener((ListChangeListener<ReasonTexts.Text>) c -> rebuildReasons());
        vm.stateProperty().addListener((o, a, st) -> rebuildReasons());
        vm.blockedReasonProperty().addListener((o, a, b) -> rebuildReasons());
        // without anything left to explain (the banner says why the switch cannot be used) the section goes away
        var explained = Bindings.isNotEmpty(vm.reasons()).or(vm.blockedReasonProperty().isNull());
        Ui.showWhen(reasonsTitle, explained);
        Ui.showWhen(reasonBox, explained);
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
        for (double min : new double[]{1, 0, 1, 1}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(min == 0 ? 120 : Region.USE_PREF_SIZE);
            c.setPrefWidth(Region.USE_COMPUTED_SIZE);
            if (min == 0) c.setHgrow(Priority.ALWAYS);
            table.getColumnConstraints().add(c);
        }
        vm.links().addListener((ListChangeListener<StatusViewModel.LinkRow>) c -> rebuildLinks(table));
        rebuildLinks(table);

        VBox content = new VBox(12, pending, stateCard, changeFailed, switchRow, blocked, reasonsTitle, reasonBox, facts, linksTitle,
                table);
        content.getStyleClass().add("screen-content");
        setContent(content);
    }

    /** The command that unblocks the switch, selectable, with a Copy button. */
    private static HBox commandRow(StatusViewModel vm) {
        TextField command = new TextField();
        command.setId("blocked-command");
        command.setEditable(false);
        command.getStyleClass().add("mono");
        command.textProperty().bind(vm.blockedCommandProperty());
        command.setAccessibleText(I18n.t("switch.blocked.command"));
        Button copy = new Button(I18n.t("switch.blocked.copy"));
        copy.setId("blocked-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(command.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        HBox.setHgrow(command, Priority.ALWAYS);
        HBox row = new HBox(8, command, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
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
        String[] heads = {"links.iface", "links.servers", "links.dot", "links.defaultRoute"};
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
            String[] cells = {r.name(), r.servers(), r.dot(), r.defaultRoute()};
            for (int i = 0; i < cells.length; i++) {
                Label l = new Label(cells[i] == null ? "" : cells[i]);
                l.setWrapText(i == 1);
                l.getStyleClass().add("links-cell");
                l.setAccessibleText(I18n.t(heads[i]) + ": " + l.getText());
                g.add(l, i, row);
            }
            row++;
        }
    }

    private void rebuildReasons() {
        // a fix button with the keyboard focus gets it back in the new rows: the periodic re-reading must not move the
        // focus (and with it what Space presses) to the primary action
        javafx.scene.Node owner = reasonBox.getScene() == null ? null : reasonBox.getScene().getFocusOwner();
        String focusedFix = owner != null && owner.getParent() != null && owner.getParent().getParent() == reasonBox
                ? owner.getId() : null;
        buildReasons();
        if (focusedFix != null) {
            reasonBox.getChildren().stream().filter(row -> row instanceof HBox).flatMap(row -> ((HBox) row)
                    .getChildren().stream()).filter(n -> focusedFix.equals(n.getId())).findFirst()
                    .ifPresent(javafx.scene.Node::requestFocus);
        }
    }

    private void buildReasons() {
        reasonBox.getChildren().clear();
        if (vm.stateProperty().get() == ProtectionState.READING) {
            Label reading = new Label(I18n.t("status.reasons.reading"));
            reading.getStyleClass().add("hint");
            reasonBox.getChildren().add(reading);
            return;
        }
        if (vm.reasons().isEmpty() && vm.blockedReasonProperty().get() != null) {
            return; // the banner over the switch says why; nothing else to explain
        }
        if (vm.reasons().isEmpty()) {
            Label none = new Label(I18n.t("status.noreasons"));
            none.getStyleClass().add("hint");
            reasonBox.getChildren().add(none);
            return;
        }
        for (ReasonTexts.Text t : vm.reasons()) {
            Reason r = t.reason();
            String sevKey = r.severity().name().toLowerCase(java.util.Locale.ROOT);
            Label sev = new Label(I18n.t("severity." + sevKey));
            sev.getStyleClass().addAll("severity-tag", "severity-" + sevKey);
            sev.setMinWidth(Region.USE_PREF_SIZE);
            Label msg = new Label(t.message());
            msg.setWrapText(true);
            msg.getStyleClass().add("reason-message");
            VBox text = new VBox(2, msg);
            if (t.fix() != null && !t.fix().isBlank()) {
                Label fix = new Label(I18n.t("reason.fix", t.fix()));
                fix.setWrapText(true);
                fix.getStyleClass().add("reason-fix");
                text.getChildren().add(fix);
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, sev, text);
            row.getStyleClass().add("reason-row");
            row.setAlignment(Pos.CENTER_LEFT);
            if (vm.offersFix(r)) {
                Button b = new Button(StatusViewModel.fixLabel(r.fixAction()));
                b.getStyleClass().add("fix-button");
                b.setId("fix-" + r.code());
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setMnemonicParsing(false);
                b.setAccessibleText(StatusViewModel.fixLabel(r.fixAction()) + ": " + t.message());
                b.setOnAction(e -> vm.fix(r));
                b.disableProperty().bind(vm.switchUsableProperty().not());
                row.getChildren().add(b);
            }
            reasonBox.getChildren().add(row);
        }
    }

    /**
     * Refresh is disabled while the state is read, which moves the keyboard focus to the next control (the switch). It
     * comes back to Refresh afterwards, unless the user has moved it meanwhile. The disabling may come a pulse later
     * (the reading starts through the task executor), so it is followed, not assumed.
     */
    private static void refreshKeepingFocus(Button refresh, Runnable onRefresh) {
        javafx.scene.Scene scene = refresh.getScene();
        if (!refresh.isFocused() || scene == null) {
            onRefresh.run();
            return;
        }
        javafx.scene.Node[] landed = new javafx.scene.Node[1];
        boolean[] wasDisabled = new boolean[1];
        javafx.beans.value.ChangeListener<javafx.scene.Node> moved = (o, from, to) -> {
            if (wasDisabled[0] && landed[0] == null) {
                landed[0] = to;
            }
        };
        refresh.disabledProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean disabled) {
                if (disabled) {
                    wasDisabled[0] = true;
                    landed[0] = refresh.isFocused() ? null : scene.getFocusOwner(); // moved already, or soon
                    return;
                }
                refresh.disabledProperty().removeListener(this);
                scene.focusOwnerProperty().removeListener(moved);
                if (wasDisabled[0] && scene.getFocusOwner() == landed[0]) {
                    refresh.requestFocus();
                }
            }
        });
        scene.focusOwnerProperty().addListener(moved);
        onRefresh.run();
    }
}
