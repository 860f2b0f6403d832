package org.port853.ui.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.port853.ui.common.I18n;
import org.port853.ui.providers.CustomProviderForm.Field;

/**
 * The room a field's error line keeps from the start: as tall as the field's usual refusals need, so that a message
 * appearing or going moves neither the fields below nor the dialog's buttons (a second click aimed at "Save and use"
 * landed on a field). The usual refusals lie, hidden, under the error line, styled and wrapped as it is.
 */
final class ErrorRoom {
    /** What users get wrong most, per field: each refusal's text, as the form says it, keeps its room. */
    private static final Map<Field, List<String>> USUAL_MISTAKES = Map.of(
            Field.NAME, List.of(""),
            Field.ADDRESSES, List.of("", "dns.example.net", "[2001:db8::53]:853", "fe80::1%wlan0", "2001:db8::53:853"),
            Field.TLS_NAME, List.of("", "2001:db8::53", "dns example.net"));

    private ErrorRoom() {
    }

    /**
     * {@code error} and {@code warning} (shown in its place) over hidden copies of the usual refusals and warnings of
     * {@code f}: the tallest of them sets the height.
     */
    static StackPane around(Label error, Label warning, Field f) {
        StackPane room = new StackPane();
        room.setAlignment(Pos.TOP_LEFT);
        for (String text : usualErrors(f)) {
            Label hidden = new Label(text);
            hidden.getStyleClass().setAll(error.getStyleClass());
            hidden.setWrapText(true);
            hidden.maxWidthProperty().bind(error.maxWidthProperty());
            hidden.setVisible(false);
            room.getChildren().add(hidden);
        }
        room.getChildren().addAll(warning, error);
        return room;
    }

    private static List<String> usualErrors(Field f) {
        List<String> out = new ArrayList<>();
        for (String typed : USUAL_MISTAKES.get(f)) {
            CustomProviderForm scratch = new CustomProviderForm();
            scratch.text(f).set(typed);
            scratch.check(f);
            String error = scratch.errorProperty(f).get();
            if (error != null) out.add(error);
            String warning = scratch.warningProperty(f).get();
            if (warning != null) out.add(warning);
        }
        // refusals that name another provider (CustomProviderForm.build), with names of usual length
        if (f == Field.NAME) out.add(I18n.t("custom.name.taken", "Home DoT server"));
        if (f == Field.ADDRESSES) out.add(I18n.t("custom.address.taken", "2001:db8::53", "Example DNS (Filtered)"));
        return out;
    }
}
