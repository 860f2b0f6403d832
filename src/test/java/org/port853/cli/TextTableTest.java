package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.cli.TextTable.Column;

class TextTableTest {
    private static List<String> lines(TextTable t) {
        return t.toString().lines().toList();
    }

    @Test
    @DisplayName("columns are as wide as their widest cell in terminal columns: CJK, a combining mark, an emoji and "
            + "escaped bytes keep the next column in place")
    void padsByTerminalColumns() {
        TextTable t = new TextTable("  ", " ", Column.left(4), Column.right(3), Column.left(0))
                .row("eth0", 1, "a").row("名前", 22, "b").row("cafe\u0301", 333, "c").row("\uD83D\uDE00x", 4, "d")
                .row("\\xff", 5, "e");
        assertEquals(List.of("  eth0   1 a", "  名前  22 b", "  cafe\u0301 333 c", "  \uD83D\uDE00x    4 d",
                "  \\xff   5 e"), lines(t));
    }

    @Test
    @DisplayName("a cell beyond its column's limit is cut by columns with …; the last column is neither cut nor padded")
    void cutsOverLongCellsByColumns() {
        TextTable t = new TextTable("", " ", Column.left(2, 5), Column.left(0))
                .row("日本語の名前", "a long last cell 日本語の名前").row("ab", "x");
        assertEquals(List.of("日本… a long last cell 日本語の名前", "ab    x"), lines(t));
    }

    @Test
    @DisplayName("control characters are escaped before they are measured, so the padding counts what is printed")
    void measuresTheEscapedCell() {
        TextTable t = new TextTable("", " ", Column.left(0), Column.left(0)).row("a\u001b", "|").row("abcdef", "|");
        assertEquals(List.of("a\\x1b  |", "abcdef |"), lines(t));
    }

    @Test
    @DisplayName("a wrapping column breaks a long cell at its words onto lines of its own, the other columns empty "
            + "there; a word wider than the column is broken between its characters, never inside one")
    void wrapsLongCellsAtWords() {
        TextTable t = new TextTable("", " ", Column.left(0), Column.wrapped(0, 8), Column.left(0))
                .row("a", "one two three", "x").row("b", "日本語の名前", "y");
        assertEquals(List.of("a one two  x", "  three", "b 日本語の y", "  名前"), lines(t));
    }

    @Test
    @DisplayName("a line across the columns neither widens them nor is cut")
    void aLineAcrossTheColumnsLeavesThemAlone() {
        TextTable t = new TextTable("  ", " ", Column.left(0), Column.left(0)).row("a", "b")
                .line("a long line across").row("cc", "d");
        assertEquals(List.of("  a  b", "  a long line across", "  cc d"), lines(t));
    }
}
