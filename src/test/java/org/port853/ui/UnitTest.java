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
    @org.junit.jupiter.api.DisplayName("an alert that could not be shown does not use up the rate limit: the next leak is told")
    void missedLeakAlertDoesNotCount() {
        LeakAlerter a = new LeakAlerter(Duration.ofMinutes(2), Duration.ofMinutes(5));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(a.onLeaks(t, 1));
        a.missed();
        assertTrue(a.onLeaks(t.plusSeconds(10), 1), "the missed alert is given at the next leak");
        assertFalse(a.onLeaks(t.plusSeconds(20), 1), "a shown one counts again");
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

    @Test
    @org.junit.jupiter.api.DisplayName("one line that cannot be read loses only that line, says so, and saving keeps "
            + "what the file holds besides")
    void aBrokenLineLosesOnlyItself(@TempDir Path dir) throws Exception {
        PreferencesStore s = new PreferencesStore(dir);
        Files.writeString(s.file(), "theme=dark\nnotifications=false\ncloseToTray=true\nnewerKey=kept\n\\u12");
        PreferencesStore.Loaded loaded = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, s::read);
        assertEquals(new Preferences(false, false, Preferences.Theme.DARK, true), loaded.preferences(),
                "the good lines were read (all were lost to one bad escape)");
        assertEquals("Line 5 of your preferences in " + s.file() + " could not be read and was left out; the rest "
                + "applies.", loaded.problem());
        s.save(new Preferences(false, true, Preferences.Theme.DARK, true));
        String saved = Files.readString(s.file());
        assertTrue(saved.contains("newerKey=kept") && saved.contains("closeToTray=true")
                && saved.contains("startMinimised=true") && saved.contains("theme=dark"), saved);
        assertEquals(null, s.read().problem());
        // a hand edit in Latin-1: the line with the byte that is not UTF-8 is left out, not the file
        Files.write(s.file(), "theme=dark\ncloseToTray=true\n# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        PreferencesStore.Loaded latin1 = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, s::read);
        assertEquals(Preferences.Theme.DARK, latin1.preferences().theme());
        assertTrue(latin1.preferences().closeToTray());
        assertTrue(latin1.problem() != null && latin1.problem().startsWith("Line 3 of"), latin1.problem());
        Files.delete(s.file());
        assertEquals(new PreferencesStore.Loaded(Preferences.defaults(), null), s.read(), "no file: defaults, no word");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a binary file in place of the preferences names its first unreadable lines, "
            + "not each of its thousands")
    void aBinaryFileNamesAFewLines(@TempDir Path dir) throws Exception {
        PreferencesStore s = new PreferencesStore(dir);
        Files.write(s.file(), "\u00ff\n".repeat(3000).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        PreferencesStore.Loaded loaded = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, s::read);
        assertEquals(Preferences.defaults(), loaded.preferences());
        assertEquals("Lines 1, 2, 3, 4, 5, … of your preferences in " + s.file() + " could not be read and were left "
                + "out; the rest applies.", loaded.problem());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a value a preference cannot take keeps its default and is named: "
            + "'notifications=yes' turned notifications off without a word")
    void aValueOfTheWrongTypeKeepsTheDefaultAndSaysSo(@TempDir Path dir) throws Exception {
        PreferencesStore s = new PreferencesStore(dir);
        Files.writeString(s.file(), "notifications=yes\nstartMinimised=TRUE\ncloseToTray=1\ntheme=Dark mode\n");
        PreferencesStore.Loaded loaded = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, s::read);
        assertEquals(new Preferences(true, true, Preferences.Theme.SYSTEM, false), loaded.preferences());
        assertEquals("Your preferences in " + s.file() + " hold values Port853 cannot use, so the defaults apply "
                + "for them: notifications=yes (true or false expected), theme=Dark mode (system, light or dark "
                + "expected), closeToTray=1 (true or false expected).", loaded.problem());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a preferences file that cannot be read is said to be so, and a folder that "
            + "cannot be written names the folder and why, not a temporary file")
    void unreadableAndUnwritable(@TempDir Path dir) throws Exception {
        PreferencesStore s = new PreferencesStore(dir);
        Files.createDirectory(s.file()); // a directory in its place: unreadable even for root
        PreferencesStore.Loaded loaded = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, s::read);
        assertEquals(Preferences.defaults(), loaded.preferences());
        assertTrue(loaded.problem() != null && loaded.problem().startsWith("Your preferences in " + s.file()
                + " could not be read"), loaded.problem());
        Path folder = Files.writeString(dir.resolve("a-file"), "").resolve("port853"); // under a file: no folder
        PreferencesStore inFile = new PreferencesStore(folder);
        String said = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> {
            try {
                inFile.save(Preferences.defaults());
                return "saved";
            } catch (java.io.IOException io) {
                return io.getMessage();
            }
        });
        assertTrue(said.startsWith("the folder " + folder + " cannot be written (")
                && said.endsWith("); the change applies until Port853 quits") && !said.contains(".tmp"), said);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("periods in whole hours say hours, others minutes (a 90-minute pin watch read '1 h')")
    void periods() {
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertEquals("6 h", org.port853.ui.common.I18n.in(en, () -> org.port853.ui.common.I18n.period(6 * 3600)));
        assertEquals("90 min", org.port853.ui.common.I18n.in(en, () -> org.port853.ui.common.I18n.period(90 * 60)));
        assertEquals("5 min", org.port853.ui.common.I18n.in(en, () -> org.port853.ui.common.I18n.period(300)));
    }
}
