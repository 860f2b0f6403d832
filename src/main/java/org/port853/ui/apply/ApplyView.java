package org.port853.ui.apply;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.port853.ui.common.Ui;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.port853.platform.ApplyResult;
import org.port853.ui.apply.ApplyViewModel.Phase;
import org.port853.ui.common.I18n;

/** The apply sheet shown over the window: preview, progress and result. */
public final class ApplyView extends StackPane {
    private final Button confirm = new Button(I18n.t("apply.confirm"));
    private final Button cancel = new Button(I18n.t("apply.cancel"));
    private final Button close = new Button(I18n.t("apply.close"));
    private final Button checkAgain = new Button(I18n.t("apply.checkAgain"));
    private final Button chooseProviders = new Button(I18n.t("apply.chooseProviders"));
    /** Sizes the diff's viewport to the room the window leaves it; run before each layout. */
    private final Runnable fitDiff;

    public ApplyView(ApplyViewModel vm) {
        getStyleClass().add("sheet-scrim");
        setId("apply-sheet");
        VBox card = new VBox(10);
        card.getStyleClass().add("sheet-card"); // not "sheet": VirtualFlow names its cell group so
        card.setMaxWidth(760);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setMinHeight(0);

        Label title = new Label();
        title.setId("apply-title");
        title.getStyleClass().add("sheet-title");
        title.textProperty().bind(vm.titleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.PLANNING)
                .or(vm.phaseProperty().isEqualTo(Phase.APPLYING)));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setAccessibleText(I18n.t("apply.progress.a11y"));

        Label summary = new Label();
        summary.setId("apply-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("sheet-summary");
        vm.resultProperty().addListener((o, a, r) -> {
            summary.getStyleClass().removeAll("result-ok", "result-warn", "result-bad");
            if (r != null) {
                summary.getStyleClass().add(vm.resultWarningProperty().get() ? "result-warn"
                        : r.succeeded() ? "result-ok" : "result-bad");
            }
        });
        HBox head = new HBox(10, progress, summary);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);

        Label plain = new Label();
        plain.setId("apply-plain-summary");
        plain.setWrapText(true);
        plain.getStyleClass().add("sheet-plain-summary");
        plain.textProperty().bind(vm.plainSummaryProperty());
        Ui.showWhen(plain, vm.plainSummaryProperty().isNotEmpty());

        // The exact diff, +/- lines coloured, in a block the user can fold away
        TextFlow diffText = new TextFlow();
        diffText.setId("apply-diff");
        diffText.getStyleClass().add("diff");
        vm.diffProperty().addListener((o, a, d) -> fillDiff(diffText, d));
        fillDiff(diffText, vm.diffProperty().get());
        diffText.accessibleTextProperty().bind(vm.diffLabelProperty());
        ScrollPane diffScroll = Ui.withoutViewportCache(new ScrollPane(diffText));
        // a diff line is never wrapped (a wrapped "DNS=" line read as a line of its own): long ones scroll sideways
        diffScroll.setFitToWidth(false);
        diffScroll.setPrefViewportHeight(DIFF_HEIGHT);
        diffScroll.getStyleClass().add("diff-scroll");
        TitledPane diff = new TitledPane(null, diffScroll);
        diff.textProperty().bind(vm.diffLabelProperty());
        diff.setId("apply-diff-block");
        diff.setExpanded(true);
        Label diffLabel = new Label();
        diffLabel.setManaged(false);
        diffLabel.setVisible(false);
        Label actionsLabel = new Label();
        actionsLabel.textProperty().bind(Bindings.when(vm.phaseProperty().isEqualTo(Phase.RESULT))
                .then(I18n.t("apply.actions.done")).otherwise(I18n.t("apply.actions.label")));
        actionsLabel.getStyleClass().add("section-label");
        Label actions = new Label();
        actions.setId("apply-actions");
        actions.setWrapText(true);
        actions.getStyleClass().add("mono");
        actions.textProperty().bind(vm.actionsProperty());
        BooleanBinding hasDiff = vm.diffProperty().isNotEmpty();
        diffLabel.setLabelFor(diff);
        BooleanBinding hasActions = vm.actionsProperty().isNotEmpty();
        for (var n : new javafx.scene.Node[]{diffLabel, diff}) {
            n.visibleProperty().bind(hasDiff);
            n.managedProperty().bind(hasDiff);
        }
        for (var n : new javafx.scene.Node[]{actionsLabel, actions}) {
            n.visibleProperty().bind(hasActions);
            n.managedProperty().bind(hasActions);
        }

        confirm.setId("apply-confirm");
        confirm.setDefaultButton(true);
        confirm.setMnemonicParsing(true);
        confirm.setOnAction(e -> vm.confirm());
        show(confirm, vm.phaseProperty().isEqualTo(Phase.PREVIEW));
        cancel.setId("apply-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.close());
        show(cancel, vm.phaseProperty().isEqualTo(Phase.PREVIEW).or(vm.phaseProperty().isEqualTo(Phase.REFUSED)));
        Button verifyNow = new Button(I18n.t("apply.verifyNow"));
        verifyNow.setId("apply-verify");
        verifyNow.getStyleClass().add("accent");
        verifyNow.setOnAction(e -> vm.verifyNow());
        show(verifyNow, Bindings.createBooleanBinding(() -> vm.kind() == ApplyViewModel.Kind.APPLY
                && (vm.phaseProperty().get() == Phase.NO_CHANGE || vm.phaseProperty().get() == Phase.RESULT
                && vm.resultProperty().get() != null && vm.resultProperty().get().succeeded()),
                vm.phaseProperty(), vm.resultProperty()));
        vm.phaseProperty().addListener((o, a, p) -> {
            confirm.getStyleClass().remove("danger");
            boolean turningOff = p == Phase.PREVIEW && vm.kind() == ApplyViewModel.Kind.REVERT;
            if (turningOff) {
                confirm.getStyleClass().add("danger");
            }
            // turning encryption off is never what Enter does: the sheet opens on Cancel, and the red button takes a
            // click, Space on it or its mnemonic
            confirm.setDefaultButton(!turningOff);
            confirm.setText(I18n.t(p == Phase.PREVIEW && vm.kind() == ApplyViewModel.Kind.REVERT
                    ? "apply.confirm.revert" : "apply.confirm"));
        });
        close.setId("apply-close");
        close.setOnAction(e -> vm.close());
        // Escape dismisses a result as it cancels a preview (Cancel is the Escape button there)
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Phase p = vm.phaseProperty().get();
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && (p == Phase.RESULT || p == Phase.NO_CHANGE)) {
                vm.close();
                e.consume();
            }
        });
        show(close, vm.phaseProperty().isEqualTo(Phase.RESULT).or(vm.phaseProperty().isEqualTo(Phase.NO_CHANGE)));
        // a preview that may not be confirmed says why beside its greyed-out button, and may be checked again
        BooleanBinding isHeld = vm.phaseProperty().isEqualTo(Phase.PREVIEW).and(vm.heldProperty().isNotNull());
        confirm.disableProperty().bind(isHeld);
        Label held = new Label();
        held.setId("apply-held");
        held.setWrapText(true);
        held.getStyleClass().add("inline-warning");
        held.textProperty().bind(vm.heldProperty());
        held.setMaxWidth(Double.MAX_VALUE);
        Ui.showWhen(held, isHeld);
        checkAgain.setId("apply-check-again");
        checkAgain.setMnemonicParsing(true);
        checkAgain.setOnAction(e -> vm.checkAgain());
        checkAgain.disableProperty().bind(vm.checkingAgainProperty());
        show(checkAgain, Bindings.createBooleanBinding(() -> isHeld.get() && vm.canCheckAgain(), isHeld));
        chooseProviders.setId("apply-choose-providers");
        chooseProviders.setMnemonicParsing(true);
        chooseProviders.setOnAction(e -> vm.chooseProviders());
        show(chooseProviders, isHeld);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(held, Priority.ALWAYS);
        HBox buttons = new HBox(8, held, spacer, cancel, close, verifyNow, chooseProviders, checkAgain,
                confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label demoNote = new Label();
        demoNote.getStyleClass().add("hint");
        demoNote.textProperty().bind(Bindings.createStringBinding(() -> {
            ApplyResult r = vm.resultProperty().get();
            // nothing ran (refused, or failed before the helper started): no "Took 0 ms"
            return r == null || r.elapsed() == null || r.elapsed().isZero() ? "" : I18n.t("apply.elapsed",
                    r.elapsed().toMillis());
        }, vm.resultProperty()));

        Label pins = new Label();
        pins.setId("apply-pins");
        pins.setWrapText(true);
        pins.textProperty().bind(vm.pinsTextProperty());
        Ui.showWhen(pins, vm.pinsTextProperty().isNotEmpty());

        Label cause = new Label();
        cause.setId("apply-cause");
        cause.setWrapText(true);
        cause.textProperty().bind(vm.causeTextProperty());
        Ui.showWhen(cause, vm.causeTextProperty().isNotEmpty());

        VBox body = new VBox(10, plain, head, cause, pins, diff, actionsLabel, actions, demoNote);
        ScrollPane bodyScroll = Ui.withoutViewportCache(new ScrollPane(body));
        bodyScroll.setFitToWidth(true);
        bodyScroll.getStyleClass().add("sheet-body");
        bodyScroll.setId("apply-body");
        // a Tab stop, so that a long preview or result can be read to its end with the arrow keys and Page Down
        bodyScroll.setFocusTraversable(true);
        VBox.setVgrow(bodyScroll, Priority.SOMETIMES);
        card.getChildren().addAll(title, bodyScroll, buttons);
        fitDiff = () -> {
            fitBody(body, bodyScroll);
            fitDiff(card, body, bodyScroll, diff, diffScroll, title.getHeight() + buttons.getHeight());
        };
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        visibleProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.IDLE));
        vm.phaseProperty().addListener((o, a, p) -> {
            Button focus = p == Phase.PREVIEW ? (vm.kind() == ApplyViewModel.Kind.REVERT ? cancel
                    : vm.heldProperty().get() == null ? confirm : vm.canCheckAgain() ? checkAgain : cancel)
                    : p == Phase.RESULT || p == Phase.NO_CHANGE ? close
                    : p == Phase.REFUSED ? cancel : null;
            if (focus != null) {
                javafx.application.Platform.runLater(() -> {
                    // the accented action takes Enter: "Verify now" after a change that worked, not Close
                    (focus == close && verifyNow.isVisible() ? verifyNow : focus).requestFocus();
                    // Each page starts at its top, also a new sheet: the scroll pane kept the previous sheet's
                    // position, and JavaFX moving the focus into the body meanwhile scrolls it to the diff's fold.
                    bodyScroll.setVvalue(bodyScroll.getVmin());
                    diffScroll.setVvalue(diffScroll.getVmin());
                    diffScroll.setHvalue(diffScroll.getHmin());
                });
            }
        });
    }

    @Override
    protected void layoutChildren() {
        fitDiff.run();
        super.layoutChildren();
    }

    /**
     * The body asks for the height its wrapped text needs at the width it has: a scroll pane measures its content at
     * the content's preferred width (each text on one line), so a sheet of a few long sentences came out one line high
     * with a scroll bar. The sheet still gives way where the window is lower (the card's height is capped by it).
     */
    private static void fitBody(VBox body, ScrollPane bodyScroll) {
        double w = bodyScroll.getViewportBounds().getWidth();
        if (w > 0) {
            double needed = Math.ceil(body.prefHeight(w));
            if (Math.abs(bodyScroll.getPrefViewportHeight() - needed) >= 1) {
                bodyScroll.setPrefViewportHeight(needed);
            }
        }
    }

    /**
     * In a low window the diff's viewport gives way (220 px where there is room, never under four lines), so the sheet shows
     * the whole block, its sideways scroll bar included, above the fold instead of cutting it there. Measured from the
     * last layout: where the block starts does not depend on its height.
     */
    private void fitDiff(VBox card, VBox body, ScrollPane bodyScroll, TitledPane block, ScrollPane diffScroll,
                         double titleAndButtons) {
        if (!block.isVisible() || !block.isExpanded() || diffScroll.getHeight() <= 0 || getHeight() <= 0) {
            return;
        }
        double room = getHeight() - snappedTopInset() - snappedBottomInset() - card.snappedTopInset()
                - card.snappedBottomInset() - 2 * card.getSpacing() - titleAndButtons
                - bodyScroll.snappedTopInset() - bodyScroll.snappedBottomInset();
        javafx.geometry.Bounds inBody = body.sceneToLocal(diffScroll.localToScene(diffScroll.getLayoutBounds()));
        double blockBottom = body.sceneToLocal(block.localToScene(block.getLayoutBounds())).getMaxY();
        double around = inBody.getMinY() + (blockBottom - inBody.getMaxY()); // what the block's end needs besides the diff
        double chrome = diffScroll.getHeight() - diffScroll.getViewportBounds().getHeight();
        double fitted = Math.max(DIFF_MIN_HEIGHT, Math.min(DIFF_HEIGHT, Math.floor(room - around - chrome)));
        if (Math.abs(fitted - diffScroll.getPrefViewportHeight()) >= 1) {
            diffScroll.setPrefViewportHeight(fitted);
        }
    }

    private static final double DIFF_HEIGHT = 220;
    private static final double DIFF_MIN_HEIGHT = 60; // four lines

    private static void fillDiff(TextFlow flow, String diff) {
        flow.getChildren().clear();
        if (diff == null || diff.isEmpty()) {
            return;
        }
        for (String line : diff.split("\n", -1)) {
            Text t = new Text(line + "\n");
            t.getStyleClass().add(line.startsWith("+") && !line.startsWith("+++") ? "diff-add"
                    : line.startsWith("-") && !line.startsWith("---") ? "diff-del" : "diff-context");
            flow.getChildren().add(t);
        }
    }

    private static void show(Button b, BooleanBinding when) {
        b.visibleProperty().bind(when);
        b.managedProperty().bind(when);
    }
}
