package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("international TLS names in ASCII: IDNA2008 keeps ß and ς, the rest as java.net.IDN converts")
class IdnNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("ß and ς stay themselves (IDNA2003 made them ss and σ, another host)")
    @CsvSource({
            "straße.de, xn--strae-oqa.de",
            "dns.straße.de, dns.xn--strae-oqa.de",
            "ß.de, xn--zca.de",
            "faß.de, xn--fa-hia.de",
            "βόλος.com, xn--nxasmm1c.com",
            "STRAßE.DE, xn--strae-oqa.de",
            "ΒΌΛΟς.com, xn--nxasmm1c.com",
            "ｓｔｒａßｅ.de, xn--strae-oqa.de",
            "stra\u0301ße.de, xn--stre-xnal.de",
            "straße\u3002de, xn--strae-oqa.de",
            "straße.bücher.de, xn--strae-oqa.xn--bcher-kva.de",
            "ẞ.de, xn--zca.de",
            "STRAẞE.DE, xn--strae-oqa.de",
    })
    void deviationsKept(String name, String ascii) {
        assertEquals(ascii, DnsNames.toAscii(name, "TLS name"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("names without ß and ς convert as before, capital sigma included")
    @CsvSource({
            "bücher.de, xn--bcher-kva.de",
            "BÜCHER.de, xn--bcher-kva.de",
            "dns.bücher.example, dns.xn--bcher-kva.example",
            "βόλοσ.com, xn--nxasmq6b.com",
            "ΒΌΛΟΣ.com, xn--nxasmq6b.com",
            "dôt.test, xn--dt-8ja.test",
    })
    void othersUnchanged(String name, String ascii) {
        assertEquals(ascii, DnsNames.toAscii(name, "TLS name"));
        assertEquals(ascii, IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    @DisplayName("characters mapped to nothing vanish beside ß; a zero-width joiner, which IDNA2003 would drop and "
            + "IDNA2008 keeps, is refused with what to do instead of naming another host")
    void mappedToNothingVanishesJoinersRefused() {
        assertEquals("xn--zca.de", DnsNames.toAscii("ß\u00ad.de", "TLS name"));
        for (String joined : new String[]{"a\u200dß.de", "\u200cß.de", "a\u200db.example", "نامه\u200cای.ir"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> DnsNames.toAscii(joined, "TLS name"));
            assertEquals("name.joiner", e.words().wording(), e.getMessage());
            assertTrue(e.getMessage().contains("ASCII form (xn--"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("a label that starts with a combining mark, which IDNA2008 refuses, is refused")
    @ValueSource(strings = {"̈a.de", "dns.́b.example", "⃝x.test"})
    void leadingCombiningMarkRefused(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DnsNames.toAscii(name, "TLS name"));
        assertEquals("name.idn", e.words().wording(), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("symbols, which IDNA2003 accepts and IDNA2008 refuses (emoji among them), are refused")
    @ValueSource(strings = {"\ud83d\ude00.test", "dns\u2665.example", "a\u20acb.de", "\u00a9ß.de"})
    void symbolsRefused(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DnsNames.toAscii(name, "TLS name"));
        assertEquals("name.symbol", e.words().wording(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("what maps to letters is no symbol (ⓓ, ™), nor are the symbols IDNA2008 allows (Sindhi, Greek keraia)")
    @CsvSource({
            "\u24d3\u24dd\u24e2.example, dns.example",
            "dns\u2122.example, dnstm.example",
            "\u30d5\u30fb\u30d5.jp, xn--sdka7i.jp",
    })
    void lettersAfterMappingAccepted(String name, String ascii) {
        assertEquals(ascii, DnsNames.toAscii(name, "TLS name"));
    }

    @Test
    @DisplayName("RFC 5892's exceptions among the symbols are not refused as symbols")
    void idnaExceptionsAreNoSymbols() {
        for (String name : new String[]{"\u0633\u06fd.example", "\u0633\u06fe.example"}) {
            DnsNames.toAscii(name, "TLS name"); // throws if refused
        }
    }

    @Test
    @DisplayName("a trailing dot is kept by toAscii and dropped by requireTlsName, as for other names")
    void trailingDot() {
        assertEquals("xn--strae-oqa.de.", DnsNames.toAscii("straße.de.", "TLS name"));
        assertEquals("xn--strae-oqa.de", DnsNames.requireTlsName("Straße.DE."));
        assertEquals("xn--strae-oqa.de", ServerAddress.parse("192.0.2.1#straße.de").tlsName());
    }

    @Test
    @DisplayName("the 63-character label limit applies to the IDNA2008 form, not to the longer ss form")
    void labelLengthOfTheKeptForm() {
        assertEquals("xn--zca" + "a".repeat(56) + ".de", DnsNames.toAscii("ß".repeat(57) + ".de", "TLS name"));
        assertEquals("xn--" + "a".repeat(55) + "-9le.de", DnsNames.toAscii("ß" + "a".repeat(55) + ".de", "TLS name"));
        assertRefused("ß" + "a".repeat(56) + ".de");
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("refused as before: empty label, ACE prefix, prohibited character, right-to-left letters beside ß")
    @ValueSource(strings = {"ß..de", ".ß.de", "ß\u3002\u3002de", "xn--ß.de", "XN--aß.de", "ß\ue000.de", "ßא.de",
            "אß.de"})
    void refused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("an xn-- label must be the ASCII form of an international label: bad Punycode, ASCII inside, or a "
            + "form the conversion would not make, is refused with the label named")
    @ValueSource(strings = {"xn--zz.example", "dns.xn--abc.example", "XN--BCHER-KVA.xn--9.de", "xn--ab.de"})
    void badAsciiFormRefused(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DnsNames.requireTlsName(name));
        assertTrue(e.getMessage().startsWith("TLS name '" + name + "' has a label starting with \"xn--\""),
                e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("a valid ASCII form is taken as it is, in any case")
    @ValueSource(strings = {"dns.xn--bcher-kva.example", "XN--BCHER-KVA.de", "xn--strae-oqa.de", "xn--r8jz45g.xn--zckzah",
            "xn--nxasmm1c.com"})
    void goodAsciiFormAccepted(String name) {
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), DnsNames.requireTlsName(name));
    }

    private static void assertRefused(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DnsNames.requireTlsName(name));
        assertEquals("TLS name '" + Printable.of(name) + "' is not a valid internationalized host name",
                e.getMessage());
    }
}
