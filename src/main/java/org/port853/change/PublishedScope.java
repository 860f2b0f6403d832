package org.port853.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code revert-scope.json} {@link JournalStore} publishes: the {@link RevertScope} and the journal it was made
 * from ({@link JournalStamp}). Read from a tree, as status readers read every file ({@link org.port853.core.JsonTrees}:
 * no object mapper at start), with each field of its type and none missing or added: a damaged, cut-short or foreign
 * file is no scope at all (unknown), never a scope with lists left empty.
 */
record PublishedScope(String journal, RevertScope scope) {
    private static final Set<String> FIELDS = Set.of(RevertScope.JOURNAL_STAMP, "fromJournal", "baseline", "ours");
    private static final Set<String> FINGERPRINT_FIELDS = Set.of("key", "present", "sha256", "attributes");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The published document in {@code doc}; empty where it is not one. */
    static Optional<PublishedScope> from(JsonNode doc) {
        if (!hasExactly(doc, FIELDS) || !doc.get(RevertScope.JOURNAL_STAMP).isTextual()
                || !doc.get("fromJournal").isBoolean()) {
            return Optional.empty();
        }
        Optional<List<ItemFingerprint>> baseline = fingerprints(doc.get("baseline"));
        Optional<List<ItemFingerprint>> ours = fingerprints(doc.get("ours"));
        if (baseline.isEmpty() || ours.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublishedScope(doc.get(RevertScope.JOURNAL_STAMP).textValue(),
                new RevertScope(doc.get("fromJournal").booleanValue(), baseline.get(), ours.get())));
    }

    private static Optional<List<ItemFingerprint>> fingerprints(JsonNode list) {
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<ItemFingerprint> out = new ArrayList<>();
        for (JsonNode f : list) {
            Optional<ItemFingerprint> read = fingerprint(f);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            out.add(read.get());
        }
        return Optional.of(out);
    }

    /** {@link ItemFingerprint} as Jackson writes it: a key, present, the content's SHA-256 or null, text attributes. */
    private static Optional<ItemFingerprint> fingerprint(JsonNode f) {
        if (!hasExactly(f, FINGERPRINT_FIELDS) || !f.get("key").isTextual() || f.get("key").textValue().isEmpty()
                || !f.get("present").isBoolean() || !f.get("attributes").isObject()) {
            return Optional.empty();
        }
        JsonNode sha256 = f.get("sha256");
        if (!sha256.isNull() && !(sha256.isTextual() && SHA256.matcher(sha256.textValue()).matches())) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.get("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            if (!a.getValue().isTextual()) {
                return Optional.empty();
            }
            attributes.put(a.getKey(), a.getValue().textValue());
        }
        return Optional.of(new ItemFingerprint(f.get("key").textValue(), f.get("present").booleanValue(),
                sha256.textValue(), attributes));
    }

    private static boolean hasExactly(JsonNode node, Set<String> fields) {
        if (!node.isObject() || node.size() != fields.size()) {
            return false;
        }
        return fields.stream().allMatch(node::has);
    }
}
