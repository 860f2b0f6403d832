package org.port853.ui.status;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** The view side of {@link ProtectionState}: its style class and glyph (colour never alone: glyph and word too). */
public final class StateStyles {
    private static final String PREFIX = "state-";

    private StateStyles() {
    }

    public static String styleClass(ProtectionState s) {
        return PREFIX + s.tone().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String glyph(ProtectionState s) {
        return switch (s.tone()) {
            case GOOD -> "✔";
            case WARNING -> "!";
            case BAD -> "✖";
            case NEUTRAL -> s == ProtectionState.READING ? "…" : "?";
        };
    }

    /** Keeps {@code n}'s state style class in step with {@code state}. */
    public static void follow(Node n, ObservableValue<ProtectionState> state) {
        n.getStyleClass().add(styleClass(state.getValue()));
        state.addListener((o, a, s) -> {
            n.getStyleClass().remove(styleClass(a));
            n.getStyleClass().add(styleClass(s));
        });
    }
}
