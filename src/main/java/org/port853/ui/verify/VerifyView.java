package org.port853.ui.verify;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;
import org.port853.ui.common.WrappingText;

/** The Verify screen. */
public final class VerifyView extends VBox {
    /** @param onFix runs the fix for a leak found (Status's "Protect my DNS" preview) */
    public VerifyView(VerifyViewModel vm, Runnable onFix) {
        super(12);
        setId("verify-view");
        getStyleClass().addAll("screen", "screen-content");
        Label intro = new Label(I18n.t("verify.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("explain");
        // a screen short of height (720 x 520) shrinks its children to their minimum: wrapped texts keep their lines
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Spinner<Integer> count = new Spinner<>(1, 100, vm.countProperty().get());
        count.setId("verify-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.valueProperty().addListener((o, a, v) -> vm.countProperty().set(v));
        count.setAccessibleText(I18n.t("verify.count"));
        Label countError = new Label();
        countError.setId("verify-count-error");
        countError.getStyleClass().add("inline-error");
        countError.setWrapText(true);
        Ui.showWhen(countError, countError.textProperty().isNotEmpty());
        refuseOutOfRange(count, countError);
        Label countLabel = new Label(I18n.t("verify.count"));
        countLabel.setLabelFor(count);
        countLabel.setMnemonicParsing(true);
        Button run = new Button(I18n.t("verify.run"));
        run.setId("verify-run");
        run.getStyleClass().addAll("accent", "primary-control");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        Ui.showWhen(progress, vm.runningProperty());
        HBox controls = new HBox(10, countLabel, count, run, progress, countError);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label headline = new Label();
        headline.setId("verify-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        headline.getStyleClass().add("verify-headline");
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.setMinWidth(0);
        Button fix = new Button(I18n.t("verify.fix"));
        fix.setId("verify-fix");
        fix.getStyleClass().add("accent");
        fix.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fix.setOnAction(e -> onFix.run());
        Ui.showWhen(fix, vm.fixOfferedProperty());
        Label why = new Label();
        why.setId("verify-why");
        why.setWrapText(true);
        why.textProperty().bind(vm.whyProperty());
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Ui.showWhen(why, vm.whyProperty().isNotEmpty());
        javafx.scene.layout.VBox said = new javafx.scene.layout.VBox(4, headline, why);
        javafx.scene.layout.HBox.setHgrow(said, javafx.scene.layout.Priority.ALWAYS);
        HBox result = new HBox(12, said, fix);
        result.setAlignment(Pos.CENTER_LEFT);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.getStyleClass().addAll("card", "verify-result", style(vm.outcomeProperty().get()));
        vm.outcomeProperty().addListener((o, a, s) -> {
            result.getStyleClass().remove(style(a));
            result.getStyleClass().add(style(s));
        });
        headline.accessibleTextProperty().bind(vm.headlineProperty());

        ListView<String> details = new ListView<>(vm.details());
        details.setId("verify-details");
        details.setAccessibleText(I18n.t("verify.details"));
        Label placeholder = new Label();
        placeholder.setId("verify-details-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty())
                .then(I18n.t("verify.details.running")).otherwise(I18n.t("verify.details.none")));
        details.setPlaceholder(placeholder);
        // At least five rows tall, and the rest of the screen where there is room (a wrapped line takes two rows'
        // height: a list of its own estimated height scrolled with half the window empty below it); shrinks when the
        // window is small. A line wraps in a narrow window (a leak's line names the query, server, link and answer)
        // instead of being cut.
        details.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            private final javafx.scene.text.Text line = WrappingText.inCell(this, WrappingText.listWidth(list));

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                line.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : line);
                setAccessibleText(empty ? null : item);
            }
        });
        details.prefHeightProperty().bind(javafx.beans.binding.Bindings.max(5,
                javafx.beans.binding.Bindings.size(vm.details())).multiply(26).add(4));
        details.setMaxHeight(Double.MAX_VALUE);
        javafx.scene.layout.VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);
        details.setMinHeight(80);
        getChildren().addAll(intro, controls, result, Ui.sectionLabel(I18n.t("verify.details")), details);
    }

    /**
     * A typed count that is not a number in the spinner's range keeps the previous count and says what is allowed,
     * instead of the spinner silently going back.
     */
    private static void refuseOutOfRange(Spinner<Integer> count, Label error) {
        javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) count.getValueFactory();
        f.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int n = Integer.parseInt(text.strip());
                    if (n >= f.getMin() && n <= f.getMax()) {
                        error.setText("");
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // said below
                }
                error.setText(I18n.t("verify.count.range", f.getMin(), f.getMax()));
                javafx.application.Platform.runLater(() -> count.getEditor().setText(toString(f.getValue())));
                return f.getValue();
            }
        });
    }

    private static String style(VerifyViewModel.Outcome o) {
        return "verify-" + o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
