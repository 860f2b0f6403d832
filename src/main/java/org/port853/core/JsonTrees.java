package org.port853.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Reads a JSON document into a tree with Jackson's streaming parser, without an {@code ObjectMapper}: the window
 * reads the provider catalogue and the change marker at start, and an object mapper's set-up loads some 400 classes
 * (start-up time, and memory for the app's whole life) that reading a tree does not need. Duplicate keys are an
 * error ({@link DuplicateKey}, which says where); an empty document is a {@link MissingNode}, as with
 * {@code ObjectMapper.readTree}.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** @throws JsonProcessingException for a document that is not valid JSON */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return MissingNode.getInstance();
            }
            return read(p, t);
        }
    }

    /** The value that starts at {@code first}; containers are filled iteratively (no recursion limit to hit). */
    private static JsonNode read(JsonParser p, JsonToken first) throws IOException {
        if (!first.isStructStart()) {
            return scalar(p, first);
        }
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        ContainerNode<?> root = container(first);
        open.push(root);
        while (!open.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of the document");
            }
            if (t.isStructEnd()) {
                open.pop();
                continue;
            }
            String name = null;
            JsonLocation nameAt = null;
            JsonStreamContext object = null;
            if (t == JsonToken.FIELD_NAME) {
                name = p.currentName();
                nameAt = p.currentTokenLocation();
                object = p.getParsingContext();
                t = p.nextToken();
            }
            JsonNode value = t.isStructStart() ? container(t) : scalar(p, t);
            ContainerNode<?> parent = open.peek();
            if (parent instanceof ObjectNode o) {
                if (o.replace(name, value) != null) {
                    throw new DuplicateKey(p, name, nameAt, object);
                }
            } else {
                ((ArrayNode) parent).add(value);
            }
            if (value instanceof ContainerNode<?> c) {
                open.push(c);
            }
        }
        return root;
    }

    private static ContainerNode<?> container(JsonToken t) {
        return t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            default -> throw new JsonParseException(p, "unexpected token " + t);
        };
    }

    /**
     * A key that appears twice in one object (Jackson's own check says only "Duplicate field"): which key, where the
     * second one starts, and the path to the object that holds it.
     */
    public static final class DuplicateKey extends JsonParseException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient List<Object> path;

        DuplicateKey(JsonParser p, String key, JsonLocation at, JsonStreamContext object) {
            super(p, "duplicate key '" + key + "'", at);
            this.key = key;
            this.path = pathOf(object.getParent());
        }

        public String key() {
            return key;
        }

        /** From the document's top: an {@link Integer} for an array's element, a {@link String} for an object's key. */
        public List<Object> path() {
            return path;
        }

        private static List<Object> pathOf(JsonStreamContext c) {
            List<Object> out = new ArrayList<>();
            for (; c != null && !c.inRoot(); c = c.getParent()) {
                out.add(c.inArray() ? Integer.valueOf(c.getCurrentIndex()) : c.getCurrentName());
            }
            Collections.reverse(out);
            return List.copyOf(out);
        }
    }
}
