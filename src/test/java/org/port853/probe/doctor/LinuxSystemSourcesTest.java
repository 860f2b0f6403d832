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

    /** resolved's real fallback line (recorded on 252, rig.sh, opportunistic mode, port 853 closed). */
    static final String FELL_BACK = "Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 for DNS server "
            + "198.18.86.4#dot.test.";

    private static String at(long second, String unit, String message) {
        return second + ".250000 vm " + unit + ": " + message + "\n";
    }

    @Test
    @DisplayName("journalctl's short-unix lines come with their times; '-- No entries --' is a readable, quiet journal")
    void readableJournalGivesItsLines() throws IOException {
        JournalExcerpt e = LinuxSystemSources.journalLines(new ProcessRunner.Result(0,
                at(1765000100, "systemd-resolved[412]", FELL_BACK), "", false));
        assertEquals(List.of(new org.port853.platform.linux.JournalLine(java.time.Instant.parse("2025-12-06T05:48:20.250Z"),
                FELL_BACK)), e.lines());
        JournalExcerpt none = LinuxSystemSources.journalLines(new ProcessRunner.Result(0, "-- No entries --\n", "", false));
        assertEquals(List.of(), none.lines(), "a readable journal in which resolved said nothing");
        assertNull(none.since());
    }

    @Test
    @DisplayName("the journal is read from the resolver's last start (systemd's Starting/Started lines for the unit), "
            + "not a fixed hour: a fallback before the restart is over, and the excerpt says since when")
    void theExcerptStartsAtTheLastStart() throws IOException {
        String journal = at(1765000100, "systemd-resolved[412]", FELL_BACK)
                + at(1765000200, "systemd[1]", "Stopping systemd-resolved.service - Network Name Resolution...")
                + at(1765000201, "systemd[1]", "Starting systemd-resolved.service - Network Name Resolution...")
                + at(1765000202, "systemd-resolved[530]", "Using system hostname 'vm'.")
                + at(1765000203, "systemd[1]", "Started systemd-resolved.service - Network Name Resolution.")
                + at(1765000300, "systemd-resolved[530]", "Server returned error NXDOMAIN, mitigating potential DNS "
                + "violation DVE-2018-0001, retrying transaction with reduced feature level UDP.");
        JournalExcerpt e = LinuxSystemSources.journalLines(new ProcessRunner.Result(0, journal, "", false));
        assertEquals(java.time.Instant.ofEpochSecond(1765000203, 250_000_000), e.since());
        assertEquals(1, e.lines().size(), e.lines().toString());
        assertTrue(e.lines().get(0).message().startsWith("Server returned error NXDOMAIN"), e.lines().toString());

        JournalExcerpt capped = LinuxSystemSources.journalLines(new ProcessRunner.Result(0,
                at(1765000100, "systemd-resolved[412]", FELL_BACK), "", false));
        assertEquals(java.time.Instant.ofEpochSecond(1765000100, 250_000_000), capped.since(),
                "no start among the lines read (the cap cut before it): since the oldest line read");
    }

    @Test
    @DisplayName("journalctl is asked for dated lines (short-unix) of this boot, at most 2000, never -o cat or a fixed hour")
    void theCommandIsDatedAndBounded() {
        List<String> c = LinuxSystemSources.JOURNAL_COMMAND;
        assertEquals("short-unix", c.get(c.indexOf("-o") + 1), c.toString());
        assertEquals("2000", c.get(c.indexOf("-n") + 1), c.toString());
        assertTrue(c.contains("-b") && !c.contains("--since") && !c.contains("cat"), c.toString());
    }

    @Test
    void failedJournalctl() {
        IOException e = assertThrows(IOException.class, () -> LinuxSystemSources.journalLines(
                new ProcessRunner.Result(1, "", "Failed to open journal: Permission denied\n", false)));
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
    }
}
