package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.port853.change.JournalStore;

/**
 * Whether the journal of Port853's changes can be read, where this user may read it (root; the journal is the
 * helper's): revert and recover would fail on it, which a fleet's status check should learn before it needs them.
 * The window reads the state every few seconds, so the journal is parsed again only once it changed on disk.
 */
final class JournalCheck {
    private record Seen(Object fileKey, long size, java.nio.file.attribute.FileTime modified, String problem) {
        boolean sameFile(BasicFileAttributes a) {
            return java.util.Objects.equals(fileKey, a.fileKey()) && size == a.size()
                    && modified.equals(a.lastModifiedTime());
        }
    }

    private final Path stateDir;
    private volatile Seen seen;

    JournalCheck(LinuxPaths paths) {
        this.stateDir = paths.stateDir();
    }

    /** The reader's words where the journal cannot be read; null where it reads, or there is none this user may read. */
    String problem() {
        Path journal = stateDir.resolve(JournalStore.JOURNAL);
        if (!Files.isReadable(journal)) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(journal, BasicFileAttributes.class);
            Seen last = seen;
            if (last != null && last.sameFile(a)) {
                return last.problem();
            }
            String problem = parseProblem();
            seen = new Seen(a.fileKey(), a.size(), a.lastModifiedTime(), problem);
            return problem;
        } catch (IOException e) {
            return parseProblem();
        }
    }

    private String parseProblem() {
        try {
            new JournalStore(stateDir).load();
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }
}
