package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The [Resolve] keys of the main /etc/systemd/resolved.conf (drop-ins come with the state's DropIn list). */
public final class ResolvedConfFiles {
    private ResolvedConfFiles() {
    }

    public static Map<String, String> mainFileKeys() {
        try {
            return ResolvedConf.parse(Files.readString(Path.of("/etc/systemd/resolved.conf"))).keys();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
