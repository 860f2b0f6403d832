package org.port853.ui.providers;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.port853.ui.common.I18n;
import org.port853.ui.providers.CustomProviderForm.Field;

/** "Your own provider": name, addresses and TLS name, each checked when the user leaves the field. */
final class CustomProviderDialog {
    private CustomProviderDialog() {
    }

    static Dialog<ButtonType> create(ProvidersViewModel vm, Window owner) {
        CustomProviderForm form = vm.form();
        form.clear();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(I18n.t("custom.title"));
        d.setHeaderText(I18n.t("custom.explain"));
        if (owner != null) {
            d.initOwner(owner);
            if (owner.getScene() != null) d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setId("custom-form");
        row(grid, 0, "custom.name", "custom-name", "custom.name.prompt", form, Field.NAME);
        row(grid, 2, "custom.addresses", "custom-addresses", "custom.addresses.prompt", form, Field.ADDRESSES);
        row(grid, 4, "custom.tls", "custom-tls", "custom.tls.prompt", form, Field.TLS_NAME);
        d.getDialogPane().setContent(new VBox(8, grid));
        d.getDialogPane().getStyleClass().add("main-window");
        ButtonType save = new ButtonType(I18n.t("custom.add"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, save);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("custom-add");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.saveCustom()) {
                e.consume(); // stay open: the fields say what to fix
            }
        });
        return d;
    }

    static void show(ProvidersViewModel vm, Window owner) {
        create(vm, owner).show();
    }

    private static void row(GridPane g, int row, String key, String id, String prompt, CustomProviderForm form, Field f) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(26);
        field.setPromptText(I18n.t(prompt));
        field.textProperty().bindBidirectional(switch (f) {
            case NAME -> form.nameProperty();
            case ADDRESSES -> form.addressesProperty();
            case TLS_NAME -> form.tlsNameProperty();
        });
        Label label = new Label(I18n.t(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setAccessibleText(I18n.t(key).replace("_", ""));
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.textProperty().bind(form.errorProperty(f));
        error.visibleProperty().bind(form.errorProperty(f).isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        form.errorProperty(f).addListener((o, a, e) -> {
            field.getStyleClass().remove("invalid");
            if (e != null) field.getStyleClass().add("invalid");
        });
        // checked when the user leaves the field, not on every key press
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) form.check(f);
        });
        g.add(label, 0, row);
        g.add(field, 1, row);
        g.add(error, 1, row + 1);
    }
}
