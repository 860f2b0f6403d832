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
    /** No systemctl to ask: the unit folders under the test's root are read. */
    static final Path NO_SYSTEMCTL = Path.of("/nonexistent/systemctl");

    @TempDir
    Path dir;

    @Test
    @DisplayName("nft gone (uninstalled since): no table can be loaded, so the rule's file is removed and the revert succeeds")
    void revertWithoutNftRemovesTheFile() throws IOException {
        Path file = dir.resolve("port853-harden-dns.nft");
        Files.writeString(file, PortHardening.ruleset());
        ApplyResult r = new PortHardening(file, List.of(dir.resolve("no-such-nft").toString()),
                dir.resolve("state"), WAIT, NO_SYSTEMCTL).revert();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertFalse(Files.exists(file));
        assertTrue(Files.isDirectory(dir), "a directory that was there before stays");
    }

    @Test
    @DisplayName("nothing to remove (no file, no nft): the revert changes nothing and says so")
    void revertOfNothingIsUnchanged() throws IOException {
        ApplyResult r = new PortHardening(dir.resolve("port853-harden-dns.nft"),
                List.of(dir.resolve("no-such-nft").toString()), dir.resolve("state"), WAIT, NO_SYSTEMCTL).revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, r.outcome(), r.reason());
        assertEquals("there is no hardening rule to remove", r.reason());
    }

    @Test
    @DisplayName("hardening without nft (a minimal install has no nftables): refused before anything is written, naming the package")
    void applyWithoutNftIsRefusedBeforeWriting() throws IOException {
        Path file = dir.resolve("nftables.d").resolve("port853-harden-dns.nft");
        ApplyResult r = new PortHardening(file, List.of(dir.resolve("no-such-nft").toString()),
                dir.resolve("state"), WAIT, NO_SYSTEMCTL).apply();
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
        PortHardening h = new PortHardening(file, fakeNft(), dir.resolve("state"), WAIT, NO_SYSTEMCTL);
        ApplyResult r = h.apply();
        assertEquals(ApplyResult.Outcome.APPLIED, r.outcome(), r.reason());
        assertEquals("inbound DNS is dropped on non-loopback interfaces, until the next reboot: " + etc.resolve(
                "nftables.conf") + " does not include " + file + ", and nftables.service, which loads it at boot, is not "
                + "enabled; to keep the rule, add the line include \"" + file.getParent() + "/*.nft\" to "
                + etc.resolve("nftables.conf") + " and run sudo systemctl enable nftables", r.reason(),
                "stock Debian 12: both steps at once, not the second only after the first is done");
        assertTrue(h.apply().reason().startsWith("the hardening rule is in place already: inbound DNS is dropped on "
                + "non-loopback interfaces, until the next reboot"), "said again when nothing changed");

        Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\ninclude \"" + file + "\"\n");
        assertEquals("the hardening rule is in place already: inbound DNS is dropped on non-loopback interfaces, until "
                + "the next reboot: nftables.service, which loads " + etc.resolve("nftables.conf") + " at boot, is not "
                + "enabled (sudo systemctl enable nftables)", h.apply().reason(), "Debian leaves the service off");
        Path wants = Files.createDirectories(etc.resolve("systemd/system/sysinit.target.wants"));
        Files.createSymbolicLink(wants.resolve("nftables.service"), Path.of("/lib/systemd/system/nftables.service"));
        Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\n");
        assertEquals("the hardening rule is in place already: inbound DNS is dropped on non-loopback interfaces, until "
                + "the next reboot: " + etc.resolve("nftables.conf") + " does not include " + file + " (add the line "
                + "include \"" + file.getParent() + "/*.nft\" to it to keep the rule)", h.apply().reason(),
                "the service on: only the include is missing");
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

    /** systemctl that answers {@code is-enabled nftables.service} with {@code state} (exit 0 only for enabled, as systemd). */
    private Path fakeSystemctl(String state) throws IOException {
        Path systemctl = Files.createDirectories(dir.resolve("bin")).resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\n[ \"$1 $2\" = \"is-enabled nftables.service\" ] || exit 2\n"
                + "echo " + state + "\n[ " + state + " = enabled ]\n");
        assertTrue(systemctl.toFile().setExecutable(true));
        return systemctl;
    }

    private Path debianEtc(String nftablesConf) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("nftables.conf"), nftablesConf);
        return etc;
    }

    private PortHardening hardening(Path etc, Path systemctl) throws IOException {
        return new PortHardening(etc.resolve("nftables.d/port853-harden-dns.nft"), fakeNft(), dir.resolve("state"), WAIT,
                systemctl);
    }

    @Test
    @DisplayName("systemd's own answer counts: a service the distribution enables (a link outside /etc/systemd/system) is "
            + "on; disabled, enabled only until reboot (/run) or masked is said with the command that turns it on")
    void theServiceStateIsWhatSystemctlSays() throws IOException {
        Path etc = debianEtc("flush ruleset\ninclude \"" + dir.resolve("etc/nftables.d") + "/*.nft\"\n");
        assertEquals("inbound DNS is dropped on non-loopback interfaces", hardening(etc, fakeSystemctl("enabled"))
                .apply().reason(), "no link in /etc/systemd/system, but systemd says enabled");
        for (String off : List.of("disabled", "enabled-runtime")) {
            assertTrue(hardening(etc, fakeSystemctl(off)).apply().reason().endsWith(", until the next reboot: "
                    + "nftables.service, which loads " + etc.resolve("nftables.conf") + " at boot, is not enabled "
                    + "(sudo systemctl enable nftables)"), off);
        }
        assertTrue(hardening(etc, fakeSystemctl("masked")).apply().reason().endsWith("is masked (sudo systemctl unmask "
                + "nftables && sudo systemctl enable nftables)"), "enable alone fails on a masked unit");
        Files.createDirectories(etc.resolve("systemd/system/sysinit.target.wants"));
        Files.createSymbolicLink(etc.resolve("systemd/system/sysinit.target.wants/nftables.service"),
                Path.of("/lib/systemd/system/nftables.service"));
        assertTrue(hardening(etc, fakeSystemctl("disabled")).apply().reason().contains("is not enabled"),
                "systemd's answer, not a stale link, decides");
        for (String noAnswer : List.of("not-found", "masked-runtime")) {
            assertTrue(hardening(etc, fakeSystemctl(noAnswer)).apply().reason().endsWith("interfaces"),
                    noAnswer + ": the folders are read (a mask in /run is gone at boot)");
        }
    }

    @Test
    @DisplayName("without systemctl: a distribution's link in /usr/lib or /lib (not merged into /usr) counts as on, a "
            + "link from /etc to /dev/null as masked")
    void withoutSystemctlTheUnitFoldersAreRead() throws IOException {
        for (String units : List.of("usr/lib/systemd/system", "lib/systemd/system")) {
            Path wants = Files.createDirectories(dir.resolve(units).resolve("sysinit.target.wants"));
            Files.createSymbolicLink(wants.resolve("nftables.service"), Path.of("../nftables.service"));
            assertEquals(UnitEnablement.AtBoot.ON, NftablesService.atBoot(NO_SYSTEMCTL, dir), units);
            Files.delete(wants.resolve("nftables.service"));
        }
        assertEquals(UnitEnablement.AtBoot.OFF, NftablesService.atBoot(NO_SYSTEMCTL, dir));
        Path etcUnits = Files.createDirectories(dir.resolve("etc/systemd/system"));
        Files.createSymbolicLink(etcUnits.resolve("nftables.service"), Path.of("/dev/null"));
        assertEquals(UnitEnablement.AtBoot.MASKED, NftablesService.atBoot(NO_SYSTEMCTL, dir));
    }

    @Test
    @DisplayName("a masked service and no include line: both steps at once, with unmask before enable")
    void maskedAndNotIncludedSaysBothSteps() throws IOException {
        Path etc = debianEtc("flush ruleset\n");
        assertTrue(hardening(etc, fakeSystemctl("masked")).apply().reason().endsWith("which loads it at boot, is "
                + "masked; to keep the rule, add the line include \"" + etc.resolve("nftables.d") + "/*.nft\" to "
                + etc.resolve("nftables.conf") + " and run sudo systemctl unmask nftables && sudo systemctl enable "
                + "nftables"));
    }

    @Test
    @DisplayName("the undo says when the boot configuration still includes the removed file by name (nft then fails to "
            + "load any of it: 'File not found'); an include by glob, which matches nothing then, is harmless")
    void undoSaysAnIncludeByNameThatIsLeft() throws IOException {
        Path etc = debianEtc("flush ruleset\n");
        Path file = etc.resolve("nftables.d/port853-harden-dns.nft");
        PortHardening h = hardening(etc, fakeSystemctl("enabled"));
        h.apply();
        Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\ninclude \"" + file + "\"\n");
        ApplyResult r = h.revert();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertEquals("the hardening rule is gone; " + etc.resolve("nftables.conf") + " still includes " + file + " by "
                + "name: remove that line, or loading " + etc.resolve("nftables.conf") + " fails as a whole "
                + "(nftables.service at boot, nft -f) and none of its rules take effect", r.reason());
        assertTrue(h.revert().reason().startsWith("there is no hardening rule to remove; "), "said again while the line stays");
        h.apply();
        Files.writeString(etc.resolve("nftables.conf"), "flush ruleset\ninclude \"" + file.getParent() + "/*.nft\"\n");
        assertEquals("the hardening rule is gone", h.revert().reason());
    }

    /** {@code r} after the helper's document, as the window says it in {@code locale}. */
    private static String windowSays(ApplyResult r, java.util.Locale locale) throws IOException {
        ApplyResult read = HelperDocuments.readResult(HelperDocuments.writeResult(r));
        return org.port853.ui.common.I18n.in(locale, () -> org.port853.ui.apply.ChangeTexts.reason(read));
    }

    @Test
    @DisplayName("a rule that lasts only until the next reboot, as the helper's document carries it, is done with a "
            + "warning (exit 3, the window's warning); one kept at boot, or its plain undo, is not")
    void aRuleLostAtRebootIsDoneWithAWarning() throws IOException {
        Path etc = debianEtc("flush ruleset\n");
        List<ApplyResult> untilReboot = new java.util.ArrayList<>();
        untilReboot.add(hardening(etc, fakeSystemctl("disabled")).apply()); // neither step: stock Debian 12
        untilReboot.add(hardening(etc, fakeSystemctl("disabled")).apply()); // the same, found in place
        untilReboot.add(hardening(etc, fakeSystemctl("enabled")).apply()); // the include line missing
        Files.writeString(etc.resolve("nftables.conf"), "include \"" + etc.resolve("nftables.d") + "/*.nft\"\n");
        untilReboot.add(hardening(etc, fakeSystemctl("masked")).apply()); // the service missing
        for (ApplyResult r : untilReboot) {
            ApplyResult read = HelperDocuments.readResult(HelperDocuments.writeResult(r));
            assertTrue(read.succeeded() && read.hardenedUntilReboot() && read.doneWithWarning(), read.outcome() + ": "
                    + read.reason());
        }
        assertEquals(List.of(ApplyResult.Outcome.APPLIED, ApplyResult.Outcome.UNCHANGED),
                untilReboot.stream().map(ApplyResult::outcome).distinct().toList());
        ApplyResult kept = HelperDocuments.readResult(HelperDocuments.writeResult(
                hardening(etc, fakeSystemctl("enabled")).apply()));
        assertFalse(kept.hardenedUntilReboot() || kept.doneWithWarning(), kept.reason());
        ApplyResult undone = hardening(etc, fakeSystemctl("enabled")).revert();
        assertFalse(undone.hardenedUntilReboot() || undone.doneWithWarning(), undone.reason());
    }

    @Test
    @DisplayName("the window says each note on the next boot in German, and in English as the command line does")
    void theNotesAreSaidInBothLanguages() throws IOException {
        Path etc = debianEtc("flush ruleset\n");
        Path conf = etc.resolve("nftables.conf");
        Path file = etc.resolve("nftables.d/port853-harden-dns.nft");
        java.util.Map<ApplyResult, String> german = new java.util.LinkedHashMap<>();
        german.put(hardening(etc, fakeSystemctl("disabled")).apply(), conf + " bindet " + file + " nicht ein, und "
                + "nftables.service, das " + conf + " beim Start lädt, ist nicht aktiviert; um die Regel zu behalten, "
                + "fügen Sie in " + conf + " die Zeile include \"" + file.getParent() + "/*.nft\" hinzu und führen Sie "
                + org.port853.platform.RootAdvice.forThisUser("sudo systemctl enable nftables") + " aus");
        german.put(hardening(etc, fakeSystemctl("masked")).apply(), "ist maskiert; um die Regel zu behalten");
        Files.writeString(conf, "include \"" + file + "\"\n");
        german.put(hardening(etc, fakeSystemctl("masked")).apply(), "ist maskiert ("
                + org.port853.platform.RootAdvice.forThisUser("sudo systemctl unmask nftables && sudo systemctl enable "
                + "nftables") + ")");
        german.put(hardening(etc, fakeSystemctl("enabled")).revert(), "die Härtungsregel ist entfernt; " + conf + " bindet "
                + file + " noch namentlich ein: entfernen Sie diese Zeile");
        for (var said : german.entrySet()) {
            ApplyResult r = said.getKey();
            assertEquals(org.port853.platform.RootAdvice.forThisUser(r.reason()), windowSays(r, java.util.Locale.ENGLISH));
            String de = windowSays(r, java.util.Locale.GERMAN);
            assertTrue(de.contains(said.getValue()), de);
        }
    }
}
