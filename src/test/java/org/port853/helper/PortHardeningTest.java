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

    /** nft as a script over a file: -f loads (copies) the table, list shows it, delete drops it. */
    private java.util.List<String> fakeNft() throws IOException {
        Path d = Files.createDirectories(dir.resolve("nft"));
        Path nft = d.resolve("nft");
        Files.writeString(nft, "#!/bin/sh\nd=" + d + "\ncase \"$1\" in\n-f) cp \"$2\" $d/table; exit 0;;\n"
                + "list) cat $d/table 2>/dev/null && exit 0;;\ndelete) rm $d/table 2>/dev/null && exit 0;;\n"
                + "esac\nexit 1\n");
        assertTrue(nft.toFile().setExecutable(true));
        return List.of(nft.toString());
    }

    @Test
    @DisplayName("a rule the boot configuration does not load says it lasts until the next reboot and how to keep it "
            + "(Debian's nftables.conf includes nothing); one it includes, by glob or by name, says only that it is done")
    void hardeningSaysWhetherItOutlivesAReboot() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve("nftables.d").resolve("port853-harden-dns.nft");
        Files.writeString(etc.resolve("nftables.conf"), "#!/usr/sbin/nft -f\n\nflush ruleset\n\ntable inet filter {\n}\n");
        PortHardening h = new PortHardening(file, fakeNft(), dir.resolve("state"), WAIT);
        ApplyResult r = h.apply();
        assertEquals(ApplyResult.Outcome.APPLIED, r.outcome(), r.reason());
        assertEquals("inbound DNS is dropped on non-loopback interfaces, until the next reboot: " + etc.resolve(
                "nftables.conf") + " does not include " + file + " (add the line include \"" + file.getParent()
                + "/*.nft\" to it to keep the rule)", r.reason());
        assertTrue(h.apply().reason().startsWith("the hardening rule is in place already: inbound DNS is dropped on "
                + "non-loopback interfaces, until the next reboot"), "said again when nothing changed");

        Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\ninclude \"" + file + "\"\n");
        assertEquals("the hardening rule is in place already: inbound DNS is dropped on non-loopback interfaces, until "
                + "the next reboot: nftables.service, which loads " + etc.resolve("nftables.conf") + " at boot, is not "
                + "enabled (sudo systemctl enable nftables)", h.apply().reason(), "Debian leaves the service off");
        Path wants = Files.createDirectories(etc.resolve("systemd/system/sysinit.target.wants"));
        Files.createSymbolicLink(wants.resolve("nftables.service"), Path.of("/lib/systemd/system/nftables.service"));
        for (String include : List.of(file.getParent() + "/*.nft", file.toString())) {
            Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\n  include \"" + include + "\"\n");
            assertEquals("the hardening rule is in place already: inbound DNS is dropped on non-loopback interfaces",
                    h.apply().reason(), include);
        }
        Path redHat = Files.createDirectories(etc.resolve("sysconfig")).resolve("nftables.conf");
        Files.writeString(redHat, "# include \"/etc/nftables/main.nft\"\n");
        assertTrue(h.apply().reason().endsWith(redHat + " does not include " + file + " (add the line include \""
                + file.getParent() + "/*.nft\" to it to keep the rule)"), "Fedora's unit loads the sysconfig file");
        Files.writeString(etc.resolve("nftables.conf"), "# include \"" + file + "\"\n");
        assertTrue(h.apply().reason().contains("until the next reboot"), "a commented include loads nothing");
    }
}
