package org.port853.platform.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.core.Sentence;
import org.port853.core.IpAddresses;

/**
 * The Windows items the change engine may touch, their keys and their canonical JSON content (sorted keys, no
 * spaces), so that a snapshot read after a restore equals the one recorded before the change.
 */
public final class WindowsItems {
    public static final String NRPT = "win:nrpt:port853";
    public static final String GLOBAL_DOT = "win:global:dot";
    private static final Pattern SERVER = Pattern.compile("^win:(doh|dot):([0-9a-f.:]+)$");
    private static final Pattern ADAPTER = Pattern.compile(
            "^win:adapter:(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}):(ipv4|ipv6)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed key. {@code kind}: doh, dot, nrpt, adapter, global. */
    public record Key(String kind, String server, String guid, boolean ipv6) {
    }

    private WindowsItems() {
    }

    public static String doh(String server) {
        return "win:doh:" + server.toLowerCase(Locale.ROOT);
    }

    public static String dot(String server) {
        return "win:dot:" + server.toLowerCase(Locale.ROOT);
    }

    public static String adapter(String guid, boolean ipv6) {
        return "win:adapter:" + guid.toLowerCase(Locale.ROOT) + ":" + (ipv6 ? "ipv6" : "ipv4");
    }

    /** Parses an allowed key; null for anything else (the engine refuses it). */
    public static Key parse(String key) {
        if (key == null) {
            return null;
        }
        if (key.equals(NRPT)) {
            return new Key("nrpt", null, null, false);
        }
        if (key.equals(GLOBAL_DOT)) {
            return new Key("global", null, null, false);
        }
        Matcher s = SERVER.matcher(key);
        if (s.matches() && IpAddresses.isAddress(s.group(2))
                && IpAddresses.format(IpAddresses.parse(s.group(2))).equals(s.group(2))) {
            return new Key(s.group(1), s.group(2), null, false);
        }
        Matcher a = ADAPTER.matcher(key);
        if (a.matches() && a.group(1).equals(a.group(1).toLowerCase(Locale.ROOT))) {
            return new Key("adapter", null, a.group(1), a.group(2).equals("ipv6"));
        }
        return null;
    }

    /** The item as it is in {@code d}. */
    public static ItemSnapshot snapshot(WindowsDetails d, String key) {
        Key k = parse(key);
        if (k == null) {
            throw new IllegalArgumentException(key + " is not a Windows item Port853 may change");
        }
        switch (k.kind()) {
            case "doh":
            case "dot": {
                EncryptionEntry.Protocol p = k.kind().equals("doh") ? EncryptionEntry.Protocol.DOH
                        : EncryptionEntry.Protocol.DOT;
                return d.entry(k.server(), p).map(e -> of(key, entry(e))).orElse(absent(key));
            }
            case "nrpt":
                return d.port853Rule().map(r -> of(key, nrpt(r.namespaces(), r.nameServers(), r.comment())))
                        .orElse(absent(key));
            case "global":
                return of(key, canonical(Map.of("dot", d.dotEnabled().json())));
            default:
                return d.adapter(k.guid()).map(a -> adapter(a, k.ipv6(), a.servers(k.ipv6()))).orElse(absent(key));
        }
    }

    /**
     * An adapter's servers of one family, with its friendly name (never compared, {@link ItemSnapshots#LABEL}): what a
     * revert says of an adapter that is gone by then.
     */
    static ItemSnapshot adapter(AdapterDns a, boolean ipv6, AdapterDns.Servers s) {
        return new ItemSnapshot(adapter(a.guid(), ipv6), true, servers(s), Map.of(ItemSnapshots.LABEL, a.alias()));
    }

    /** The item as messages name it: by what a user sees of it, never by its key. */
    static String shownAs(ItemSnapshot s) {
        Key k = parse(s.key());
        if (k == null) {
            return null;
        }
        switch (k.kind()) {
            case "doh":
                return "DoH " + k.server();
            case "dot":
                return "DoT " + k.server();
            case "nrpt":
                return "NRPT \".\"";
            case "global":
                return "DoT (global)";
            default:
                return adapterName(s) + (k.ipv6() ? " (IPv6)" : " (IPv4)");
        }
    }

    /** The adapter's friendly name as recorded; its GUID where none was (a journal of an earlier Port853). */
    static String adapterName(ItemSnapshot s) {
        String label = ItemSnapshots.attributes(s).get(ItemSnapshots.LABEL);
        return label != null ? label : parse(s.key()).guid();
    }

    /**
     * An adapter whose servers {@code wanted} holds and that is gone now (absent: an adapter's servers exist while it
     * does): nothing of it is left to restore.
     */
    static Optional<Sentence> gone(ItemSnapshot now, ItemSnapshot wanted) {
        Key k = parse(wanted.key());
        if (k == null || !k.kind().equals("adapter") || now.present() || !wanted.present()) {
            return Optional.empty();
        }
        String name = adapterName(wanted);
        return Optional.of(Sentence.of("adapter " + name + " is gone; nothing to restore there", "result.adapter-gone",
                name));
    }

    /** The yes/no values of the item as it is in {@code d} that netsh shows in words Port853 does not know. */
    static List<UnrecognisedWord> unrecognisedWords(WindowsDetails d, String key) {
        Key k = parse(key);
        if (k != null && k.kind().equals("dot")) {
            return d.entry(k.server(), EncryptionEntry.Protocol.DOT).map(EncryptionEntry::unrecognised).orElse(List.of());
        }
        return k != null && k.kind().equals("global") ? d.dotSwitchUnrecognised().stream().toList() : List.of();
    }

    static String entry(EncryptionEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("server", e.server());
        m.put("autoUpgrade", e.autoUpgrade().json());
        m.put("udpFallback", e.udpFallback().json());
        if (e.protocol() == EncryptionEntry.Protocol.DOH) {
            m.put("template", e.template());
        } else {
            m.put("host", e.dotHost());
        }
        return canonical(m);
    }

    static String nrpt(List<String> namespaces, List<String> servers, String comment) {
        return canonical(Map.of("namespace", namespaces, "nameServers", servers, "comment", comment));
    }

    static String servers(AdapterDns.Servers s) {
        return canonical(Map.of("source", s.source().name().toLowerCase(Locale.ROOT), "servers", s.addresses()));
    }

    public static ItemSnapshot of(String key, String content) {
        return new ItemSnapshot(key, true, content, Map.of());
    }

    public static ItemSnapshot absent(String key) {
        return new ItemSnapshot(key, false, null, Map.of());
    }

    static String canonical(Map<String, ?> m) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} in the canonical form of item contents. */
    static String canonical(JsonNode n) {
        return canonical(JSON.convertValue(n, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
        }));
    }

    /**
     * The items of {@code d} that netsh shows, the DoT switch (where this build has one) and the DoT entries: their
     * yes/no words are in one language.
     */
    static List<ItemSnapshot> netshItems(WindowsDetails d) {
        List<ItemSnapshot> out = new java.util.ArrayList<>();
        if (d.dotAvailable()) {
            out.add(snapshot(d, GLOBAL_DOT));
        }
        d.encryption().stream().filter(e -> e.protocol() == EncryptionEntry.Protocol.DOT)
                .forEach(e -> out.add(snapshot(d, dot(e.server()))));
        return out;
    }

    static JsonNode content(ItemSnapshot s) throws IOException {
        return JSON.readTree(s.content());
    }
}
