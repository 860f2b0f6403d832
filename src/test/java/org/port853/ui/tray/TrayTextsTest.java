package org.port853.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ProtectionState;

class TrayTextsTest {
    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    @DisplayName("the menu's state line and the tool tip count the leaks in the same words")
    void menuAndToolTipUseTheSameWords(String language) {
        for (TrayState s : new TrayState[] {new TrayState(ProtectionState.LEAKING, 7, false),
                new TrayState(ProtectionState.LEAKING, 7, true),
                new TrayState(ProtectionState.PROTECTED, 0, false, false),
                new TrayState(ProtectionState.LEAKING, 0, false, true, true, true)}) {
            String toolTip = I18n.in(Locale.forLanguageTag(language), () -> TrayTexts.leaks(s));
            String menu = I18n.in(Locale.forLanguageTag(language), () -> TrayTexts.summary(s));
            String inASentence = Character.toLowerCase(toolTip.charAt(0)) + toolTip.substring(1);
            // a German noun keeps its capital inside a sentence ("Klartext-Verkehr")
            assertTrue(menu.endsWith(" · " + inASentence) || menu.endsWith(" · " + toolTip),
                    language + ": " + menu + " / " + toolTip);
        }
    }

    @Test
    @DisplayName("without a running capture the tray says leaks are not watched, not '0 leaked queries' (an "
            + "unprivileged user's panel read 'Protected · leaked queries since start: 0' while leaks went unseen)")
    void notWatchingIsNotZeroLeaks() {
        TrayState blind = new TrayState(ProtectionState.PROTECTED, 0, false, false);
        I18n.in(Locale.ENGLISH, () -> {
            assertEquals("Leaked queries are not watched: the Traffic screen says why", TrayTexts.leaks(blind));
            assertEquals("Protected · leaked queries are not watched: the Traffic screen says why",
                    TrayTexts.summary(blind));
            return null;
        });
    }

    @Test
    @DisplayName("red with no leaked query counted says what leaked, as Status judges it, not 'Leaking · leaked queries "
            + "since start: 0' (rig: HTTP and random bytes sent to port 53 of a server, no DNS query in them)")
    void leakWithoutAQueryIsSaid() {
        I18n.in(Locale.ENGLISH, () -> {
            assertEquals("Leaking · plaintext traffic on port 53 but no DNS query read in it: the Status screen says why",
                    TrayTexts.summary(new TrayState(ProtectionState.LEAKING, 0, false, true, true, true)));
            assertEquals("Resolver stopped · leaking · plaintext traffic on port 53 but no DNS query read in it: the "
                    + "Status screen says why", TrayTexts.summary(
                    new TrayState(ProtectionState.RESOLVER_STOPPED_LEAKING, 0, false, true, true, true)));
            // queries read but not yet listed (the leak queue was full): Status says queries, so does the tray
            assertEquals("Leaking · leaked queries since start: 0",
                    TrayTexts.summary(new TrayState(ProtectionState.LEAKING, 0, false, true, true, false)));
            assertEquals("Leaking · leaked queries since start: 1",
                    TrayTexts.summary(new TrayState(ProtectionState.LEAKING, 1, false, true, true, true)));
            return null;
        });
    }
}
