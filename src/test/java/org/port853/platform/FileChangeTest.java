package org.port853.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileChangeTest {
    @Test
    void creationDiff() {
        FileChange c = new FileChange("/etc/x.conf", null, "a\nb\n");
        assertTrue(c.changes());
        assertEquals("--- /dev/null\n+++ /etc/x.conf\n+a\n+b\n", c.diff());
    }

    @Test
    void deletionDiff() {
        FileChange c = new FileChange("/etc/x.conf", "a\n", null);
        assertTrue(c.changes());
        assertEquals("--- /etc/x.conf\n+++ /dev/null\n-a\n", c.diff());
    }

    @Test
    void editKeepsCommonLines() {
        FileChange c = new FileChange("/f", "[Resolve]\nDNS=1.1.1.1\nDNSSEC=no\n", "[Resolve]\nDNS=9.9.9.9\nDNSSEC=no\n");
        // removed lines before added ones, as diff -u and git show them
        assertEquals("--- /f\n+++ /f\n [Resolve]\n-DNS=1.1.1.1\n+DNS=9.9.9.9\n DNSSEC=no\n", c.diff());
    }

    @Test
    void lastLineWithoutNewline() {
        assertEquals("--- /f\n+++ /f\n a\n-b\n+c\n".length(), new FileChange("/f", "a\nb", "a\nc").diff().length());
        assertTrue(new FileChange("/f", "a\nb", "a\nc").diff().contains("-b\n"));
    }

    @Test
    void aPlanChangesAFileOnlyWhereItsContentDiffers() {
        Plan p = new Plan(List.of(new FileChange("/etc/a.conf", "x\n", "y\n"), new FileChange("/etc/b.conf", "x\n", "x\n")),
                List.of(), null);
        assertTrue(p.changes(java.nio.file.Path.of("/etc/a.conf")));
        assertFalse(p.changes(java.nio.file.Path.of("/etc/b.conf")), "in the plan, but the same as now");
        assertFalse(p.changes(java.nio.file.Path.of("/etc/c.conf")));
    }

    @Test
    void noChangeNoDiff() {
        assertFalse(new FileChange("/f", "x\n", "x\n").changes());
        assertFalse(new FileChange("/f", null, null).changes());
        assertEquals("", new FileChange("/f", "x\n", "x\n").diff());
        assertTrue(new FileChange("/f", "", null).changes());
    }

    @Test
    void plan() {
        Plan refused = Plan.refused("no");
        assertTrue(refused.isRefused());
        assertFalse(refused.changesNothing());
        Plan same = new Plan(List.of(new FileChange("/f", "x\n", "x\n")), List.of(), null);
        assertTrue(same.changesNothing());
        assertEquals("", same.diff());
        Plan two = new Plan(List.of(new FileChange("/a", null, "1\n"), new FileChange("/b", "2\n", null)),
                List.of("restart"), null);
        assertFalse(two.changesNothing());
        assertEquals("--- /dev/null\n+++ /a\n+1\n--- /b\n+++ /dev/null\n-2\n", two.diff());
    }
}
