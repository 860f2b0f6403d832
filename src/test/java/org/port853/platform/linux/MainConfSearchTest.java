package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState;

@DisplayName("the main resolved.conf as resolved finds it: from 253 on the first of /etc, /run, /usr/local/lib, /usr/lib")
class MainConfSearchTest {
    @TempDir
    Path root;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    @DisplayName("a main file in /run only: 257 reads it (distro walkthrough: status blind to it, revert named the "
            + "absent /etc file), 252 does not; /etc wins where both exist")
    void theFirstFoundWinsFrom253() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Path run = root.resolve("run/systemd/resolved.conf");
        Path usrLib = root.resolve("usr/lib/systemd/resolved.conf");
        assertEquals(paths.mainConf(), paths.mainConf(257), "none exists: the admin's place");
        write(usrLib, "[Resolve]\nDNSOverTLS=yes\n");
        write(run, "[Resolve]\nDNS=198.18.124.4\nDNSOverTLS=opportunistic\n");
        assertEquals(run, paths.mainConf(257));
        assertEquals(paths.mainConf(), paths.mainConf(252), "252 reads /etc only");
        assertEquals(Map.of("DNS", "198.18.124.4", "DNSOverTLS", "opportunistic"),
                ResolvedConfFiles.mainFileKeys(paths, 257));
        assertEquals(Map.of(), ResolvedConfFiles.mainFileKeys(paths, 252));

        LinuxDetails d = new LinuxDetails(257, new ResolvConfState(ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), List.of(), null, true, "opportunistic", false, null,
                null, paths.mainConf(257).toString(), null, false);
        assertEquals(run.toString(), d.encryptionAfterRevert().file(), "revert names the file that stays in effect");
        assertEquals(run.toString(), d.encryptionSetOutside());

        write(paths.mainConf(), "[Resolve]\n");
        assertEquals(paths.mainConf(), paths.mainConf(257), "/etc first");
    }
}
