package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UTS #39's "highly restrictive" level for the labels of international TLS names. */
class MixedScriptsTest {
    @Test
    void oneScriptOrLatinWithTheEastAsianMixesPasses() {
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.noneOf(UnicodeScript.class)));
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.CYRILLIC)));
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN,
                UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)));
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO)));
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL)));
        assertTrue(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.HAN, UnicodeScript.KATAKANA)));
    }

    @Test
    void otherMixesFail() {
        assertFalse(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC)));
        assertFalse(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.LATIN, UnicodeScript.GREEK)));
        assertFalse(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.CYRILLIC, UnicodeScript.GREEK)));
        assertFalse(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.HANGUL, UnicodeScript.KATAKANA)));
        assertFalse(MixedScripts.isHighlyRestrictive(EnumSet.of(UnicodeScript.HAN, UnicodeScript.HANGUL, UnicodeScript.HIRAGANA)));
    }

    @Test
    void digitsHyphensAndMarksCountForNoScript() {
        assertEquals(List.of(UnicodeScript.CYRILLIC), List.copyOf(MixedScripts.scripts("пример-24").keySet()));
        assertEquals(List.of(UnicodeScript.LATIN), List.copyOf(MixedScripts.scripts("e\u0301t\u00e9-1").keySet()));
    }

    @Test
    void aLabelMixingLatinWithCyrillicOrGreekIsRefusedWithItsScriptsAndItsAsciiForm() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DnsNames.requireTlsName("dns.qu\u0430d9.net"));
        assertEquals("TLS name 'dns.qu\u0430d9.net' mixes scripts in one label, as look-alikes of other names do (Latin "
                + "q, u, d; Cyrillic \u0430 (U+0430)); its ASCII form, which the server's certificate must hold, is "
                + "dns.xn--qud9-63d.net: if that is the name you mean, enter it so", e.getMessage());
        assertEquals("name.mixed-scripts", e.words().wording());
        assertTrue(assertThrows(InvalidInputException.class, () -> DnsNames.requireTlsName("g\u03bfogle.example"))
                .getMessage().contains("(Latin g, o, l, e; Greek \u03bf (U+03BF))"));
    }

    @Test
    void singleScriptLabelsTheEastAsianMixesAndTheAsciiFormPass() {
        assertEquals("dns.xn--bcher-kva.example", DnsNames.requireTlsName("dns.bücher.example"));
        assertEquals("xn--e1afmkfd.xn--p1ai", DnsNames.requireTlsName("пример.рф"), "Cyrillic labels beside Latin ones");
        assertEquals("xn--dns-7k4bocn5764cmo2b.example", DnsNames.requireTlsName("dns東京テスト.example"));
        assertEquals("xn--dns-ot8lk11n.example", DnsNames.requireTlsName("dns한국.example"));
        assertEquals("dns.xn--qud9-63d.net", DnsNames.requireTlsName("dns.xn--qud9-63d.net"),
                "given in its ASCII form, the name is what it shows: how such a name is given on purpose");
    }
}
