package org.port853.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps providers to and from the catalogue's JSON shape and applies the validation rules shared by the bundled
 * catalogue and user-defined providers. Every refusal is an {@link InvalidInputException} naming the field.
 */
public final class ProviderJson {
    /** Ids are short, lower case, and safe in file names, command lines and JSON keys. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final int MAX_ADDRESSES = 8;
    public static final int MAX_TEXT = 80;
    /** Refuse catalogue or custom files larger than this before parsing them. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final String USER_DEFINED = "user-defined";

    static final Set<String> FIELDS = Set.of("id", "displayName", "ipv4", "ipv6", "tlsName", "dohTemplate",
            "filtering", "operator", "jurisdiction", "sourceUrl", "custom", "spkiPins", "otherTlsNames");
    /** For writing only; made on first use (reading needs no object mapper: {@link JsonTrees}). */
    private static final class Writer {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ProviderJson() {
    }

    public static ObjectMapper mapper() {
        return Writer.MAPPER.copy();
    }

    /**
     * Reads a JSON array of providers, or an object with a {@code providers} array. Entries are validated one by
     * one; ids must be unique within the document.
     *
     * @param custom true for user-defined providers (lenient about optional fields and unknown keys)
     */
    public static List<Provider> readList(InputStream in, boolean custom) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException("the provider list could not be read: " + e.getMessage())
                    .says("list.unreadable", e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("the provider list is larger than " + (MAX_FILE_BYTES >> 10) + " KiB")
                    .says("list.too-large", MAX_FILE_BYTES >> 10);
        }
        int malformed = Utf8Bytes.firstMalformed(bytes);
        if (malformed >= 0) {
            String b = String.format(Locale.ROOT, "0x%02X", bytes[malformed] & 0xff);
            int line = Utf8Bytes.lineOf(bytes, malformed);
            throw new InvalidInputException("byte " + b + " on line " + line + " is not UTF-8; save the file as UTF-8")
                    .says("list.not-utf8", b, line);
        }
        JsonNode root;
        try {
            root = JsonTrees.read(bytes);
        } catch (JsonTrees.DuplicateKey e) {
            throw keyTwice(e);
        } catch (StreamConstraintsException e) {
            // the parser's limits (nesting depth, length of a number or name) say no position
            throw new InvalidInputException("the provider list is not valid JSON: it nests too deeply or holds too "
                    + "long a number or name to be a provider list").says("list.beyond-limits");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the provider list is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")
                    .says("list.not-json", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new InvalidInputException("the provider list could not be read: " + e.getMessage())
                    .says("list.unreadable", e.getMessage());
        }
        if ((root == null || root.isMissingNode()) && custom) {
            return List.of(); // an empty file (touched, or emptied by hand) holds nothing to keep, as the pin store reads it
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("the provider list is empty").says("list.empty");
        }
        JsonNode version = root.path("version");
        if (custom && root.isObject() && version.isNumber() && !(version.isIntegralNumber() && version.canConvertToInt()
                && version.asInt() <= CustomProviders.FORMAT_VERSION)) {
            // a newer Port853's file may hold fields this one drops: reading it would let the next save lose them
            throw new InvalidInputException("it was written by a newer Port853 (format version " + version.asText()
                    + "); use that version, or move the file away (it is left as it is)")
                    .says("list.newer", version.asText());
        }
        JsonNode list = root.isObject() ? root.get("providers") : root;
        if (list == null || !list.isArray()) {
            throw new InvalidInputException("the provider list must be a JSON array or an object with a \"providers\" array")
                    .says("list.shape");
        }
        List<Provider> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Provider p = fromJson(list.get(i), i + 1, custom);
            if (!ids.add(p.id())) {
                throw new InvalidInputException(entry(i + 1, p.id()) + ": field id: '" + p.id() + "' is used twice")
                        .says("list.id-twice", i + 1, p.id());
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** A key twice in one object, said with the entry it is in (the document is an array or holds one as "providers"). */
    private static InvalidInputException keyTwice(JsonTrees.DuplicateKey e) {
        List<Object> path = e.path();
        int first = !path.isEmpty() && "providers".equals(path.get(0)) ? 1 : 0;
        String key = Printable.of(e.key());
        int line = e.getLocation().getLineNr();
        if (path.size() > first && path.get(first) instanceof Integer index) {
            return new InvalidInputException("the key \"" + key + "\" appears twice in entry " + (index + 1) + " (line "
                    + line + "); delete one of them").says("list.entry-key-twice", key, index + 1, line);
        }
        return new InvalidInputException("the key \"" + key + "\" appears twice (line " + line + "); delete one of them")
                .says("list.key-twice", key, line);
    }

    /** Parses and validates one entry; {@code position} is 1-based and only used in messages. */
    public static Provider fromJson(JsonNode node, int position, boolean custom) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(entry(position, null) + " is not a JSON object")
                    .says("list.not-object", position);
        }
        String rawId = node.hasNonNull("id") && node.get("id").isTextual() ? node.get("id").asText() : null;
        String where = entry(position, rawId);
        try {
            if (!custom) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!FIELDS.contains(name)) {
                        throw new InvalidInputException("unknown field '" + Printable.of(name) + "'")
                                .says("list.unknown-field", Printable.of(name));
                    }
                }
            }
            Provider p = build(
                    text(node, "id", true),
                    text(node, "displayName", true),
                    list(node, "ipv4"),
                    list(node, "ipv6"),
                    text(node, "tlsName", true),
                    text(node, "dohTemplate", !custom),
                    text(node, "filtering", !custom),
                    text(node, "operator", !custom),
                    text(node, "jurisdiction", !custom),
                    text(node, "sourceUrl", !custom),
                    custom);
            List<String> pins = field("spkiPins", () -> spkiPins(list(node, "spkiPins")));
            List<String> otherNames = field("otherTlsNames", () -> otherTlsNames(list(node, "otherTlsNames"),
                    p.tlsName()));
            return pins.isEmpty() && otherNames.isEmpty() ? p : new Provider(p.id(), p.displayName(), p.ipv4(),
                    p.ipv6(), p.tlsName(), p.dohTemplate(), p.filtering(), p.operator(), p.jurisdiction(), p.sourceUrl(),
                    p.custom(), pins, otherNames);
        } catch (FieldException e) {
            throw new InvalidInputException(where + ": field " + e.field + ": " + e.getMessage(), e)
                    .says(rawId == null ? "list.field" : "list.named-field", position, e.field,
                            rawId == null ? "" : Printable.of(rawId));
        }
    }

    /** Serialises a provider in the catalogue's shape (with {@code custom}). */
    public static ObjectNode toJson(Provider p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", p.id());
        o.put("displayName", p.displayName());
        ArrayNode v4 = o.putArray("ipv4");
        p.ipv4().forEach(v4::add);
        ArrayNode v6 = o.putArray("ipv6");
        p.ipv6().forEach(v6::add);
        o.put("tlsName", p.tlsName());
        o.put("dohTemplate", p.dohTemplate());
        o.put("filtering", p.filtering() == null ? null : p.filtering().name().toLowerCase(Locale.ROOT));
        o.put("operator", p.operator());
        o.put("jurisdiction", p.jurisdiction());
        o.put("sourceUrl", p.sourceUrl());
        o.put("custom", p.custom());
        ArrayNode pins = o.putArray("spkiPins");
        p.spkiPins().forEach(pins::add);
        if (!p.otherTlsNames().isEmpty()) { // a file without it stays readable by an older Port853's catalogue check
            ArrayNode names = o.putArray("otherTlsNames");
            p.otherTlsNames().forEach(names::add);
        }
        return o;
    }

    /**
     * Validates every field and returns the provider in canonical form (addresses in RFC 5952 text, lower-case
     * TLS name). Optional fields of a custom provider get their defaults.
     */
    static Provider build(String id, String displayName, List<String> ipv4, List<String> ipv6, String tlsName,
                          String dohTemplate, String filtering, String operator, String jurisdiction,
                          String sourceUrl, boolean custom) {
        String cleanId = field("id", () -> requireId(id));
        String name = field("displayName", () -> requireText(displayName, "display name"));
        List<String> v4 = field("ipv4", () -> addresses(ipv4, true));
        List<String> v6 = field("ipv6", () -> addresses(ipv6, false));
        if (v4.isEmpty() && v6.isEmpty()) {
            throw new FieldException("ipv4", "a provider needs at least one IPv4 or IPv6 address")
                    .says("addresses.none");
        }
        if (v4.size() + v6.size() > MAX_ADDRESSES) {
            throw new FieldException("ipv4", "a provider has at most " + MAX_ADDRESSES + " addresses, not "
                    + (v4.size() + v6.size())).says("addresses.too-many", MAX_ADDRESSES, v4.size() + v6.size());
        }
        Set<String> seen = new HashSet<>();
        for (String a : concat(v4, v6)) {
            if (!seen.add(a)) {
                throw new FieldException(v4.contains(a) ? "ipv4" : "ipv6", "address " + a + " is listed twice")
                        .says("address.twice", a);
            }
        }
        String tls = field("tlsName", () -> DnsNames.requireTlsName(tlsName));
        String doh = field("dohTemplate", () -> dohTemplate == null || dohTemplate.isEmpty() ? null
                : requireHttpsUrl(dohTemplate, "DoH template", true));
        Filtering f = field("filtering", () -> filtering == null || filtering.isEmpty() ? Filtering.NONE
                : parseFiltering(filtering));
        String op = field("operator", () -> operator == null || operator.isEmpty() ? USER_DEFINED
                : requireText(operator, "operator"));
        String jur = field("jurisdiction", () -> jurisdiction == null || jurisdiction.isEmpty() ? USER_DEFINED
                : requireText(jurisdiction, "jurisdiction"));
        String src = field("sourceUrl", () -> sourceUrl == null || sourceUrl.isEmpty() ? null
                : requireHttpsUrl(sourceUrl, "source URL", false));
        Provider p = new Provider(cleanId, name, v4, v6, tls, doh, f, op, jur, src, custom);
        field("tlsName", p::servers); // the same checks systemd-resolved syntax needs
        return p;
    }

    /** Each a TLS name as {@code tlsName} must be (look-alikes refused), in canonical form, none twice nor the primary. */
    static List<String> otherTlsNames(List<String> names, String primary) {
        List<String> out = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            String name = DnsNames.requireTlsName(n);
            if (name.equals(primary) || out.contains(name)) {
                throw new InvalidInputException("TLS name " + name + " is listed twice").says("tls-name.twice", name);
            }
            out.add(name);
        }
        return out;
    }

    public static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException("id is empty").says("id.empty");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("id '" + Printable.of(id) + "' must be 1 to 40 lower-case letters, "
                    + "digits or hyphens, starting with a letter or digit").says("id.invalid", Printable.of(id));
        }
        return id;
    }

    /** Free text shown to people: not blank, at most {@link #MAX_TEXT} characters, no control or format characters. */
    public static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + " is empty").says("text.empty").about(what);
        }
        String t = text.strip();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                throw new InvalidInputException(what + " '" + Printable.of(t)
                        + "' contains a line break, control or invisible formatting character")
                        .says("text.characters", Printable.of(t)).about(what);
            }
            i += Character.charCount(cp);
        }
        if (t.codePointCount(0, t.length()) > MAX_TEXT) {
            throw new InvalidInputException(what + " is longer than " + MAX_TEXT + " characters")
                    .says("text.length", MAX_TEXT).about(what);
        }
        return t;
    }

    static String requireHttpsUrl(String url, String what, boolean template) {
        String shown = Printable.of(url);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidInputException(what + " '" + shown + "' contains a space, control or non-ASCII character")
                        .says("url.characters", shown).about(what);
            }
        }
        String parseable = template && url.endsWith("{?dns}") ? url.substring(0, url.length() - 6) : url;
        URI uri;
        try {
            uri = new URI(parseable);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(what + " '" + shown + "' is not a valid URL")
                    .says("url.invalid", shown).about(what);
        }
        if (!"https".equals(uri.getScheme())) {
            throw new InvalidInputException(what + " '" + shown + "' must start with https://")
                    .says("url.not-https", shown).about(what);
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new InvalidInputException(what + " '" + shown + "' must be https://HOST/PATH without user or fragment")
                    .says("url.shape", shown).about(what);
        }
        if (!DnsNames.isHostName(uri.getHost())) {
            throw new InvalidInputException(what + " '" + shown + "' must name its server by host name")
                    .says("url.host-name", shown).about(what);
        }
        return url;
    }

    static Filtering parseFiltering(String text) {
        for (Filtering f : Filtering.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
                return f;
            }
        }
        throw new InvalidInputException("filtering '" + Printable.of(text) + "' must be one of none, malware, ads, family")
                .says("filtering.unknown", Printable.of(text));
    }

    /** Published pins: base64 of a SHA-256 digest (44 characters), each once. */
    static List<String> spkiPins(List<String> pins) {
        List<String> out = new ArrayList<>();
        for (String pin : pins) {
            if (!SpkiPin.isValid(pin)) {
                throw new InvalidInputException("'" + Printable.of(pin) + "' is not a SHA-256 SPKI pin (base64 of 32 bytes)")
                        .says("pin.invalid", Printable.of(pin));
            }
            if (out.contains(pin)) {
                throw new InvalidInputException("pin " + pin + " is listed twice").says("pin.twice", pin);
            }
            out.add(pin);
        }
        return out;
    }

    private static List<String> addresses(List<String> texts, boolean v4) {
        List<String> out = new ArrayList<>();
        if (texts == null) {
            return out;
        }
        for (String t : texts) {
            InetAddress a = requireServerAddress(t);
            if ((a instanceof Inet4Address) != v4) {
                throw new InvalidInputException("'" + t + "' is an " + (v4 ? "IPv6" : "IPv4") + " address, listed as "
                        + (v4 ? "IPv4" : "IPv6")).says(v4 ? "address.listed-as-ipv4" : "address.listed-as-ipv6", t);
            }
            out.add(IpAddresses.format(a));
        }
        return out;
    }

    /** An address literal usable as a global DNS server, checked as the command line checks {@code --server}. */
    static InetAddress requireServerAddress(String text) {
        return IpAddresses.parseGlobalServer(text);
    }

    private static String text(JsonNode node, String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new FieldException(name, "is missing").says("field.missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new FieldException(name, "must be a string").says("field.not-string");
        }
        return v.asText();
    }

    private static List<String> list(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new FieldException(name, "must be an array of strings").says("field.not-list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new FieldException(name, "must be an array of strings").says("field.not-list");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String entry(int position, String id) {
        return "entry " + position + (id == null ? "" : " (\"" + Printable.of(id) + "\")");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> T field(String name, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (FieldException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw new FieldException(name, e);
        }
    }

    /** A refusal that still knows which JSON field it is about. */
    static final class FieldException extends InvalidInputException {
        private static final long serialVersionUID = 1L;
        final String field;

        FieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** {@code e} about this field, said as {@code e} says it. */
        FieldException(String field, InvalidInputException e) {
            super(e.getMessage());
            this.field = field;
            saysAs(e);
        }
    }
}
