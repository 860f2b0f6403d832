package org.port853.ui.prefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/**
 * Keeps the servers the system used while encryption was last on, one per line in resolved's syntax, in
 * {@code last-encrypted-servers} under the config directory: turning encryption on again after a restart proposes
 * them, not the recommended providers.
 */
public final class LastServersStore {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LastServersStore.class.getName());

    private final Path file;

    public LastServersStore(Path configDir) {
        this.file = configDir.resolve("last-encrypted-servers");
    }

    /** The servers in order; a line that names no server is left out; none when the file is missing or unreadable. */
    public List<ServerAddress> load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            // only a proposal is lost: the recommended providers are proposed instead
            LOG.log(java.util.logging.Level.INFO, "the last encrypted servers could not be read from " + file, e);
            return List.of();
        }
        List<ServerAddress> out = new ArrayList<>();
        for (String line : lines) {
            try {
                ServerAddress s = ServerAddress.parseReported(line.strip());
                if (!out.contains(s)) {
                    out.add(s);
                }
            } catch (InvalidInputException notAServer) {
                // a hand edit: the other lines stay good
            }
        }
        return out;
    }

    public void save(List<ServerAddress> servers) throws IOException {
        PreferencesStore.replace(file, w -> {
            for (ServerAddress s : servers) {
                if (s.nonHostName() != null) {
                    continue; // written bare it would come back nameless, maybe matched to a provider by its address
                }
                w.write(s.toResolvedSyntax());
                w.write('\n');
            }
        });
    }
}
