package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JournalStamp: no journal is not a journal that cannot be looked at")
class JournalStampTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("no journal: empty")
    void noJournal() throws IOException {
        assertEquals(Optional.empty(), JournalStamp.of(root.resolve("journal.json")));
        assertEquals(Optional.empty(), JournalStamp.of(root.resolve("no-state-dir/journal.json")));
    }

    @Test
    @DisplayName("a journal: a stamp that changes with each write")
    void eachWriteHasItsStamp() throws IOException {
        Path journal = root.resolve("journal.json");
        AtomicFiles.write(journal, "{}", AtomicFiles.PRIVATE);
        Optional<String> first = JournalStamp.of(journal);
        assertTrue(first.isPresent());
        AtomicFiles.write(journal, "{ }", AtomicFiles.PRIVATE);
        assertNotEquals(first, JournalStamp.of(journal));
    }

    @Test
    @DisplayName("a journal that cannot be looked at (its folder is a file, its name too long): thrown, not empty")
    void cannotBeLookedAt() throws IOException {
        Path notADirectory = Files.writeString(root.resolve("state"), "");
        assertThrows(IOException.class, () -> JournalStamp.of(notADirectory.resolve("journal.json")));
        assertThrows(IOException.class, () -> JournalStamp.of(tooLong().resolve("journal.json")));
    }

    @Test
    @DisplayName("the published scope of a journal that cannot be looked at is unknown, not that of no journal")
    void scopeOfAJournalThatCannotBeLookedAtIsUnknown() throws IOException {
        List<ItemSnapshot> pristine = List.of(new ItemSnapshot("file:/etc/zz.conf", false, null, java.util.Map.of()));
        assertTrue(RevertScope.published(root.resolve("no-state-dir"), pristine).isPresent(), "no journal: known");
        assertEquals(Optional.empty(), RevertScope.published(Files.writeString(root.resolve("state"), ""), pristine));
        assertEquals(Optional.empty(), RevertScope.published(tooLong(), pristine));
    }

    /** A folder whose path is longer than the system takes (ENAMETOOLONG, not "no such file"). */
    private Path tooLong() {
        return root.resolve("d".repeat(250) + "/").resolve(String.join("/", java.util.Collections.nCopies(20,
                "e".repeat(250))));
    }
}
