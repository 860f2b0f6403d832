package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    @DisplayName("C0, DEL and C1 controls (0x9b is a one-byte terminal escape) are shown as \\xNN")
    void controlCharactersEscaped() {
        assertEquals("a\\x1b[2Jb\\x7fc\\x9b31md\\x85", Printable.of("a\u001b[2Jb\u007fc\u009b31md\u0085"));
    }

    @Test
    @DisplayName("a bidirectional override cannot reorder the message: it is shown as \\u202e")
    void bidiOverridesEscaped() {
        assertEquals("evil\\u202efdp.exe\\u2066x\\u2069\\u200f", Printable.of("evil\u202efdp.exe\u2066x\u2069\u200f"));
    }

    @Test
    @DisplayName("letters of any script, accents and symbols pass unchanged; newline and tab are spelled out")
    void ordinaryTextPasses() {
        assertEquals("Bücher.例え.рф é ✓ \u00a0x\\ny\\tz", Printable.of("Bücher.例え.рф é ✓ \u00a0x\ny\tz"));
    }

    @Test
    @DisplayName("long input is cut at 80 characters with an ellipsis")
    void longInputCut() {
        String shown = Printable.of("x".repeat(500));
        assertTrue(shown.endsWith("…") && shown.length() <= 82, shown);
    }

    @Test
    @DisplayName("the cut never splits a surrogate pair or takes a letter from its combining marks")
    void cutKeepsCharactersWhole() {
        String x79 = "x".repeat(79);
        assertEquals(x79 + "…", Printable.of(x79 + "😀 more"));
        assertEquals(x79 + "…", Printable.of(x79 + "\ud840\udc00 (CJK extension B)"));
        assertEquals(x79 + "…", Printable.of(x79 + "e\u0301 accented"));
        assertEquals("x".repeat(78) + "e\u0301…", Printable.of("x".repeat(78) + "e\u0301 accented"));
        assertEquals(x79 + "…", Printable.of(x79 + "\u1100\u1161\u11a8 Hangul in parts"));
    }

    @Test
    @DisplayName("a letter under more marks than fit is cut between code points, its letter kept")
    void overlongCharacterCut() {
        String shown = Printable.of("a" + "\u0301".repeat(200));
        assertEquals("a" + "\u0301".repeat(79) + "…", shown);
    }

    @Test
    @DisplayName("every character either shows or is escaped into printable ASCII")
    void everyCharacterSafe() {
        for (int c = 0; c <= 0xffff; c++) {
            if (!Printable.shows(c)) {
                String e = Printable.escaped(c);
                assertTrue(e.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), e);
            }
        }
    }
}
