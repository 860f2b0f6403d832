package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.platform.ApplyResult;

@DisplayName("PortHardening: without nft")
class PortHardeningTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    @DisplayName("nft gone (uninstalled since): no table can be loaded, so the rule's file is removed and the revert succeeds")
    void revertWithoutNftRemovesTheFile() throws IOException {
        Path file = dir.resolve("port853-harden-dns.nft");
        Files.writeString(file, PortHardening.ruleset());
        ApplyResult r = new PortHardening(file, List.of(dir.resolve("no-such-nft").toString()),
                dir.resolve("state"), WAIT).revert();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertFalse(Files.exists(file));
        assertTrue(Files.isDirectory(dir), "a directory that was there before stays");
    }

    @Test
    @DisplayName("nothing to remove (no file, no nft): the revert changes nothing and says so")
    void revertOfNothingIsUnchanged() throws IOException {
        ApplyResult r = new PortHardening(dir.resolve("port853-harden-dns.nft"),
                List.of(dir.resolve("no-such-nft").toString()), dir.resolve("state"), WAIT).revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, r.outcome(), r.reason());
        assertEquals("there is no hardening rule to remove", r.reason());
    }

    @Test
    @DisplayName("hardening without nft (a minimal install has no nftables): refused before anything is written, naming the package")
    void applyWithoutNftIsRefusedBeforeWriting() throws IOException {
        Path file = dir.resolve("nftables.d").resolve("port853-harden-dns.nft");
        ApplyResult r = new PortHardening(file, List.of(dir.resolve("no-such-nft").toString()),
                dir.resolve("state"), WAIT).apply();
        assertEquals(ApplyResult.Outcome.REFUSED, r.outcome(), r.reason());
        assertTrue(r.reason().contains("install the package nftables"), r.reason());
        assertTrue(r.actions().isEmpty(), "nothing written, nothing rolled back: " + r.actions());
        assertFalse(Files.exists(file.getParent()));
    }
}
