package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DnsNames.isLookAlike finds exactly the names that the refusing checks of typed names refuse. */
class LookAlikeAgreementTest {
    private static final List<String> NAMES = List.of("dns.quad9.net", "dns.qu\u0430d9.net", "g\u03bfogle.example",
            "\u0430\u0440\u0440\u04cf\u0435.com", "dns.\u0455\u0441\u043e\u0440\u0435.example", "\u0501\u043f\u0455-1.example",
            "\u0455\u0441\u043e\u0301\u0440\u0435.example", "\u0430\u0440\u0440\u04cf\u0435.\u0440\u0443\u0441",
            "\u0441\u0430\u0445\u0430\u0440\u043e\u043a.\u0440\u0444", "\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
            "\u043f\u0440\u0438\u043c\u0435\u0440.ru", "\u03bf\u03b9\u03ba\u03bf\u03c2.\u03b5\u03bb", "\u03b1\u03c1\u03b9.com",
            "dns.b\u00fccher.example", "dns\u6771\u4eac\u30c6\u30b9\u30c8.example", "dns\ud55c\uad6d.example",
            "\u0430\u0440\u0440\u04cf\u0435", "\u0430\u0440\u0440\u04cf\u0435.\u0430\u0440\u0440\u04cf\u0435.com",
            "d\u0578s.example", "\u0915\u092e\u0932.example", "caf\u00e9.\u0430\u0440\u0440\u04cf\u0435.com", "xn--80ak6aa92e.com");

    @Test
    @DisplayName("over typed names and their ASCII forms: a look-alike is what the refusing checks refuse, nothing else")
    void isLookAlikeAgreesWithTheRefusal() {
        int lookAlikes = 0;
        for (String name : NAMES) {
            String ascii = DnsNames.toAscii(name, "TLS name");
            boolean refused;
            try {
                MixedScripts.refuse(name, ascii, "TLS name");
                WholeScriptConfusables.refuse(name, ascii, "TLS name");
                refused = false;
            } catch (InvalidInputException e) {
                refused = true;
            }
            assertEquals(refused, DnsNames.isLookAlike(ascii), name);
            lookAlikes += refused ? 1 : 0;
        }
        assertTrue(lookAlikes >= 8 && lookAlikes < NAMES.size() - 8, "both kinds are in the set: " + lookAlikes);
    }
}
