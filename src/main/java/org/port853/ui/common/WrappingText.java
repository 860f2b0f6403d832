package org.port853.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.NumberBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * Text for a cell's graphic that wraps within a width, the cell growing to hold its lines. A cell measures its graphic
 * without knowing its own width, so a wrapped Label in it is given too few lines and ends in "…" (German at 720 px);
 * a Text with a wrapping width is measured at that width.
 */
public final class WrappingText {
    private WrappingText() {
    }

    /** A text that wraps within {@code width}, with the given style classes (which may set its colour). */
    public static Text within(ObservableNumberValue width, String... styleClasses) {
        Text t = new Text();
        t.getStyleClass().addAll(styleClasses);
        t.wrappingWidthProperty().bind(width);
        return t;
    }

    /** As {@link #within}, in the cell's text colour: the theme's, also in a selected row. */
    public static Text inCell(Labeled cell, ObservableNumberValue width, String... styleClasses) {
        Text t = within(width, styleClasses);
        t.fillProperty().bind(cell.textFillProperty());
        return t;
    }

    /** The width a list gives its cells' text: the list's, less a cell's padding and a vertical scroll bar. */
    public static NumberBinding listWidth(ListView<?> list) {
        return Bindings.max(80, list.widthProperty().subtract(44));
    }
}
