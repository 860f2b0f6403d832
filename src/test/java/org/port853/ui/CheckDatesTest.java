package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.doctor.Check;
import org.port853.ui.common.I18n;
import org.port853.ui.diagnostics.CheckTexts;

class CheckDatesTest {
    @Test
    @DisplayName("a certificate's dates are written as the window's language writes dates, not as ISO-8601 (German "
            + "walkthrough: 'Gültig bis 2036-12-02T05:53:11Z' beside '05.12.26, 06:01')")
    void certificateDatesInTheWindowsWords() {
        java.time.Instant until = java.time.Instant.parse("2036-12-02T05:53:11Z");
        Check c = Check.ok("tls.expiry", "198.18.0.2#dot.test", "Valid until " + until + ".")
                .says("tls.expiry.ok", until);
        String de = I18n.in(Locale.GERMAN, () -> CheckTexts.of(c).evidence());
        String expected = I18n.in(Locale.GERMAN, () -> "Gültig bis " + java.text.DateFormat.getDateInstance(
                java.text.DateFormat.SHORT, Locale.GERMAN).format(java.util.Date.from(until)) + ", "
                + java.text.DateFormat.getTimeInstance(java.text.DateFormat.SHORT, Locale.GERMAN)
                .format(java.util.Date.from(until)) + ".");
        assertEquals(expected, de);
    }
}
