package org.port853.helper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.Printable;
import org.port853.core.ServerAddress;
import org.port853.core.Words;
import org.port853.platform.ApplyResult;

/**
 * The helper's input and output documents (schema: docs/helper-request.schema.json). Parsing is strict
 * because the input crosses a privilege boundary: unknown keys, wrong types, oversized or control-character
 * strings, and anything that is not an address or a DNS name are refused with one sentence.
 */
public final class HelperDocuments {
    public static final int MAX_BYTES = 16 * 1024;
    static final int MAX_STRING = 300;
    private static final Set<String> TOP_KEYS = Set.of("version", "action", "settings", "linkResolverFile", "atBoot");
    private static final Set<String> SETTINGS_KEYS = Set.of("servers", "mode", "dnssec", "routeAllDomains", "fallback");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                .maxStringLength(MAX_STRING * 4).maxNumberLength(10).build());
        JSON.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * The helper's result, read by the unprivileged side: written by Port853's own helper, and it carries whole
     * files (the drop-in) and the resolver's own messages, so the request's 1200-character limit does not fit it.
     */
    private static final ObjectMapper RESULT_JSON = new ObjectMapper();

    static {
        // a reason's words nest one object and one array per sentence inside a sentence (a failed check's cause
        // inside a rollback's reason inside ...): 8 levels cut a real result on systemd 247; 64 still bounds the parser
        RESULT_JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(1024 * 1024).build());
    }

    private HelperDocuments() {
    }

    public static byte[] write(HelperRequest r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", HelperRequest.VERSION);
        root.put("action", r.action().name().toLowerCase(Locale.ROOT));
        if (r.action() == HelperRequest.Action.APPLY) {
            DesiredSettings s = r.settings();
            ObjectNode o = root.putObject("settings");
            ArrayNode servers = o.putArray("servers");
            s.servers().forEach(x -> servers.add(x.toResolvedSyntax()));
            o.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
            if (s.dnssec() != null) {
                o.put("dnssec", s.dnssec().resolvedValue());
            }
            o.put("routeAllDomains", s.routeAllDomains());
            ArrayNode fallback = o.putArray("fallback");
            s.fallback().forEach(x -> fallback.add(x.toResolvedSyntax()));
            root.put("linkResolverFile", r.linkResolverFile());
        }
        if (r.atBoot()) {
            root.put("atBoot", true);
        }
        return (root.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static HelperRequest parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("the request is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("the request is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the request must be a JSON object");
        }
        onlyKeys(root, TOP_KEYS, "request");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != HelperRequest.VERSION) {
            throw new InvalidInputException("the request must have \"version\": " + HelperRequest.VERSION);
        }
        String actionText = string(root, "action", true);
        HelperRequest.Action action;
        try {
            action = HelperRequest.Action.valueOf(actionText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown action '" + Printable.of(actionText) + "'");
        }
        if (action != HelperRequest.Action.APPLY) {
            if (root.has("settings") || root.has("linkResolverFile")) {
                throw new InvalidInputException("only apply takes settings");
            }
            if (root.has("atBoot") && action != HelperRequest.Action.RECOVER) {
                throw new InvalidInputException("only recover takes atBoot");
            }
            return bool(root, "atBoot") ? HelperRequest.recoverAtBoot() : HelperRequest.of(action);
        }
        JsonNode s = root.get("settings");
        if (s == null || !s.isObject()) {
            throw new InvalidInputException("apply needs a \"settings\" object");
        }
        if (root.has("atBoot")) {
            throw new InvalidInputException("only recover takes atBoot");
        }
        onlyKeys(s, SETTINGS_KEYS, "settings");
        DesiredSettings settings = new DesiredSettings(servers(s, "servers"), DotMode.parse(string(s, "mode", true)),
                DnssecMode.parseOrNull(string(s, "dnssec", false)), bool(s, "routeAllDomains"),
                servers(s, "fallback"));
        if (settings.isOff()) {
            throw new InvalidInputException(DesiredSettings.OFF_WITHOUT_SERVERS);
        }
        return HelperRequest.apply(settings, bool(root, "linkResolverFile"));
    }

    /**
     * The helper's result document: the command line's fields, plus how the window says the reason and the actions
     * ({@code reasonWords}, {@code actionWords}: each {@code {"wording": ..., "details": [...]}}, with {@code "parts": [...]}
     * (words or null per detail) when details are sentences of their own), when they have words.
     */
    public static String writeResult(ApplyResult r) {
        ObjectNode o = resultNode(r);
        if (r.reasonWords() != null) {
            o.set("reasonWords", wordsNode(r.reasonWords()));
        }
        if (!r.actionWords().isEmpty()) {
            ArrayNode a = o.putArray("actionWords");
            r.actionWords().forEach(w -> a.add(wordsNode(w)));
        }
        return o.toString();
    }

    private static ObjectNode wordsNode(Words w) {
        ObjectNode o = JSON.createObjectNode();
        o.put("wording", w.wording());
        ArrayNode d = o.putArray("details");
        w.details().forEach(d::add);
        if (!w.parts().isEmpty()) {
            ArrayNode p = o.putArray("parts");
            for (Words part : w.parts()) {
                if (part == null) {
                    p.addNull();
                } else {
                    p.add(wordsNode(part));
                }
            }
        }
        return o;
    }

    /** Words as {@link #wordsNode} writes them; null when absent or not of that shape. */
    private static Words words(JsonNode n) {
        if (!n.isObject() || !n.path("wording").isTextual() || !n.path("details").isArray()) {
            return null;
        }
        List<String> details = new ArrayList<>();
        n.path("details").forEach(x -> details.add(x.asText()));
        List<Words> parts = new ArrayList<>();
        n.path("parts").forEach(x -> parts.add(words(x)));
        return new Words(n.path("wording").asText(), details, parts.size() == details.size() ? parts : List.of());
    }

    /** The result document; the command line prints the same fields. */
    public static ObjectNode resultNode(ApplyResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("outcome", r.outcome().name());
        o.put("reason", r.reason());
        if (r.item() != null) {
            ObjectNode d = o.putObject(r.item().documentKey());
            d.put("path", r.item().path());
            d.put("content", r.item().content());
        }
        ArrayNode a = o.putArray("actions");
        r.actions().forEach(a::add);
        o.put("encryptedVerified", r.encryptedVerified());
        o.put("elapsedMillis", r.elapsed().toMillis());
        if (r.revertLeftFilesAlone()) {
            ArrayNode left = o.putArray("leftAlone"); // a revert kept these: someone else changed them since
            r.filesLeftAlone().forEach(left::add);
        }
        if (r.encryptionStaysOn() != null) {
            ObjectNode on = o.putObject("encryptionStaysOn");
            on.put("mode", r.encryptionStaysOn().mode());
            on.put("setIn", r.encryptionStaysOn().setIn());
            on.put("setBy", r.encryptionStaysOn().setBy().name());
        }
        return o;
    }

    public static ApplyResult readResult(String json) {
        try {
            JsonNode o = RESULT_JSON.readTree(json);
            List<String> actions = new ArrayList<>();
            o.path("actions").forEach(x -> actions.add(x.asText()));
            ApplyResult.Item item = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isObject() && f.getValue().has("path")) {
                    item = new ApplyResult.Item(f.getKey(), text(f.getValue().path("path")),
                            text(f.getValue().path("content")));
                }
            }
            List<Words> actionWords = new ArrayList<>();
            o.path("actionWords").forEach(x -> actionWords.add(words(x)));
            boolean wordsFit = actionWords.size() == actions.size() && !actionWords.contains(null);
            return new ApplyResult(ApplyResult.Outcome.valueOf(o.path("outcome").asText()), text(o.path("reason")),
                    item, actions,
                    o.path("encryptedVerified").asBoolean(), java.time.Duration.ofMillis(o.path("elapsedMillis").asLong()),
                    words(o.path("reasonWords")), wordsFit ? actionWords : List.of(), staysOn(o.path("encryptionStaysOn")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the privileged helper printed an unreadable result", e);
        }
    }

    private static ApplyResult.EncryptionStaysOn staysOn(JsonNode n) {
        return n.path("mode").isTextual() && n.path("setIn").isTextual()
                ? new ApplyResult.EncryptionStaysOn(n.path("mode").asText(), n.path("setIn").asText(), setBy(n)) : null;
    }

    /** Whose file keeps encryption on; a file outside Port853's name where an older helper did not say. */
    private static ApplyResult.EncryptionStaysOn.SetBy setBy(JsonNode staysOn) {
        try {
            return ApplyResult.EncryptionStaysOn.SetBy.valueOf(staysOn.path("setBy").asText());
        } catch (IllegalArgumentException e) {
            return ApplyResult.EncryptionStaysOn.SetBy.OTHER_FILE;
        }
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static void onlyKeys(JsonNode o, Set<String> allowed, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            if (!allowed.contains(k)) {
                throw new InvalidInputException("unknown key '" + Printable.of(k) + "' in " + where);
            }
        }
    }

    private static String string(JsonNode o, String key, boolean required) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) throw new InvalidInputException("\"" + key + "\" is missing");
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInputException("\"" + key + "\" must be a string");
        }
        return checked(n.textValue(), key);
    }

    private static String checked(String v, String key) {
        if (v.length() > MAX_STRING) {
            throw new InvalidInputException("\"" + key + "\" is longer than " + MAX_STRING + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException("\"" + key + "\" contains a control character");
            }
            if (c == '/' || c == '\\') {
                throw new InvalidInputException("\"" + key + "\" contains a path separator");
            }
        }
        return v;
    }

    private static boolean bool(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null) return false;
        if (!n.isBoolean()) throw new InvalidInputException("\"" + key + "\" must be true or false");
        return n.booleanValue();
    }

    private static List<ServerAddress> servers(JsonNode o, String key) {
        JsonNode n = o.get(key);
        List<ServerAddress> out = new ArrayList<>();
        if (n == null) return out;
        if (!n.isArray()) throw new InvalidInputException("\"" + key + "\" must be a list of servers");
        if (n.size() > DesiredSettings.MAX_SERVERS) {
            throw new InvalidInputException("\"" + key + "\" has more than " + DesiredSettings.MAX_SERVERS + " servers");
        }
        for (JsonNode x : n) {
            if (!x.isTextual()) throw new InvalidInputException("\"" + key + "\" must hold strings");
            out.add(ServerAddress.parse(checked(x.textValue(), key)));
        }
        return out;
    }

}
