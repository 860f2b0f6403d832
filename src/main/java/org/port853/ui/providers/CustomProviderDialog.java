package org.port853.ui.providers;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.port853.ui.common.I18n;
import org.port853.ui.providers.CustomProviderForm.Field;

/**
 * "Your own provider": name, addresses and TLS name, each checked when the user leaves the field; empty for a new
 * provider, or holding a saved one's to edit it in place.
 */
final class CustomProviderDialog {
    private CustomProviderDialog() {
    }

    static Dialog<ButtonType> create(ProvidersViewModel vm, Window owner) {
        vm.form().startNew();
        return createFor(vm, owner);
    }

    /** The dialog holding {@code edited}'s name, addresses and TLS name; saving replaces it. */
    static Dialog<ButtonType> edit(ProvidersViewModel vm, Window owner, org.port853.core.Provider edited) {
        vm.form().edit(edited);
        return createFor(vm, owner);
    }

    private static Dialog<ButtonType> createFor(ProvidersViewModel vm, Window owner) {
        CustomProviderForm form = vm.form();
        boolean editing = form.editing() != null;
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(editing ? I18n.t("custom.title.edit", form.editing().displayName()) : I18n.t("custom.title"));
        d.setHeaderText(I18n.t("custom.explain"));
        if (owner != null) {
            d.initOwner(owner);
            if (owner.getScene() != null) d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setId("custom-form");
        TextField name = row(grid, 0, "custom.name", "custom-name", "custom.name.prompt", form, Field.NAME);
        row(grid, 2, "custom.addresses", "custom-addresses", "custom.addresses.prompt", form, Field.ADDRESSES);
        row(grid, 4, "custom.tls", "custom-tls", "custom.tls.prompt", form, Field.TLS_NAME);
        d.getDialogPane().setContent(new VBox(8, grid));
        d.setOnShown(e -> name.requestFocus()); // the first typed text is the name (JavaFX focused "Save and use")
        // an error longer than its line's room grows the dialog, so it is not cut and the buttons stay inside; the
        // dialog never shrinks: an error may clear when its field loses the focus, which a press on "Save and use"
        // does, and a shrinking dialog would move the button from under the pointer
        for (Field f : Field.values()) {
            form.errorProperty(f).addListener((o, a, e) -> {
                Window w = d.getDialogPane().getScene() == null ? null : d.getDialogPane().getScene().getWindow();
                if (w != null) growToScene(w);
            });
        }
        d.getDialogPane().getStyleClass().add("main-window");
        ButtonType save = new ButtonType(I18n.t(editing ? "custom.saveEdit" : "custom.add"), ButtonBar.ButtonData.OK_DONE);
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

    private static TextField row(GridPane g, int row, String key, String id, String prompt, CustomProviderForm form, Field f) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(I18n.t(prompt));
        widenForPrompt(field);
        field.textProperty().bindBidirectional(switch (f) {
            case NAME -> form.nameProperty();
            case ADDRESSES -> form.addressesProperty();
            case TLS_NAME -> form.tlsNameProperty();
        });
        Label label = new Label(I18n.t(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setAccessibleText(I18n.t(key).replace("_", ""));
        Label error = messageLine(id + "-error", "inline-error", form.errorProperty(f), field);
        error.setVisible(false);
        // the line's room is kept from the start (ErrorRoom), so a message appearing or going moves nothing; only a
        // refusal longer than the usual ones (a long pasted text) grows it, and then it never shrinks while the
        // dialog is open: the fields below and the buttons would move from under the pointer
        double[] tallest = {0};
        form.errorProperty(f).addListener((o, a, e) -> {
            field.getStyleClass().remove("invalid");
            if (e != null) field.getStyleClass().add("invalid");
            // at least what the new text needs at the field's width, at once: a window that does not grow at once
            // (an X server's round trip) must not squeeze a longer error into the old room and cut it with "…"
            double width = field.getWidth() > 0 ? Math.min(field.getWidth(), field.getPrefWidth()) : field.getPrefWidth();
            tallest[0] = Math.max(tallest[0], e == null ? 0 : error.prefHeight(width));
            error.setMinHeight(tallest[0] > 0 ? tallest[0] : Region.USE_PREF_SIZE);
            error.setVisible(e != null);
        });
        Label warning = messageLine(id + "-warning", "inline-warning", form.warningProperty(f), field);
        // in the error line's place, which keeps room for it (ErrorRoom): a refusal says more than the warning
        warning.visibleProperty().bind(form.warningProperty(f).isNotNull().and(form.errorProperty(f).isNull()));
        // checked when the user leaves the field, not on every key press
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) form.check(f);
        });
        g.add(label, 0, row);
        g.add(field, 1, row);
        g.add(ErrorRoom.around(error, warning, f), 1, row + 1);
        return field;
    }

    /** A line under {@code field}, as wide as it, saying {@code text}. */
    private static Label messageLine(String id, String style, javafx.beans.value.ObservableValue<String> text,
                                     TextField field) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add(style);
        line.setWrapText(true);
        line.maxWidthProperty().bind(field.prefWidthProperty());
        line.textProperty().bind(text);
        return line;
    }

    /** Sizes {@code w} to its scene where that is larger, keeping its size otherwise. */
    private static void growToScene(Window w) {
        double width = w.getWidth();
        double height = w.getHeight();
        w.sizeToScene();
        w.setWidth(Math.max(width, w.getWidth()));
        w.setHeight(Math.max(height, w.getHeight()));
    }

    /** Wide enough to show the whole placeholder in the field's (styled) font. */
    private static void widenForPrompt(TextField field) {
        Runnable fit = () -> {
            Text t = new Text(field.getPromptText());
            t.setFont(field.getFont());
            // the field's padding and border, with room to spare
            field.setPrefWidth(Math.max(300, Math.ceil(t.getLayoutBounds().getWidth()) + 32));
        };
        fit.run();
        field.fontProperty().addListener((o, a, b) -> fit.run());
    }
}
