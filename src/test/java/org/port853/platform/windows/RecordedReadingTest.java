package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.change.ItemSnapshot;

/** Which recorded state a DoT entry read with yes/no words Port853 does not know stands for. */
@DisplayName("An entry read with unknown yes/no words is the recorded state it agrees with")
class RecordedReadingTest {
    private static final String KEY = WindowsItems.dot("9.9.9.9");

    private static ItemSnapshot entry(String autoUpgrade, String udpFallback) {
        return WindowsItems.of(KEY, "{\"autoUpgrade\":" + autoUpgrade + ",\"host\":\"dns.quad9.net\",\"server\":"
                + "\"9.9.9.9\",\"udpFallback\":" + udpFallback + "}");
    }

    @Test
    @DisplayName("two different words are two different values: 'A'/'B' is not yes/yes but yes/no (it took the first "
            + "state, yes/yes)")
    void twoWordsAreTwoValues() throws Exception {
        ItemSnapshot yesYes = entry("true", "true");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesNo, RecordedReading.of(entry("\"A\"", "\"B\""), List.of(yesYes, yesNo)));
    }

    @Test
    @DisplayName("one word is one value: 'A'/'A' agrees with yes/yes, not with yes/no")
    void oneWordIsOneValue() throws Exception {
        ItemSnapshot yesYes = entry("true", "true");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesYes, RecordedReading.of(entry("\"A\"", "\"A\""), List.of(yesNo, yesYes)));
    }

    @Test
    @DisplayName("a word with a known word beside it: 'A'/no agrees with yes/no only, and 'A' is then not no")
    void aWordBesideAKnownOne() throws Exception {
        ItemSnapshot noNo = entry("false", "false");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesNo, RecordedReading.of(entry("\"A\"", "false"), List.of(noNo, yesNo)));
    }
}
