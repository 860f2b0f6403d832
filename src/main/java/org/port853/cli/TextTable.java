package org.port853.cli;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Printable;

/**
 * Rows of cells printed as aligned columns, measured in terminal columns ({@link TerminalColumns}), not in Java
 * characters, so names in CJK, with combining marks, emoji or escaped bytes keep the columns. Each column is as wide
 * as its widest cell, at least its minimum; a cell wider than the column's limit is cut to it, or in a wrapping column
 * broken into lines at its words. The last column is neither cut nor padded on the right. Cells are shown as
 * {@link Printable#line} shows outside text.
 */
final class TextTable {
    /**
     * How one column is laid out: {@code min} and {@code max} in terminal columns, numbers on the right, a cell over
     * {@code max} wrapped rather than cut.
     */
    record Column(int min, int max, boolean right, boolean wraps) {
        static Column left(int min) {
            return new Column(min, Integer.MAX_VALUE, false, false);
        }

        static Column left(int min, int max) {
            return new Column(min, max, false, false);
        }

        static Column right(int min) {
            return new Column(min, Integer.MAX_VALUE, true, false);
        }

        static Column wrapped(int min, int max) {
            return new Column(min, max, false, true);
        }
    }

    private final String indent;
    private final String gap;
    private final List<Column> columns;
    /** A printed line: its cells, or (cells null) a text across the columns. */
    private record Line(String[] cells, String across) {
    }

    private final List<Line> rows = new ArrayList<>();

    TextTable(String indent, String gap, Column... columns) {
        this.indent = indent;
        this.gap = gap;
        this.columns = List.of(columns);
    }

    /**
     * One row, a cell for each column ({@code Object}s as {@link String#valueOf}); a wrapped cell's further lines
     * follow on lines of their own, the other columns empty there.
     */
    TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        List<List<String>> shown = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            String cell = Printable.line(String.valueOf(cells[c]));
            Column column = columns.get(c);
            shown.add(column.wraps() ? TerminalColumns.wrap(cell, column.max())
                    : List.of(c == cells.length - 1 ? cell : TerminalColumns.cut(cell, column.max())));
        }
        int lines = shown.stream().mapToInt(List::size).max().orElse(1);
        for (int l = 0; l < lines; l++) {
            String[] line = new String[cells.length];
            for (int c = 0; c < cells.length; c++) {
                line[c] = l < shown.get(c).size() ? shown.get(c).get(l) : "";
            }
            rows.add(new Line(line, null));
        }
        return this;
    }

    /** A line across the columns, after the indent, that does not widen them (e.g. an item's detail under its row). */
    TextTable line(String text) {
        rows.add(new Line(null, Printable.line(text)));
        return this;
    }

    /**
     * {@link #line}s of {@code text} broken at its words to fit {@link TerminalColumns#LINE} columns after the indent
     * and {@code hang}, each line after {@code hang}; a word wider than that (a long name) goes on over lines, whole.
     */
    TextTable wrappedLine(String hang, String text) {
        return hangingLine(hang, hang, text);
    }

    /** As {@link #wrappedLine}, the first line after {@code first} (a label, or nothing), the others after {@code hang}. */
    TextTable hangingLine(String first, String hang, String text) {
        int columns = TerminalColumns.LINE - TerminalColumns.of(indent)
                - Math.max(TerminalColumns.of(first), TerminalColumns.of(hang));
        List<String> lines = TerminalColumns.wrap(Printable.line(text), columns);
        for (int i = 0; i < lines.size(); i++) {
            line((i == 0 ? first : hang) + lines.get(i));
        }
        return this;
    }

    /** The rows, each on its own line. */
    @Override
    public String toString() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).min();
            for (Line r : rows) {
                if (r.cells() != null) {
                    width[c] = Math.max(width[c], TerminalColumns.of(r.cells()[c]));
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (Line row : rows) {
            if (row.cells() == null) {
                b.append(indent).append(row.across()).append(System.lineSeparator());
                continue;
            }
            String[] r = row.cells();
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
