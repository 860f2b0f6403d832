package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** {@code read} as the only item of its reading. */
    private static ItemSnapshot alone(ItemSnapshot read, List<ItemSnapshot> recorded) throws Exception {
        return RecordedReading.of(read, List.of(read), recorded);
    }

    @Test
    @DisplayName("two different words are two different values: 'A'/'B' is not yes/yes but yes/no (it took the first "
            + "state, yes/yes)")
    void twoWordsAreTwoValues() throws Exception {
        ItemSnapshot yesYes = entry("true", "true");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesNo, alone(entry("\"A\"", "\"B\""), List.of(yesYes, yesNo)));
    }

    @Test
    @DisplayName("one word is one value: 'A'/'A' agrees with yes/yes, not with yes/no")
    void oneWordIsOneValue() throws Exception {
        ItemSnapshot yesYes = entry("true", "true");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesYes, alone(entry("\"A\"", "\"A\""), List.of(yesNo, yesYes)));
    }

    @Test
    @DisplayName("a word with a known word beside it: 'A'/no agrees with yes/no only, and 'A' is then not no")
    void aWordBesideAKnownOne() throws Exception {
        ItemSnapshot noNo = entry("false", "false");
        ItemSnapshot yesNo = entry("true", "false");
        assertSame(yesNo, alone(entry("\"A\"", "false"), List.of(noNo, yesNo)));
    }

    private static final ItemSnapshot SWITCH_ON = WindowsItems.of(WindowsItems.GLOBAL_DOT, "{\"dot\":true}");
    private static final ItemSnapshot SWITCH_OFF = WindowsItems.of(WindowsItems.GLOBAL_DOT, "{\"dot\":false}");

    private static ItemSnapshot switchRead(String word) {
        return WindowsItems.of(WindowsItems.GLOBAL_DOT, "{\"dot\":\"" + word + "\"}");
    }

    @Test
    @DisplayName("the switch's word agrees with both its recorded states; an entry read with it that is Port853's alone "
            + "pins it: 'B' beside 'A'/'B' = yes/no is no, so the switch is as before (it took Port853's on)")
    void anEntryPinsTheSwitch() throws Exception {
        ItemSnapshot entry = entry("\"A\"", "\"B\"");
        List<ItemSnapshot> recorded = List.of(SWITCH_ON, entry("true", "false"), SWITCH_OFF, entry("false", "false"));
        assertSame(SWITCH_OFF, RecordedReading.of(switchRead("B"), List.of(switchRead("B"), entry), recorded));
        assertSame(SWITCH_ON, RecordedReading.of(switchRead("A"), List.of(switchRead("A"), entry), recorded));
    }

    @Test
    @DisplayName("a known no in another item of the reading makes the switch's word a yes")
    void aKnownWordElsewherePinsTheSwitch() throws Exception {
        ItemSnapshot entry = WindowsItems.of(WindowsItems.dot("149.112.112.112"), "{\"autoUpgrade\":false,\"host\":"
                + "\"dns.quad9.net:853\",\"server\":\"149.112.112.112\",\"udpFallback\":false}");
        assertSame(SWITCH_ON, RecordedReading.of(switchRead("A"), List.of(entry, switchRead("A")),
                List.of(SWITCH_OFF, SWITCH_ON)));
    }

    @Test
    @DisplayName("the other word pinned makes this one the other value: 'A' is yes by its entry, so 'B' on the switch "
            + "is no")
    void theOtherWordPinsThisOne() throws Exception {
        ItemSnapshot entry = entry("\"A\"", "\"A\"");
        List<ItemSnapshot> recorded = List.of(SWITCH_ON, entry("true", "true"), SWITCH_OFF);
        assertSame(SWITCH_OFF, RecordedReading.of(switchRead("B"), List.of(switchRead("B"), entry), recorded));
    }

    @Test
    @DisplayName("a word nothing in the reading pins stays as read, the word in it (it took the first recorded state)")
    void nothingPinsTheWord() throws Exception {
        ItemSnapshot read = switchRead("A");
        assertEquals(read, RecordedReading.of(read, List.of(read), List.of(SWITCH_ON, SWITCH_OFF)));
        ItemSnapshot entry = entry("\"A\"", "\"A\"");
        assertEquals(read, RecordedReading.of(read, List.of(read, entry),
                List.of(SWITCH_ON, entry("true", "true"), SWITCH_OFF, entry("false", "false"))),
                "an entry that agrees with two recorded states pins nothing");
    }

    @Test
    @DisplayName("a word two items give different values stays as read: 'A' is yes by a known no beside it, and no by "
            + "an entry that is its before-state alone")
    void aContestedWordIsUnknown() throws Exception {
        ItemSnapshot read = switchRead("A");
        ItemSnapshot other = WindowsItems.of(WindowsItems.dot("149.112.112.112"), "{\"autoUpgrade\":false,\"host\":"
                + "\"dns.quad9.net:853\",\"server\":\"149.112.112.112\",\"udpFallback\":false}");
        assertEquals(read, RecordedReading.of(read, List.of(read, entry("\"A\"", "\"A\""), other),
                List.of(SWITCH_ON, entry("false", "false"), SWITCH_OFF)));
    }

    @Test
    @DisplayName("pinned to a state on record for no item of that key: what it is, with values for the words")
    void pinnedToAStateNotOnRecord() throws Exception {
        ItemSnapshot read = entry("\"A\"", "\"B\"");
        ItemSnapshot got = RecordedReading.of(read, List.of(read, switchRead("B")), List.of(SWITCH_ON,
                entry("true", "true")));
        assertEquals(entry("false", "true").content(), got.content());
    }

    @Test
    @DisplayName("two unknown words beside a known no are three words in one reading, which netsh's one word for yes and "
            + "one for no cannot be: neither is pinned, the switch stays as read (it took both for yes and read 'A' as on)")
    void twoUnknownWordsBesideAKnownOneAreNotPinned() throws Exception {
        ItemSnapshot known = WindowsItems.of(WindowsItems.dot("149.112.112.112"), "{\"autoUpgrade\":false,\"host\":"
                + "\"dns.quad9.net:853\",\"server\":\"149.112.112.112\",\"udpFallback\":false}");
        ItemSnapshot other = entry("\"B\"", "\"B\"");
        ItemSnapshot read = switchRead("A");
        assertSame(read, RecordedReading.of(read, List.of(known, read, other), List.of(SWITCH_OFF, SWITCH_ON)));
    }
}
