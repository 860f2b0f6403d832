package org.port853.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a custom providers file that this Port853 does not read (a note added by hand, a field of a tool that
 * shares the file), for the document and each provider by id, so that a save writes them back instead of dropping
 * them unseen.
 */
final class UnknownFields {
    private static final Set<String> DOCUMENT_FIELDS = Set.of("version", "providers");

    private final ObjectNode document;
    private final Map<String, ObjectNode> byProvider;

    private UnknownFields(ObjectNode document, Map<String, ObjectNode> byProvider) {
        this.document = document;
        this.byProvider = byProvider;
    }

    static UnknownFields none() {
        return new UnknownFields(JsonNodeFactory.instance.objectNode(), Map.of());
    }

    /** Those of a file that has already been read as a valid provider list; {@code json} may be empty. */
    static UnknownFields of(byte[] json) throws IOException {
        JsonNode root = JsonTrees.read(json);
        if (root == null || root.isMissingNode()) {
            return none();
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        JsonNode list = root;
        if (root.isObject()) {
            document = unknown(root, DOCUMENT_FIELDS);
            list = root.path("providers");
        }
        Map<String, ObjectNode> byProvider = new HashMap<>();
        for (JsonNode entry : list) {
            ObjectNode extra = unknown(entry, ProviderJson.FIELDS);
            if (!extra.isEmpty()) {
                byProvider.put(entry.path("id").asText(), extra);
            }
        }
        return new UnknownFields(document, byProvider);
    }

    /** Adds the document's unknown keys to {@code root} after its own. */
    void addToDocument(ObjectNode root) {
        addMissing(root, document);
    }

    /** Adds the unknown keys the provider with this id had to its entry {@code o}. */
    void addToProvider(String id, ObjectNode o) {
        ObjectNode extra = byProvider.get(id);
        if (extra != null) {
            addMissing(o, extra);
        }
    }

    private static void addMissing(ObjectNode to, ObjectNode from) {
        from.fields().forEachRemaining(f -> {
            if (!to.has(f.getKey())) {
                to.set(f.getKey(), f.getValue());
            }
        });
    }

    private static ObjectNode unknown(JsonNode object, Set<String> known) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!known.contains(f.getKey())) {
                out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
