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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Loads the file; a missing file is an empty store, an unreadable one an error naming the file. */
    public static PinStore load(Path file) throws IOException {
        PinStore s = new PinStore(file);
        if (!Files.exists(file)) {
            return s;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("the pin file " + file + " is not valid JSON; move it away to start over", e);
        }
        for (JsonNode n : root.path("pins")) {
            PinRecord r = new PinRecord(n.path("server").asText(), n.path("pin").asText(), n.path("source").asText("tofu"),
                    n.path("issuer").asText(null), instant(n, "firstSeen"), instant(n, "lastChecked"), n.path("lastPin").asText(null));
            s.pins.put(r.server(), r);
        }
        return s;
    }

    private static Instant instant(JsonNode n, String key) {
        return n.hasNonNull(key) ? Instant.parse(n.get(key).asText()) : null;
    }

    public Path file() {
        return file;
    }

    public Optional<PinRecord> find(String server) {
        return Optional.ofNullable(pins.get(server));
    }

    public List<PinRecord> all() {
        return new ArrayList<>(pins.values());
    }

    public void put(PinRecord r) {
        pins.put(r.server(), r);
    }

    public void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
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
