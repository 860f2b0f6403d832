package org.port853.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** A question before something that cannot be taken back, over the window of {@code owner}, in its theme. */
public final class Confirm {
    private Confirm() {
    }

    /**
     * Asks and waits; true when the user chose {@code confirm}. {@code title} and {@code confirm} may carry a mnemonic
     * underscore; Cancel is the default button when {@code cancelFirst} (the action is the riskier choice).
     */
    public static boolean ask(Node owner, String title, String question, String confirm, boolean cancelFirst) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, yes);
        a.setHeaderText(null);
        a.setTitle(title.replace("_", ""));
        if (owner != null && owner.getScene() != null) {
            a.initOwner(owner.getScene().getWindow());
            a.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        if (cancelFirst) {
            ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
            ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }
}
