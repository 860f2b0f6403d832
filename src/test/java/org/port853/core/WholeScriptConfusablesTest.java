package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** UTS #39's whole-script confusables: labels wholly of Cyrillic or Greek letters that look like Latin ones. */
class WholeScriptConfusablesTest {
    private static String refused(String name) {
        return assertThrows(InvalidInputException.class, () -> DnsNames.requireTlsName(name)).getMessage();
    }

    @Test
    @DisplayName("a Cyrillic label that reads as Latin under a Latin top-level domain is refused with its letters and "
            + "the ASCII form")
    void aCyrillicLookAlikeUnderComIsRefused() {
        // "аррӏе": Cyrillic а, р, р, ӏ (palochka), е
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DnsNames.requireTlsName("\u0430\u0440\u0440\u04cf\u0435.com"));
        assertEquals("TLS name '\u0430\u0440\u0440\u04cf\u0435.com' has a label, '\u0430\u0440\u0440\u04cf\u0435', written "
                + "only in letters that look like Latin ones (Cyrillic \u0430 (U+0430), \u0440 (U+0440), \u04cf (U+04CF), "
                + "\u0435 (U+0435)), and not under a top-level domain in that script, as look-alikes of Latin names are; "
                + "its ASCII form, which the server's certificate must hold, is xn--80ak6aa92e.com: if that is the name "
                + "you mean, enter it so", e.getMessage());
        assertEquals("name.whole-script", e.words().wording());
    }

    @Test
    @DisplayName("any label before the top-level domain counts; digits, hyphens, marks and capitals change nothing; a "
            + "country domain of the script's users is Latin too")
    void everyLabelAndEveryFormOfTheLettersCounts() {
        for (String name : List.of(
                "dns.\u0455\u0441\u043e\u0440\u0435.example", // ѕсоре (scope)
                "\u0501\u043f\u0455-1.example", // ԁпѕ-1 (dns-1)
                "\u0455\u0441\u043e\u0301\u0440\u0435.example", // ѕсо́ре, an accent on the о
                "\u0410\u0420\u0420\u04c0\u0415.com", // АРРӀЕ: capitals, the palochka's kept as it is by IDNA2003
                "\u03b9\u03bf\u03c4\u03b1.gr", // ιοτα (iota), Greek
                "\u0441\u0430\u0445\u0430\u0440\u043e\u043a.ru", // сахарок: a Russian word, but all of it reads Latin
                "\u0430\u0440\u0440\u04cf\u0435.\u0440\u0443\u0441", // аррӏе.рус: a Cyrillic domain that reads "pyc"
                "\u0430\u0440\u0440\u04cf\u0435")) { // one label: no top-level domain of its script
            assertTrue(refused(name).contains("written only in letters that look like Latin ones"), name);
        }
    }

    @Test
    @DisplayName("names of the script that do not imitate Latin, or stand under a domain of their script, pass; so do "
            + "other scripts (MixedScriptsTest has more)")
    void realNamesOfTheScriptPass() {
        Map<String, String> asciiForms = Map.of(
                "\u043f\u0440\u0438\u043c\u0435\u0440.ru", "xn--e1afmkfd.ru", // пример: и and м look like no Latin letter
                "\u0441\u0430\u0445\u0430\u0440\u043e\u043a.\u0440\u0444", "xn--80aa4apjd3a.xn--p1ai", // сахарок.рф
                "παράδειγμα.ελ", "xn--hxajbheg2az3al.xn--qxam",
                "\u03b9\u03bf\u03c4\u03b1.ελ", "xn--mxapsu.xn--qxam", // ιοτα, under a Greek domain
                "dns.例子.com", "dns.xn--fsqu00a.com",
                "xn--80ak6aa92e.com", "xn--80ak6aa92e.com"); // "аррӏе.com" given on purpose, in the form it is checked in
        asciiForms.forEach((name, ascii) -> assertEquals(ascii, DnsNames.requireTlsName(name), name));
    }
}
