package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.core.Verdict;

class JournalProblemTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("a journal that cannot be read is said by status, so that a fleet learns revert would fail before it "
            + "needs it (247 walkthrough: apply, revert and recover failed on it while status was silent)")
    void aCorruptJournalIsAReason() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        assertNull(new JournalCheck(paths).problem(), "no journal: nothing to say");
        Files.createDirectories(paths.stateDir());
        Path journal = paths.stateDir().resolve("journal.json");
        Files.writeString(journal, "{\"version\":2,\"baseline\":[garbage");
        String problem = new JournalCheck(paths).problem();
        assertTrue(problem != null && problem.contains("is unreadable") && problem.contains(journal.toString()), problem);

        org.port853.core.ServerAddress server = org.port853.core.ServerAddress.parse("198.18.0.2#dot.test");
        ResolverState s = new ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS, true, true,
                new org.port853.core.GlobalState(List.of(server), List.of(), server, org.port853.core.DotMode.STRICT,
                        org.port853.core.DnssecMode.NO, true, List.of(new org.port853.core.DomainEntry(".", true)), "yes",
                        "stub"), List.of(), null, null, new LinuxDetails(252, null, List.of(), null, true, null, false,
                problem));
        Assessment a = Assessor.assess(s, new LinuxRules().assess(s));
        Reason r = a.reasons().stream().filter(x -> x.code().equals("JOURNAL_UNREADABLE")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(Verdict.PARTIAL, a.verdict(), "the DNS works, but the way back is at risk");
        assertEquals(List.of(problem), r.details());
    }

    @Test
    @DisplayName("the journal is parsed again whenever it changes on disk, also to the same size, and not otherwise")
    void followsTheFileNotTheFirstAnswer() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        JournalCheck check = new JournalCheck(paths);
        Files.createDirectories(paths.stateDir());
        Path journal = paths.stateDir().resolve("journal.json");
        String good = "{\"version\":" + org.port853.change.Journal.FORMAT + "}";
        Files.writeString(journal, good);
        assertNull(check.problem(), good);

        String bad = "x".repeat(good.length());
        Files.writeString(journal, bad);
        Files.setLastModifiedTime(journal, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        String problem = check.problem();
        assertTrue(problem != null && problem.contains("is unreadable"), "a same-size corruption is seen: " + problem);

        Files.writeString(journal, good);
        Files.setLastModifiedTime(journal, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        assertNull(check.problem(), "mended: the problem is gone");

        // unchanged on disk (content swapped back with the time it had): the remembered answer stands
        Files.writeString(journal, bad);
        Files.setLastModifiedTime(journal, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        assertNull(check.problem(), "same file key, size and time: not parsed again");
    }
}
