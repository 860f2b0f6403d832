package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config folder the user may not search (chmod 000 on ~/.config/port853): the user's providers cannot be read, and
 * the command says so instead of listing the built-in ones as if there were none. The tests run as root, so the
 * launcher runs without the capabilities that let root past file permissions.
 */
class UnsearchableConfigTest {
    @Test
    @DisplayName("custom providers behind a folder that cannot be searched are reported, not silently left out")
    void customProvidersInAnUnsearchableFolder(@TempDir Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve("config/port853"));
        Files.writeString(folder.resolve("custom-providers.json"), "[{\"id\":\"mine\",\"displayName\":\"Mine\","
                + "\"ipv4\":[\"198.18.0.9\"],\"tlsName\":\"dot.mine.test\"}]");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            ProcessBuilder b = LauncherProcess.builder(home, "providers");
            List<String> cmd = new ArrayList<>(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
            cmd.addAll(b.command());
            Process p = b.command(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue(), "the built-in ones listed, the user's own missing: " + err);
            assertEquals("port853 providers: custom providers file " + folder.resolve("custom-providers.json")
                    + " cannot be read: permission denied. Only the built-in providers are shown until the file is "
                    + "fixed or removed.\n", err);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
