package org.port853.ui.tray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ProtectionState;

class TrayTextsTest {
    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    @DisplayName("the menu's state line and the tool tip count the leaks in the same words")
    void menuAndToolTipUseTheSameWords(String language) {
        for (boolean demo : new boolean[] {false, true}) {
            TrayState s = new TrayState(ProtectionState.LEAKING, 7, demo);
            String toolTip = I18n.in(Locale.forLanguageTag(language), () -> TrayTexts.leaks(s));
            String menu = I18n.in(Locale.forLanguageTag(language), () -> TrayTexts.summary(s));
            String inASentence = Character.toLowerCase(toolTip.charAt(0)) + toolTip.substring(1);
            assertTrue(menu.endsWith(" · " + inASentence), language + ": " + menu + " / " + toolTip);
        }
    }
}
