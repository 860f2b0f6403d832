package org.port853.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dates in the window: the shown language, the user's region where it speaks that language. */
class I18nDatesTest {
    @AfterEach
    void systemLanguage() {
        I18n.use(null);
    }

    @Test
    @DisplayName("English (the root bundle) is formatted as English, not as the root locale's '2026 Nov 1 09:00'")
    void englishIsNotTheRootLocale() {
        I18n.use(Locale.ENGLISH);
        assertEquals(Locale.US, I18n.formatLocale(Locale.ROOT));
        assertEquals(Locale.US, I18n.formatLocale(Locale.GERMANY), "a German system showing English: US English dates");
        assertEquals(Locale.UK, I18n.formatLocale(Locale.UK), "the user's own English region");
    }

    @Test
    @DisplayName("German keeps the user's German region (Austria), else Germany's")
    void germanRegions() {
        I18n.use(Locale.GERMAN);
        assertEquals(Locale.GERMANY, I18n.formatLocale(Locale.US));
        assertEquals(new Locale("de", "AT"), I18n.formatLocale(new Locale("de", "AT")));
    }

    @Test
    @DisplayName("a moment today is its time alone, written as the date-and-time form writes it; another day has the date")
    void timeAloneToday() {
        I18n.use(Locale.GERMAN);
        java.time.Instant now = java.time.Instant.now();
        String today = I18n.dateTimeOrTimeToday(now);
        assertEquals(true, I18n.dateTime(now).endsWith(" " + today), I18n.dateTime(now) + " / " + today);
        java.time.Instant longAgo = java.time.Instant.parse("2020-02-03T10:00:00Z");
        assertEquals(I18n.dateTime(longAgo), I18n.dateTimeOrTimeToday(longAgo));
    }
}
