package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.ui.common.LeakAlerter;
import org.port853.ui.prefs.Preferences;
import org.port853.ui.prefs.PreferencesStore;

class UnitTest {
    @Test
    void leakAlerterTellsOnceAfterQuietAndIsRateLimited() {
        LeakAlerter a = new LeakAlerter(Duration.ofMinutes(2), Duration.ofMinutes(5));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(a.onLeaks(t, 1));
        assertFalse(a.onLeaks(t.plusSeconds(10), 5), "ongoing leaks are not re-announced");
        assertFalse(a.onLeaks(t.plusSeconds(200), 1), "quiet long enough, but within the rate limit");
        assertFalse(a.onLeaks(t.plusSeconds(290), 1));
        assertTrue(a.onLeaks(t.plusSeconds(290 + 121), 1), "quiet for 2 min and 5 min since the last alert");
        assertFalse(a.onLeaks(t.plusSeconds(1000), 0));
    }

    @Test
    void preferencesRoundTripAndSurviveGarbage(@TempDir Path dir) throws Exception {
        PreferencesStore s = new PreferencesStore(dir.resolve("port853"));
        assertEquals(Preferences.defaults(), s.load());
        Preferences p = new Preferences(false, true, Preferences.Theme.DARK);
        s.save(p);
        assertEquals(p, new PreferencesStore(dir.resolve("port853")).load());
        Files.writeString(s.file(), "theme=purple\nnotifications=\\u00zz\n");
        assertEquals(Preferences.Theme.SYSTEM, s.load().theme());
    }
}
