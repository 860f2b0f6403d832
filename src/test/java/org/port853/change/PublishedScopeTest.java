package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The published revert scope: read whole, or unknown")
class PublishedScopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    Path dir;
    Journal applied;

    @BeforeEach
    void published() throws IOException {
        dir = root.resolve("var/lib/port853");
        ChangeRecord c = JournalStoreTest.change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        applied = new Journal(Journal.FORMAT, c.before(), c.after(), null, null);
        new JournalStore(dir).save(applied);
    }

    /** The scope read after {@code edit} changed the published document. */
    private java.util.Optional<RevertScope> readAfter(Consumer<ObjectNode> edit) throws IOException {
        Path f = dir.resolve(RevertScope.FILE);
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readAllBytes(f));
        edit.accept(doc);
        Files.writeString(f, JSON.writeValueAsString(doc));
        return RevertScope.published(dir, List.of());
    }

    private static ObjectNode firstOf(ObjectNode doc, String list) {
        return (ObjectNode) doc.withArray(list).get(0);
    }

    @Test
    @DisplayName("as the journal's store wrote it, with its fields in any order")
    void readAsWritten() throws IOException {
        assertEquals(RevertScope.of(applied, List.of()), readAfter(doc -> { }).orElseThrow());
        assertEquals(RevertScope.of(applied, List.of()), readAfter(doc -> {
            var baseline = doc.remove("baseline");
            doc.set("baseline", baseline);
        }).orElseThrow());
    }

    @Test
    @DisplayName("malformed: not JSON, not an object, or cut short")
    void malformedIsUnknown() throws IOException {
        Path f = dir.resolve(RevertScope.FILE);
        String whole = Files.readString(f);
        for (String text : List.of("{broken", "[]", "null", "", whole.substring(0, whole.length() / 2))) {
            Files.writeString(f, text);
            assertTrue(RevertScope.published(dir, List.of()).isEmpty(), text);
        }
    }

    @Test
    @DisplayName("partial: a field missing, at the top or in a fingerprint, is unknown, not an empty list or false")
    void partialIsUnknown() throws IOException {
        for (String field : List.of("ours", "baseline", "fromJournal")) {
            assertTrue(readAfter(doc -> doc.remove(field)).isEmpty(), field);
            published();
        }
        for (String field : List.of("key", "present", "sha256", "attributes")) {
            assertTrue(readAfter(doc -> firstOf(doc, "ours").remove(field)).isEmpty(), field);
            published();
        }
    }

    @Test
    @DisplayName("extra fields, at the top or in a fingerprint, make it another document: unknown")
    void extraFieldIsUnknown() throws IOException {
        assertTrue(readAfter(doc -> doc.put("removesEverything", true)).isEmpty());
        published();
        assertTrue(readAfter(doc -> firstOf(doc, "baseline").put("content", "nameserver 192.0.2.9\n")).isEmpty());
    }

    @Test
    @DisplayName("a field of another type is unknown, never read as a default (\"yes\" as true, a number as a key)")
    void wrongTypeIsUnknown() throws IOException {
        java.util.Map<String, Consumer<ObjectNode>> edits = java.util.Map.of(
                "fromJournal as text", doc -> doc.put("fromJournal", "true"),
                "ours no list", doc -> doc.put("ours", "none"),
                "the journal a number", doc -> doc.put(RevertScope.JOURNAL_STAMP, 7),
                "a fingerprint no object", doc -> doc.withArray("ours").add("zz.conf"),
                "a key a number", doc -> firstOf(doc, "ours").put("key", 5),
                "an empty key", doc -> firstOf(doc, "ours").put("key", ""),
                "a null key", doc -> firstOf(doc, "ours").putNull("key"),
                "present a number", doc -> firstOf(doc, "ours").put("present", 1),
                "sha256 no digest", doc -> firstOf(doc, "ours").put("sha256", "not a digest"),
                "an attribute a number", doc -> firstOf(doc, "ours").putObject("attributes").put("mode", 644));
        for (var edit : edits.entrySet()) {
            assertTrue(readAfter(edit.getValue()).isEmpty(), edit.getKey());
            published();
        }
    }
}
