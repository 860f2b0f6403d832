package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Punycode (RFC 3492)")
class PunycodeTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @DisplayName("encodes and decodes RFC 3492's samples and the IDNA2008 vectors")
    @CsvSource({
            "straße, strae-oqa",
            "ß, zca",
            "faß, fa-hia",
            "βόλος, nxasmm1c",
            "bücher, bcher-kva",
            "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F, "
                    + "egbpdaj6bu4bxfgehfvwxn",
            "3\u5E74B\u7D44\u91D1\u516B\u5148\u751F, 3B-ww4c5e180e575a65lsy2b",
            "a\uD83D\uDE00b, ab-no82a",
    })
    void roundTrips(String unicode, String encoded) {
        assertEquals(encoded, Punycode.encode(unicode));
        assertEquals(unicode, Punycode.decode(encoded));
    }

    @ParameterizedTest(name = "[{0}]")
    @DisplayName("refuses what is not Punycode: cut short, a stray character, a number beyond Unicode")
    @ValueSource(strings = {"zc", "-zca", "a-zcä", "ä-zca", "99999999999", "zzzzzzzzzzzzzzzzzzzzzzzz"})
    void refuses(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Punycode.decode(encoded));
    }
}
