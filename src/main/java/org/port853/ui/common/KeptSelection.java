package org.port853.ui.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table over a live list that is replaced as new rows arrive: the rows the user selected stay selected (matched by
 * a key, the record's identity, not by index), and while any is selected the row at the top stays at the top, so
 * newer rows sorted above do not push the selection out of view. Scrolling or another click ends that as usual.
 */
public final class KeptSelection<T> {
    private final Function<T, Object> key;
    private final TableView<T> table;
    private final List<Object> selectedKeys = new ArrayList<>();
    private Object topKey;
    private boolean refreshing;

    private KeptSelection(ObservableList<T> items, Function<T, Object> key) {
        this.key = key;
        // the table listens to its items too: this listener, added first, runs before the table drops its selection
        items.addListener((ListChangeListener<T>) this::beforeTableSeesChange);
        table = new TableView<>(items);
        items.addListener((ListChangeListener<T>) c -> afterTableSawChange());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) c -> rememberSelection());
    }

    /** A table of {@code items} that keeps its selection across their refreshes; {@code key} identifies a row. */
    public static <T> TableView<T> table(ObservableList<T> items, Function<T, Object> key) {
        return new KeptSelection<>(items, key).table;
    }

    private void rememberSelection() {
        if (refreshing) {
            return;
        }
        selectedKeys.clear();
        for (T item : table.getSelectionModel().getSelectedItems()) {
            if (item != null) selectedKeys.add(key.apply(item));
        }
    }

    private void beforeTableSeesChange(ListChangeListener.Change<? extends T> c) {
        refreshing = true;
        boolean resorted = c.next() && c.wasPermutated(); // the user sorted: the table shows the new order's top
        c.reset();
        // the cells still show the rows from before the change: the top one is the row to keep in place
        T top = resorted ? null : firstVisibleItem();
        topKey = top == null ? null : key.apply(top);
    }

    private void afterTableSawChange() {
        try {
            if (selectedKeys.isEmpty()) {
                return;
            }
            Set<Object> wanted = new HashSet<>(selectedKeys);
            List<Integer> rows = new ArrayList<>();
            int top = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                Object k = key.apply(table.getItems().get(i));
                if (wanted.contains(k)) rows.add(i);
                if (topKey != null && topKey.equals(k)) top = i;
            }
            table.getSelectionModel().clearSelection();
            rows.forEach(table.getSelectionModel()::select);
            if (top >= 0) {
                table.scrollTo(top);
            }
        } finally {
            refreshing = false;
            rememberSelection();
        }
    }

    private T firstVisibleItem() {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return null;
        }
        IndexedCell<?> cell = flow.getFirstVisibleCell();
        int index = cell == null ? -1 : cell.getIndex();
        @SuppressWarnings("unchecked")
        T item = cell == null ? null : (T) cell.getItem();
        return index < 0 ? null : item;
    }
}
