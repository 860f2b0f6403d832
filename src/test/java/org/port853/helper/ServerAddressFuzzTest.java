package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/** Fuzzes ServerAddress.parse (the helper validates every server with it): only InvalidInputException may escape; accepted values round-trip. */
class ServerAddressFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parse(FuzzedDataProvider data) {
        String spec = data.consumeRemainingAsString();
        ServerAddress s;
        try {
            s = ServerAddress.parse(spec);
        } catch (InvalidInputException refused) {
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            return;
        }
        String text = s.toResolvedSyntax();
        assertEquals(s, ServerAddress.parse(text), text);
        assertEquals(text, ServerAddress.parse(text).toResolvedSyntax());
        assertTrue(text.chars().allMatch(c -> c > 0x20 && c < 0x7f), text);
        assertFalse(text.contains("%"), text);
        assertTrue(s.port() >= 0 && s.port() <= 65535);
    }
}
