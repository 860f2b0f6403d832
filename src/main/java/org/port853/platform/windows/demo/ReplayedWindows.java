package org.port853.platform.windows.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.port853.platform.windows.Command;
import org.port853.platform.windows.CommandRunner;
import org.port853.platform.windows.PowerShell;
import org.port853.platform.windows.WindowsRegistry;

/**
 * A Windows machine replayed from recorded outputs (bundled resources): each read command answers with its file,
 * the registry with {@code registry.json}. Any other command (a write) fails, so nothing pretends to change.
 */
final class ReplayedWindows implements CommandRunner, WindowsRegistry {
    private static final Map<String, String> FILES = Map.of(
            PowerShell.READ_ADAPTERS, "get-netadapter.json",
            PowerShell.READ_SERVERS, "get-dnsclientserveraddress.json",
            PowerShell.READ_DOH, "get-dnsclientdohserveraddress.json",
            PowerShell.READ_NRPT, "get-dnsclientnrptrule.json",
            PowerShell.NETSH_GLOBAL, "netsh-show-global.txt",
            PowerShell.NETSH_ENCRYPTION, "netsh-show-encryption.txt");
    private final String base;
    private final Map<String, Map<String, String>> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** @param base resource folder, e.g. {@code /org/port853/demo/windows/} */
    ReplayedWindows(String base) {
        this.base = base;
        try {
            new ObjectMapper().readTree(text("registry.json")).fields().forEachRemaining(k -> {
                Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                k.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
                registry.put(k.getKey(), values);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Output run(Command command) throws IOException {
        String file = FILES.get(PowerShell.scriptOf(command));
        if (file == null) {
            return new Output(1, "", "demo: this command is not replayed: " + PowerShell.describe(command));
        }
        return new Output(0, text(file), "");
    }

    @Override
    public boolean keyExists(String key) {
        return registry.containsKey(key);
    }

    @Override
    public Optional<String> value(String key, String name) {
        return Optional.ofNullable(registry.getOrDefault(key, Map.of()).get(name));
    }

    private String text(String file) throws IOException {
        try (InputStream in = ReplayedWindows.class.getResourceAsStream(base + file)) {
            if (in == null) {
                throw new IOException("demo data missing: " + base + file);
            }
            return CommandRunner.withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
