package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.ProcessRunner;

@DisplayName("resolved's journal: empty output is only clean when there was a journal to read")
class LinuxSystemSourcesTest {
    @Test
    @DisplayName("no system bus: timedated is said to be unavailable at once, with why, not after the clock check's 3 s")
    void noSystemBusFailsFast(@TempDir Path root) {
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LinuxSystemSources.ntpSynchronized(
                org.freedesktop.dbus.connections.impl.DBusConnectionBuilder.forAddress("unix:path=" + root.resolve("no-bus"))));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 2500, "took " + millis + " ms: " + e.getMessage());
    }

    @Test
    @DisplayName("no system journal file (no journald, or nothing kept): no journal to read, not a clean one")
    void noJournalFiles(@TempDir Path root) throws IOException {
        Path var = root.resolve("var-log-journal");
        Files.createDirectories(var.resolve("0123abcd"));
        Files.writeString(var.resolve("0123abcd/user-1000.journal"), "x");
        org.port853.core.Sentence problem = LinuxSystemSources.systemJournalProblem(List.of(var,
                root.resolve("run-log-journal")), p -> true);
        assertTrue(problem != null && problem.english().startsWith("there is no journal to read"), String.valueOf(problem));
        assertEquals("journal-none", problem.words().wording(), "the window says it in its language");
    }

    @Test
    @DisplayName("system journal files this user may not read: not allowed, not clean")
    void unreadableJournalFiles(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("0123abcd"));
        Path system = Files.writeString(root.resolve("0123abcd/system.journal"), "x");
        org.port853.core.Sentence problem = LinuxSystemSources.systemJournalProblem(List.of(root), p -> !p.equals(system));
        assertTrue(problem != null && problem.english().startsWith("this user may not read the system journal"),
                String.valueOf(problem));
        assertEquals("journal-not-allowed", problem.words().wording());
        assertNull(LinuxSystemSources.systemJournalProblem(List.of(root), p -> true));
        Files.writeString(root.resolve("0123abcd/system@0005-0006.journal~"), "x");
        assertNull(LinuxSystemSources.systemJournalProblem(List.of(root), p -> !p.equals(system)), "an archived one is readable");
    }

    /** Every reason the journal is not read: no files, not allowed, journalctl's two notices, its timeout. */
    private static List<org.port853.core.Sentence> everyJournalReason(Path root) throws IOException {
        List<org.port853.core.Sentence> reasons = new java.util.ArrayList<>();
        reasons.add(LinuxSystemSources.systemJournalProblem(List.of(root.resolve("none")), p -> true));
        Files.createDirectories(root.resolve("0123abcd"));
        Files.writeString(root.resolve("0123abcd/system.journal"), "x");
        reasons.add(LinuxSystemSources.systemJournalProblem(List.of(root), p -> false));
        for (ProcessRunner.Result r : List.of(new ProcessRunner.Result(0, "", "No journal files were found.\n", false),
                new ProcessRunner.Result(0, "", "Hint: You are currently not seeing messages from other users and the "
                        + "system.\n", false), new ProcessRunner.Result(-1, "", "", true))) {
            JournalUnreadable e = (JournalUnreadable) assertThrows(IOException.class,
                    () -> LinuxSystemSources.journalLines(r));
            reasons.add(new org.port853.core.Sentence(e.getMessage(), e.words()));
        }
        return reasons;
    }

    @Test
    @DisplayName("why the journal was not read says no parenthesis: the window says it inside its own ('the journal checks (...)')")
    void journalReasonsNestNoParenthesis(@TempDir Path root) throws IOException {
        for (String r : everyJournalReason(root).stream().map(org.port853.core.Sentence::english).toList()) {
            assertTrue(r.startsWith("there is no journal to read") || r.startsWith("this user may not read")
                    || r.startsWith("journalctl did not answer"), r);
            assertFalse(r.contains("(") || r.contains(")"), r);
        }
    }

    @Test
    @DisplayName("why the journal was not read is said in the window's language (it read English in a German window)")
    void journalReasonsInTheWindowsLanguage(@TempDir Path root) throws IOException {
        for (org.port853.core.Words w : everyJournalReason(root).stream().map(org.port853.core.Sentence::words).toList()) {
            String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                    () -> org.port853.ui.common.I18n.said("diag.skipped.", w, "", "ENGLISH"));
            assertTrue(german.startsWith("die Journal-Prüfungen (") && !german.contains("journal to read"), german);
        }
    }

    @Test
    @DisplayName("a user outside adm/systemd-journal (journalctl's recorded hint): not allowed, not clean")
    void notAllowed() {
        ProcessRunner.Result r = new ProcessRunner.Result(0, "", "Hint: You are currently not seeing messages from other "
                + "users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n"
                + "      Pass -q to turn off this notice.\n", false);
        IOException e = assertThrows(IOException.class, () -> LinuxSystemSources.journalLines(r));
        assertTrue(e.getMessage().contains("may not read the system journal"), e.getMessage());
    }

    @Test
    void readableJournalGivesItsLines() throws IOException {
        assertEquals(List.of("Using degraded feature set UDP instead of TLS for DNS server 192.0.2.1."),
                LinuxSystemSources.journalLines(new ProcessRunner.Result(0,
                        "Using degraded feature set UDP instead of TLS for DNS server 192.0.2.1.\n", "", false)));
        assertEquals(List.of(), LinuxSystemSources.journalLines(new ProcessRunner.Result(0, "-- No entries --\n", "", false)),
                "a readable journal in which resolved said nothing");
    }

    @Test
    void failedJournalctl() {
        IOException e = assertThrows(IOException.class, () -> LinuxSystemSources.journalLines(
                new ProcessRunner.Result(1, "", "Failed to open journal: Permission denied\n", false)));
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
    }
}
