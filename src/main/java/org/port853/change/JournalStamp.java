package org.port853.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which write of the journal is on disk, told without reading it (the journal is the helper's alone; its directory lets
 * anyone look at its attributes): its file (each write replaces it by a new one), size and time. The published
 * {@link RevertScope} carries it, so that a reader trusts the scope only for the journal it was made from.
 */
final class JournalStamp {
    private JournalStamp() {
    }

    /**
     * Empty where there is no journal.
     *
     * @throws IOException where it cannot be looked at (permission denied, an I/O error): whether there is a journal
     *     is then unknown, and so is the scope of its revert, which a reader must not take for that of no journal
     */
    static Optional<String> of(Path journal) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(a.fileKey() + " " + a.size() + " " + a.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
