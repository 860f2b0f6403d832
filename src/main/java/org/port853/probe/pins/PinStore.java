package org.port853.probe.pins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.port853.core.Printable;
import org.port853.core.ServerAddress;
import org.port853.core.SpkiPin;
import org.port853.core.UnreadableFile;
import org.port853.core.XdgDirs;

/**
 * The recorded pins, one JSON file per user ({@code $XDG_STATE_HOME/port853/pins.json}), written atomically
 * (temporary file + rename) so a crash leaves the old or the new list, never half of one.
 */
public final class PinStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final Map<String, PinRecord> pins = new LinkedHashMap<>();

    private PinStore(Path file) {
        this.file = file;
    }

    /** The "version" this store writes; a file with a higher one is refused, not rewritten. */
    static final int FORMAT_VERSION = 1;

    /** This user's store: {@code $XDG_STATE_HOME/port853/pins.json}. */
    public static Path userFile() {
        return XdgDirs.state().resolve("pins.json");
    }

    /**
     * Loads the file; a missing file is an empty store. An unreadable file, or one with an entry whose server, pin,
     * source or times are malformed, is an error naming the file and the entry: the store is refused whole rather
     * than the entry skipped, since the next save would drop the skipped entry from the user's file for good; so is
     * one with two entries for the same server (in any spelling).
     */
    public static PinStore load(Path file) throws IOException {
        PinStore s = new PinStore(file);
        if (Files.notExists(file)) {
            return s;
        }
        if (Files.isDirectory(file)) {
            throw new IOException("the pin file " + file + " is a directory, not a file; move it away to start over");
        }
        byte[] bytes;
        try {
            bytes = org.port853.core.RegularFiles.read(file); // also when it cannot be told whether it exists (a folder we may not search)
        } catch (IOException e) {
            throw new IOException("the pin file " + file + " cannot be read (" + UnreadableFile.why(file, e)
                    + "); the pins recorded in it are unknown until it can be read", e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException("the pin file " + file + " is not valid JSON; move it away to start over "
                    + "(the file is left as it is)", e);
        }
        if (root == null || root.isMissingNode()) {
            return s; // an empty file, as before
        }
        JsonNode version = root.path("version");
        if (root.isObject() && version.isNumber() && !(version.canConvertToInt() && version.isIntegralNumber()
                && version.asInt() <= FORMAT_VERSION)) {
            throw new IOException("the pin file " + file + " was written by a newer Port853 (format version "
                    + version.asText() + "); use that version, or move the file away to start over "
                    + "(the file is left as it is)");
        }
        // an object without "pins" (another program's, or a hand edit with "Pins") is no empty store: the next save
        // would put an empty list in place of what it holds
        if (!root.isObject() || (root.has("pins") ? !root.get("pins").isArray() : root.size() > 0)) {
            throw new IOException("the pin file " + file + " is not a pin list (a JSON object with a \"pins\" list); "
                    + "move it away to start over (the file is left as it is)");
        }
        Map<String, String> entries = new HashMap<>(); // server -> its entry, as the file has it
        int index = 0;
        for (JsonNode n : root.path("pins")) {
            index++;
            String entry = "entry " + index + " (server '" + Printable.of(n.path("server").asText()) + "')";
            PinRecord r;
            try {
                r = record(n);
            } catch (IllegalArgumentException e) {
                throw new IOException("the pin file " + file + " has a malformed " + entry + ": " + e.getMessage()
                        + "; correct or remove that entry (the file is left as it is)", e);
            }
            String first = entries.putIfAbsent(r.server(), entry);
            PinRecord earlier = s.pins.get(r.server());
            if (first != null && !(earlier.pin().equals(r.pin()) && Objects.equals(earlier.lastPin(), r.lastPin()))) {
                // keeping either would drop the other's key at the next save
                throw new IOException("the pin file " + file + " has two entries for the server " + r.server() + ", "
                        + first + " and " + entry + ", with different keys; remove one of them (the file is left as "
                        + "it is)");
            }
            // the same keys under two spellings (earlier versions wrote IP#NAME and IP:853#NAME apart): one entry,
            // the one checked last
            if (earlier == null || lastChecked(r).isAfter(lastChecked(earlier))) {
                s.pins.put(r.server(), r);
            }
        }
        return s;
    }

    /**
     * {@code server} as the store writes it: names in lower-case ASCII, addresses in their short form, and no port
     * when it is DNS-over-TLS's own ({@code 198.18.0.2:0853#A.TEST} is {@code 198.18.0.2#a.test}), so that every
     * spelling of one server finds the same entry.
     */
    public static String canonical(String server) {
        ServerAddress a;
        try {
            a = ServerAddress.parseReported(server); // what the resolver uses too, a router's link-local server included
        } catch (RuntimeException e) {
            return server; // no server this store can hold: found nowhere
        }
        return a.withoutDotPort().toString();
    }

    private static Instant lastChecked(PinRecord r) {
        return r.lastChecked() == null ? Instant.MIN : r.lastChecked();
    }

    /** One entry, its server in canonical form ({@link #canonical}). */
    private static PinRecord record(JsonNode n) {
        String server = canonical(ServerAddress.parse(n.path("server").asText()).toString());
        String source = n.path("source").asText(Pinning.TOFU);
        if (!source.equals(Pinning.TOFU) && !source.equals(Pinning.CATALOGUE)) {
            throw new IllegalArgumentException("source '" + Printable.of(source) + "' is neither tofu nor catalogue");
        }
        return new PinRecord(server, pin(n, "pin"), source, n.path("issuer").asText(null), instant(n, "firstSeen"),
                instant(n, "lastChecked"), n.hasNonNull("lastPin") ? pin(n, "lastPin") : null);
    }

    private static String pin(JsonNode n, String key) {
        String pin = n.path(key).asText();
        if (!SpkiPin.isValid(pin)) {
            throw new IllegalArgumentException(key + " '" + Printable.of(pin) + "' is not a SHA-256 SPKI pin (base64 of 32 bytes)");
        }
        return pin;
    }

    private static Instant instant(JsonNode n, String key) {
        if (!n.hasNonNull(key)) {
            return null;
        }
        try {
            return Instant.parse(n.get(key).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " '" + Printable.of(n.get(key).asText()) + "' is not an ISO-8601 "
                    + "time with its zone, such as 2026-11-01T10:00:00Z", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The pin of {@code server}, in any spelling ({@link #canonical}). */
    public Optional<PinRecord> find(String server) {
        return Optional.ofNullable(pins.get(canonical(server)));
    }

    /** {@code servers}, then every recorded server none of them is (in any spelling): what a pin check probes. */
    public List<ServerAddress> andRecorded(List<ServerAddress> servers) {
        List<ServerAddress> out = new ArrayList<>(servers);
        java.util.Set<String> seen = new java.util.HashSet<>();
        servers.forEach(s -> seen.add(canonical(s.toString())));
        for (String recorded : pins.keySet()) {
            if (seen.add(recorded)) {
                out.add(ServerAddress.parseReported(recorded));
            }
        }
        return out;
    }

    public List<PinRecord> all() {
        return new ArrayList<>(pins.values());
    }

    /** The servers whose last check saw a key other than their pin, not yet accepted. */
    public List<String> changedServers() {
        return pins.values().stream().filter(PinRecord::changed).map(PinRecord::server).toList();
    }

    /** Records {@code r}, its server in canonical form ({@link #canonical}). */
    public void put(PinRecord r) {
        String server = canonical(r.server());
        pins.put(server, server.equals(r.server()) ? r : new PinRecord(server, r.pin(), r.source(), r.issuer(),
                r.firstSeen(), r.lastChecked(), r.lastPin()));
    }

    public void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode arr = root.putArray("pins");
        for (PinRecord r : pins.values()) {
            ObjectNode n = arr.addObject();
            n.put("server", r.server());
            n.put("pin", r.pin());
            n.put("source", r.source());
            n.put("issuer", r.issuer());
            n.put("firstSeen", r.firstSeen() == null ? null : r.firstSeen().toString());
            n.put("lastChecked", r.lastChecked() == null ? null : r.lastChecked().toString());
            n.put("lastPin", r.lastPin());
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(root));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
