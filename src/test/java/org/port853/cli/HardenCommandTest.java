package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardenCommandTest {
    @Test
    @DisplayName("a dry run knows whether nft is there to load the rule (Debian 13 walkthrough: planned without it)")
    void nftIsLookedForWhereItWouldRun(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertFalse(HardenCommand.nftIn(List.of(bin, dir.resolve("missing"))));
        Path nft = Files.writeString(bin.resolve("nft"), "#!/bin/sh\n");
        assertFalse(HardenCommand.nftIn(List.of(bin)), "not executable: not runnable");
        nft.toFile().setExecutable(true);
        assertTrue(HardenCommand.nftIn(List.of(dir.resolve("missing"), bin)));
    }
}
