package org.port853.ui.common;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Small builders shared by the screens. Styling lives in port853.css, never here. */
public final class Ui {
    private Ui() {
    }

    public static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-label");
        return l;
    }

    public static <S> TableColumn<S, String> column(String title, Function<S, String> value, double pref) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null ? "" : value.apply(f.getValue())));
        c.setPrefWidth(pref);
        return c;
    }

    /** {@code c}'s cells show their whole text as a tooltip: for values a narrow column cuts (program chains). */
    public static <S> TableColumn<S, String> withFullTextTooltip(TableColumn<S, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null && !item.isEmpty();
                setText(shown ? item : null);
                tip.setText(shown ? item : "");
                setTooltip(shown ? tip : null);
            }
        });
        return c;
    }

    /**
     * The column's sentences wrap within its width and the row grows to hold them, instead of ending in "...".
     * (A cell's own wrapped text keeps the height of its first layout; a text node with a wrapping width does not.)
     */
    public static <S> TableColumn<S, String> wrapping(TableColumn<S, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text =
                    WrappingText.inCell(this, col.widthProperty().subtract(12), "wrapped-text");

            {
                // a narrower column makes taller text: the table measures its rows again (it keeps their heights)
                text.layoutBoundsProperty().addListener((o, a, b) -> {
                    if (a.getHeight() != b.getHeight() && getTableRow() != null) {
                        getTableRow().requestLayout();
                        if (getTableView() != null) getTableView().requestLayout();
                    }
                });
                setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
                accessibleTextProperty().bind(text.textProperty());
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return c;
    }

    public static void showWhen(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /**
     * A place for a node that is rarely shown (a spinner, a command to copy): the node is built the first time
     * {@code when} holds, and shown only while it does. Until then it costs nothing, also not at start-up, where
     * every control's skin and CSS otherwise load before the first screen is drawn.
     */
    public static StackPane builtWhen(ObservableBooleanValue when, java.util.function.Supplier<Node> make) {
        StackPane holder = new StackPane();
        showWhen(holder, when);
        Runnable fill = () -> {
            if (when.get() && holder.getChildren().isEmpty()) {
                holder.getChildren().add(make.get());
            }
        };
        when.addListener((o, a, b) -> fill.run());
        fill.run();
        return holder;
    }

    /**
     * A tooltip installed the first time the pointer comes over {@code c} (the Tooltip machinery loads then); screen
     * readers get the text at once as the control's help.
     */
    public static void tooltipOnHover(javafx.scene.control.Control c, String text) {
        c.setAccessibleHelp(text);
        c.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (c.getTooltip() == null) {
                c.setTooltip(new javafx.scene.control.Tooltip(text));
            }
        });
    }

    /**
     * A screen that fills the window's height and scrolls only when the window is shorter than its minimum (a
     * banner above a graph and a list at 720 x 520), instead of pressing its parts onto each other.
     */
    public static javafx.scene.control.ScrollPane scrollWhenShort(Region screen) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(screen);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("screen");
        return withoutViewportCache(scroll);
    }

    /**
     * JavaFX's scroll pane skin keeps its viewport as a cached bitmap, to scroll by copying it. Every change of the
     * content then draws the content into that bitmap and the bitmap into the window, and the bitmap stays: with
     * software rendering an int[] the size of the viewport in the heap. Our screens change while shown (the graph,
     * the state) and scroll rarely, so they draw straight into the window.
     */
    public static <T extends javafx.scene.control.ScrollPane> T withoutViewportCache(T scroll) {
        javafx.beans.value.ChangeListener<javafx.scene.control.Skin<?>> uncache = (o, a, skin) -> {
            if (skin instanceof javafx.scene.control.SkinBase<?> base) {
                for (Node n : base.getChildren()) {
                    if (n.getStyleClass().contains("viewport")) n.setCache(false);
                }
            }
        };
        scroll.skinProperty().addListener(uncache);
        uncache.changed(scroll.skinProperty(), null, scroll.getSkin());
        return scroll;
    }

    /** A strip across the screen with a bold title, a text and optional buttons. */
    public static HBox banner(String style, String title, Node text, Node... actions) {
        Label t = new Label(title);
        t.getStyleClass().add("banner-title");
        t.setMinWidth(Label.USE_PREF_SIZE);
        VBox body = new VBox(2, t, text);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox b = new HBox(12, body);
        b.getChildren().addAll(actions);
        for (Node a : actions) {
            if (a instanceof javafx.scene.control.Control c) {
                c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }
        }
        b.setAlignment(Pos.CENTER_LEFT);
        // a screen short of height shrinks its children to their minimum: a banner keeps all of its lines
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.getStyleClass().addAll("banner", style);
        return b;
    }

    /** A two-column label/value grid: labels keep their size, values take the rest of the width. */
    public static javafx.scene.layout.GridPane keyValueGrid(double hgap, double vgap) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(hgap);
        grid.setVgap(vgap);
        javafx.scene.layout.ColumnConstraints key = new javafx.scene.layout.ColumnConstraints();
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints value = new javafx.scene.layout.ColumnConstraints();
        value.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(key, value);
        return grid;
    }

    /**
     * Two or more blocks side by side, stacked in one column when the space is narrower than {@code breakpoint}
     * (the window's minimum width is well below the side-by-side width).
     */
    public static javafx.scene.layout.Pane columns(double breakpoint, double gap, javafx.scene.layout.Region... blocks) {
        HBox row = new HBox(gap);
        VBox column = new VBox(gap);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        Runnable place = () -> {
            boolean wide = holder.getWidth() <= 0 || holder.getWidth() >= breakpoint;
            javafx.scene.layout.Pane target = wide ? row : column;
            if (holder.getChildren().contains(target)) {
                return;
            }
            row.getChildren().clear();
            column.getChildren().clear();
            target.getChildren().setAll(blocks);
            for (javafx.scene.layout.Region b : blocks) {
                HBox.setHgrow(b, Priority.ALWAYS);
                b.setMaxWidth(Double.MAX_VALUE);
            }
            holder.getChildren().setAll(target);
        };
        holder.widthProperty().addListener((o, a, w) -> place.run());
        place.run();
        return holder;
    }

    /**
     * Scrolls a list whose rows differ in height until the selected row is inside it whole. The list applies its own
     * scroll for a key in the next layout, and each scroll by estimated row heights can land a little off, so this
     * checks after each layout, a few times.
     */
    public static void keepSelectedRowWhole(javafx.scene.control.ListView<?> list) {
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> showWhole(list, i.intValue(), 5));
    }

    private static void showWhole(javafx.scene.control.ListView<?> list, int index, int tries) {
        Pulses.after(2, () -> {
            if (index < 0 || index != list.getSelectionModel().getSelectedIndex()
                    || !(list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
                return;
            }
            javafx.scene.control.IndexedCell<?> cell = flow.getVisibleCell(index);
            javafx.geometry.Bounds view = flow.localToScene(flow.getLayoutBounds());
            javafx.geometry.Bounds at = cell == null ? null : cell.localToScene(cell.getLayoutBounds());
            if (at != null && at.getMinY() >= view.getMinY() - 0.5 && at.getMaxY() <= view.getMaxY() + 0.5) {
                return;
            }
            flow.scrollTo(index);
            if (tries > 1) showWhole(list, index, tries - 1);
        });
    }

    /**
     * The columns share the table's width while their least widths fit; in a narrower table they keep those widths and
     * the table scrolls sideways (a constrained policy never shows a horizontal scroll bar: columns were cut off).
     */
    public static void sharedWidthOrScroll(javafx.scene.control.TableView<?> table) {
        Runnable choose = () -> {
            double least = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getMinWidth).sum()
                    + table.snappedLeftInset() + table.snappedRightInset() + 16; // the vertical scroll bar's room
            var policy = table.getWidth() >= least ? javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                    : javafx.scene.control.TableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        };
        table.widthProperty().addListener((o, a, w) -> choose.run());
        choose.run();
    }
}
