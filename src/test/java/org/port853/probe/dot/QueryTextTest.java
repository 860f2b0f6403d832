package org.port853.probe.dot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Names given to doctor's --large-query, --dnssec-signed and --dnssec-bogus. */
class QueryTextTest {
    @Test
    @DisplayName("an international name is queried in its ASCII form, as a TLS name is written; ASCII stays as given")
    void internationalNamesInAscii() {
        assertEquals("xn--strae-oqa.de.", QueryText.name("straße.de").toString());
        assertEquals("xn--r8jz45g.xn--zckzah.", QueryText.name("例え.テスト").toString());
        assertEquals("_dns.example.com.", QueryText.name("_dns.example.com").toString());
        assertThrows(IllegalArgumentException.class, () -> QueryText.name("a\u200db.example"));
    }

    @Test
    @DisplayName("a name with a space, tab or control character is refused, not queried as a label holding it")
    void spacesAndControlsRefused() {
        for (String bad : new String[] {"bad name", "example.com ", "a\tb.example", "a\u0000b", "a\u00a0b.example"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryText.name(bad), bad);
            assertTrue(e.getMessage().contains("space or control character"), e.getMessage());
        }
        assertEquals(".", QueryText.name(".").toString());
    }

    @Test
    @DisplayName("a name dnsjava cannot take says why (a label over 63, the whole over 253, an empty label), cut to one line")
    void tooLongOrEmptyLabelSaysWhy() {
        String label = "a".repeat(64) + ".test";
        String whole = String.join(".", java.util.Collections.nCopies(4, "a".repeat(63)));
        String[][] cases = {{label, "longer than 63 characters"}, {"a".repeat(300), "longer than 63 characters"},
                {whole, "longer than 253 characters"}, {"a..b", "empty label"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryText.name(c[0]));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().length() < 200, e.getMessage());
        }
    }
}
