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
