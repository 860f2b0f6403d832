package org.port853.cli;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Printable;

/**
 * Rows of cells printed as aligned columns, measured in terminal columns ({@link TerminalColumns}), not in Java
 * characters, so names in CJK, with combining marks, emoji or escaped bytes keep the columns. Each column is as wide
 * as its widest cell, at least its minimum; a cell wider than the column's limit is cut to it. The last column is
 * neither cut nor padded on the right. Cells are shown as {@link Printable#line} shows outside text.
 */
final class TextTable {
    /** How one column is laid out: {@code min} and {@code max} in terminal columns, numbers on the right. */
    record Column(int min, int max, boolean right) {
        static Column left(int min) {
            return new Column(min, Integer.MAX_VALUE, false);
        }

        static Column left(int min, int max) {
            return new Column(min, max, false);
        }

        static Column right(int min) {
            return new Column(min, Integer.MAX_VALUE, true);
        }
    }

    private final String indent;
    private final String gap;
    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String indent, String gap, Column... columns) {
        this.indent = indent;
        this.gap = gap;
        this.columns = List.of(columns);
    }

    /** One row, a cell for each column ({@code Object}s as {@link String#valueOf}). */
    TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        String[] shown = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
            String cell = Printable.line(String.valueOf(cells[c]));
            shown[c] = c == cells.length - 1 ? cell : TerminalColumns.cut(cell, columns.get(c).max());
        }
        rows.add(shown);
        return this;
    }

    /** The rows, each on its own line. */
    @Override
    public String toString() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).min();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], TerminalColumns.of(r[c]));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < width.length; c++) {
                String space = " ".repeat(Math.max(0, width[c] - TerminalColumns.of(r[c])));
                boolean last = c == width.length - 1;
                line.append(c == 0 ? "" : gap).append(columns.get(c).right() ? space + r[c] : last ? r[c] : r[c] + space);
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator()); // an empty last cell adds no gap
        }
        return b.toString();
    }
}
