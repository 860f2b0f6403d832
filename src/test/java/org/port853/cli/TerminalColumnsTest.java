package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Widths as glibc 2.36's wcwidth(3) gives them in C.UTF-8 (Unicode 14.0), where it follows East Asian Width; it counts
 * the ambiguous circled numbers U+3248..324F and the neutral Yijing hexagrams U+4DC0.. as two, East Asian Width as one.
 */
class TerminalColumnsTest {
    private static void assertWidth(int width, int... codePoints) {
        for (int c : codePoints) {
            assertEquals(width, TerminalColumns.of(c), String.format("U+%04X", c));
        }
    }

    @Test
    @DisplayName("East Asian wide and fullwidth characters take two columns: Hangul, CJK, kana, fullwidth forms, emoji, "
            + "the ideograph planes")
    void wideAndFullwidthTakeTwo() {
        assertWidth(2, 0x1100, 0x115f, 0x2e80, 0x2ff0, 0x3000, 0x3041, 0x30a2, 0x3400, 0x4e00, 0x9fff, 0xa000, 0xac00,
                0xd7a3, 0xf900, 0xfe30, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16ff0, 0x17000, 0x18d00, 0x1aff0, 0x1b000,
                0x1f004, 0x1f260, 0x1f300, 0x1f600, 0x1f64f, 0x1f680, 0x1f7e0, 0x1f90c, 0x1f9ff, 0x1fa70, 0x20000,
                0x2a700, 0x2fffd, 0x30000, 0x3fffd);
    }

    @Test
    @DisplayName("neutral, narrow, halfwidth and ambiguous characters take one, also those beside wide ranges (the "
            + "thermometer U+1F321 and the chess symbols U+1F900 are no emoji of width two)")
    void othersTakeOne() {
        assertWidth(1, 'a', '~', 0xe9, 0x3b1, 0x430, 0x5d0, 0x627, 0x303f, 0x3248, 0x4dc0, 0xa4d0, 0xff61, 0xffe8,
                0x1f321, 0x1f336, 0x1f6c6, 0x1f900, 0x1f93b, 0x2630, 0x1f1e6, 0x40000);
    }

    @Test
    @DisplayName("combining and enclosing marks, zero-width space and joiner, variation selectors and joining Hangul "
            + "jamo take none; the soft hyphen and the Arabic number sign are seen and take one")
    void zeroWidthAndTheVisibleFormatCharacters() {
        assertWidth(0, 0x301, 0x36f, 0x20dd, 0x3099, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0xfe00,
                0xfe0f, 0xe0100, 0x1160, 0x11ff, 0xd7b0, 0xd7fb);
        assertWidth(1, 0xad, 0x600, 0x6dd, 0x70f, 0x110bd);
    }

    @Test
    void textsAddTheirCharacters() {
        assertEquals(7, TerminalColumns.of("日本DNS"));
        assertEquals(4, TerminalColumns.of("Cafe\u0301"));
        assertEquals(4, TerminalColumns.of("\uD83D\uDE00\uD83C\uDF0D"), "two emoji beyond the BMP");
        assertEquals(8, TerminalColumns.of("\\xc3\\xa9"), "escaped bytes as printed");
    }

    @Test
    @DisplayName("a cut counts columns, ends in …, never splits a surrogate pair nor parts a letter from its mark")
    void cutsByColumns() {
        assertEquals("short", TerminalColumns.cut("short", 5));
        assertEquals("shor…", TerminalColumns.cut("shorter", 5));
        assertEquals("日本…", TerminalColumns.cut("日本語の名前", 5));
        assertEquals("日本…", TerminalColumns.cut("日本語の名前", 6), "no half of a wide character");
        assertEquals("\uD83D\uDE00…", TerminalColumns.cut("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 4));
        assertEquals("Cafe\u0301…", TerminalColumns.cut("Cafe\u0301 d'\u00e9t\u00e9", 5), "the accent stays with its e");
        assertEquals("Caf…", TerminalColumns.cut("Cafe\u0301\u0323 au lait", 4), "the e left out with both marks");
        assertEquals("\\xc3…", TerminalColumns.cut("\\xc3\\xa9", 5));
        for (int columns = 1; columns <= 12; columns++) {
            assertEquals(true, TerminalColumns.of(TerminalColumns.cut("日本語の名前 Café \uD83D\uDE00", columns)) <= columns,
                    "at most " + columns);
        }
    }
}
