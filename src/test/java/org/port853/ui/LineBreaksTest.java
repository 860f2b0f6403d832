package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.ui.common.LineBreaks;

class LineBreaksTest {
    @Test
    @DisplayName("the fallback pop-up's text breaks between words into lines no longer than asked, losing no word")
    void wrapsBetweenWords() {
        String leak = "example.com was sent in plaintext to 198.18.208.4 on eth0 by Port853's own health check";
        String wrapped = LineBreaks.wrap(leak, 30);
        for (String line : wrapped.split("\n")) {
            assertTrue(line.length() <= 30, line);
        }
        assertEquals(leak, wrapped.replace('\n', ' '));
        assertEquals("a\nverylongword\nb", LineBreaks.wrap("a verylongword b", 5), "a longer word gets a line of its own");
        assertEquals("one\ntwo", LineBreaks.wrap("one\ntwo", 60), "the text's own line breaks stay");
    }
}
