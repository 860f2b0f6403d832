package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the window's language follows the session's environment in gettext's order, also without the C locale")
class DesktopLanguageTest {
    private static Optional<Locale> of(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return DesktopLanguage.fromEnvironment(env);
    }

    @Test
    void languageFromTheEnvironment() {
        assertEquals(Optional.of(Locale.GERMANY), of("LANG", "de_DE.UTF-8"), "LANG alone, installed or not");
        assertEquals(Optional.of(new Locale("de", "AT")), of("LANG", "de_AT.UTF-8@euro"));
        assertEquals(Optional.of(Locale.US), of("LANG", "de_DE.UTF-8", "LC_MESSAGES", "en_US.UTF-8"),
                "LC_MESSAGES before LANG");
        assertEquals(Optional.of(Locale.GERMANY), of("LANG", "en_US.UTF-8", "LC_MESSAGES", "en_US.UTF-8",
                "LC_ALL", "de_DE.UTF-8"), "LC_ALL before both");
        assertEquals(Optional.of(Locale.GERMAN), of("LANG", "fr_FR.UTF-8", "LANGUAGE", "fr:de:en"),
                "the first shipped language of LANGUAGE's list");
        assertEquals(Optional.of(Locale.ENGLISH), of("LANG", "de_DE.UTF-8", "LANGUAGE", "fr"),
                "LANGUAGE without a shipped one: untranslated, as gettext does (not LANG's German)");
        assertEquals(Optional.empty(), of("LANG", "fr_FR.UTF-8"), "not shipped: the JVM's choice stays");
        assertEquals(Optional.empty(), of("LANG", "C", "LANGUAGE", "de"), "the C locale ignores LANGUAGE");
        assertEquals(Optional.of(Locale.GERMAN), of("LANG", "C.UTF-8", "LANGUAGE", "de"),
                "C.UTF-8 does not: gettext's programs speak German there (Debian 12's ls does)");
        assertEquals(Optional.empty(), of("LANG", "C.UTF-8"), "C.UTF-8 alone names no language");
        assertEquals(Optional.empty(), of("LC_ALL", "POSIX"));
        assertEquals(Optional.empty(), of(), "nothing set");
        assertEquals(Optional.empty(), of("LANG", "??"));
    }
}
