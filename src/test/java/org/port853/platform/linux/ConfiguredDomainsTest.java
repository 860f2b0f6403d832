package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ConfiguredDomains: the global domains the files set, spelled as resolved reports them")
class ConfiguredDomainsTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("main file, then drop-ins in order: values add, an empty Domains= clears, ~. and trailing dots as "
            + "resolved spells them")
    void domainsAcrossTheFiles() throws IOException {
        LinuxPaths paths = TestRoots.withDropInDirectory(root);
        Path dir = paths.dropInDirs().get(0);
        Files.writeString(paths.mainConf(), "[Resolve]\nDomains=home.arpa\n");
        assertEquals(Set.of("home.arpa"), ConfiguredDomains.of(paths, 257));
        Files.writeString(dir.resolve(LinuxPaths.DROP_IN_NAME), DropInRenderer.HEADER + "[Resolve]\nDomains=~.\n");
        Files.writeString(dir.resolve("50-corp.conf"), "[Resolve]\nDomains=~corp.example. lan\n");
        assertEquals(Set.of("home.arpa", "~corp.example", "lan", "~."), ConfiguredDomains.of(paths, 257));
        Files.writeString(dir.resolve("zzz-clear.conf"), "[Resolve]\nDomains=\n");
        assertEquals(Set.of(), ConfiguredDomains.of(paths, 257), "a later empty assignment clears them all");
    }
}
