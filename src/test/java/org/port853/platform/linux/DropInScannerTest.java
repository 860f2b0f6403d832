package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.ServerAddress;

@DisplayName("DropInScanner: order, masking, overriding, bad files")
class DropInScannerTest {
    @TempDir
    Path root;
    LinuxPaths paths;
    Path etc;
    Path run;
    Path usrLocal;
    Path usr;

    @BeforeEach
    void dirs() throws IOException {
        paths = LinuxPaths.under(root);
        etc = paths.dropInDirs().get(0);
        run = paths.dropInDirs().get(1);
        usrLocal = paths.dropInDirs().get(2);
        usr = paths.dropInDirs().get(3);
        for (Path d : paths.dropInDirs()) {
            Files.createDirectories(d);
        }
    }

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    static DropIn named(List<DropIn> list, String name) {
        return list.stream().filter(d -> d.path().endsWith("/" + name)).findFirst().orElseThrow();
    }

    @Test
    void noDirectoriesNoDropIns() {
        assertTrue(DropInScanner.scan(LinuxPaths.under(root.resolve("nothing")), 252).isEmpty());
    }

    @Test
    void sortedByFileNameAcrossAllFourDirectories() throws IOException {
        write(usr, "10-vendor.conf", "[Resolve]\nLLMNR=no\n");
        write(run, "50-runtime.conf", "[Resolve]\nMulticastDNS=no\n");
        write(usrLocal, "05-local.conf", "[Resolve]\nCache=yes\n");
        write(etc, "90-admin.conf", "[Resolve]\nDNSSEC=no\n");
        write(etc, "ignored.txt", "[Resolve]\nDNS=1.1.1.1\n");
        List<DropIn> list = DropInScanner.scan(paths, 252);
        assertEquals(List.of(usrLocal.resolve("05-local.conf").toString(), usr.resolve("10-vendor.conf").toString(),
                run.resolve("50-runtime.conf").toString(), etc.resolve("90-admin.conf").toString()),
                list.stream().map(DropIn::path).toList());
        assertTrue(list.stream().noneMatch(DropIn::overridesOurs), "all sort before ours");
        assertEquals("no", named(list, "90-admin.conf").keys().get("DNSSEC"));
    }

    @Test
    @DisplayName("a drop-in that clears a list (DNS=, then servers) carries that clear, so the main file's servers do "
            + "not count beside its own")
    void aClearedListIsCarried() throws IOException {
        write(etc, "50-dns.conf", "[Resolve]\nDNS=\nDNS=192.0.2.3\nDomains=~.\n");
        DropIn d = DropInScanner.scan(paths, 252).get(0);
        assertEquals(java.util.Set.of("DNS"), d.clearedLists());
        assertEquals("192.0.2.3", ResolvedConfFiles.effectiveKeys(java.util.Map.of("DNS", "192.168.1.1"), List.of(d))
                .get("DNS"));
    }

    @Test
    void etcMasksTheSameNameInUsrLib() throws IOException {
        write(usr, "50-dns.conf", "[Resolve]\nDNS=192.0.2.1\n");
        write(run, "50-dns.conf", "[Resolve]\nDNS=192.0.2.2\n");
        write(etc, "50-dns.conf", "[Resolve]\nDNS=192.0.2.3\n");
        List<DropIn> list = DropInScanner.scan(paths, 252);
        assertEquals(1, list.size());
        assertEquals(etc.resolve("50-dns.conf").toString(), list.get(0).path());
        assertEquals("192.0.2.3", list.get(0).keys().get("DNS"));
    }

    @Test
    void runMasksUsrLib() throws IOException {
        write(usr, "50-dns.conf", "[Resolve]\nDNS=192.0.2.1\n");
        write(run, "50-dns.conf", "[Resolve]\nDNS=192.0.2.2\n");
        assertEquals(run.resolve("50-dns.conf").toString(), DropInScanner.scan(paths, 252).get(0).path());
    }

    @Test
    void laterFilesThatSetOurKeysOverrideOurs() throws IOException {
        write(etc, LinuxPaths.DROP_IN_NAME, DropInRenderer.HEADER
                + "[Resolve]\nDNS=\nDNS=9.9.9.9#dns.quad9.net\nDNSOverTLS=yes\n");
        write(run, "zzz-vpn.conf", "[Resolve]\nDNSOverTLS=no\n");
        write(usr, "zzzz-harmless.conf", "[Resolve]\nLLMNR=no\n");
        write(etc, "00-early.conf", "[Resolve]\nDNS=192.0.2.9\n");
        List<DropIn> list = DropInScanner.scan(paths, 252);
        assertEquals(4, list.size());
        DropIn ours = named(list, LinuxPaths.DROP_IN_NAME);
        assertTrue(ours.ours());
        assertFalse(ours.overridesOurs());
        assertTrue(named(list, "zzz-vpn.conf").overridesOurs());
        assertFalse(named(list, "zzz-vpn.conf").ours());
        assertFalse(named(list, "zzzz-harmless.conf").overridesOurs(), "sets none of our keys");
        assertFalse(named(list, "00-early.conf").overridesOurs(), "sorts before ours");
    }

    @Test
    @DisplayName("a drop-in at Port853's path that Port853 did not write (an exported one a playbook deployed) is not "
            + "ours: revert leaves it, and its DNS-over-TLS is said to stay on, set in that file")
    void ourPathWithAnotherHeaderIsNotOurs() throws IOException {
        String exported = FleetExport.fleetDropIn(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.1#dns.example")),
                DotMode.STRICT, null, true, List.of()), false);
        write(etc, LinuxPaths.DROP_IN_NAME, exported);
        DropIn file = named(DropInScanner.scan(paths, 252), LinuxPaths.DROP_IN_NAME);
        assertFalse(file.ours(), exported);
        assertEquals("yes", file.keys().get("DNSOverTLS"));
        // a revert that leaves it says whose it is: the exported copy, not "outside Port853" at Port853's own path
        var stub = new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53"));
        var after = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS, true, true,
                new org.port853.core.GlobalState(List.of(ServerAddress.parse("192.0.2.1#dns.example")), List.of(), null,
                        DotMode.STRICT, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub"), List.of(), null,
                null, new LinuxDetails(252, stub, DropInScanner.scan(paths, 252)));
        var reverted = org.port853.platform.OutsideEncryption.afterRevert(org.port853.platform.ApplyResult.of(
                org.port853.platform.ApplyResult.Outcome.REVERTED, ""), after);
        assertTrue(reverted.reason().contains("a copy of Port853's settings deployed from 'port853 export'")
                && reverted.reason().contains(etc.resolve(LinuxPaths.DROP_IN_NAME).toString()), reverted.reason());
        write(etc, "90-admin.conf", "[Resolve]\nDNSOverTLS=opportunistic\n");
        write(etc, LinuxPaths.DROP_IN_NAME, "[Resolve]\nDNS=192.0.2.1\n"); // the admin's file sets it, not the copy
        var other = new org.port853.core.ResolverState(after.resolverName(), after.source(), true, true, after.global(),
                List.of(), null, null, new LinuxDetails(252, stub, DropInScanner.scan(paths, 252)));
        assertTrue(org.port853.platform.OutsideEncryption.afterRevert(org.port853.platform.ApplyResult.of(
                org.port853.platform.ApplyResult.Outcome.REVERTED, ""), other).reason().contains("90-admin.conf, outside "
                + "Port853"));
    }

    @Test
    void garbageBinaryOversizedAndUnreadableFilesGiveAnErrorNotAnException() throws IOException {
        write(etc, "10-garbage.conf", "[Resolve]\nDNS=192.0.2.1\nrandom words\n");
        Files.write(etc.resolve("20-binary.conf"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        Files.writeString(etc.resolve("30-huge.conf"), "[Resolve]\n" + "#".repeat(70 * 1024) + "\n");
        Files.createDirectory(etc.resolve("40-directory.conf"));
        Files.createSymbolicLink(etc.resolve("50-dangling.conf"), root.resolve("does-not-exist"));
        List<DropIn> list = DropInScanner.scan(paths, 252);
        assertEquals(5, list.size());
        DropIn garbage = named(list, "10-garbage.conf");
        assertNull(garbage.error(), "resolved reads it");
        assertTrue(garbage.skippedLine().contains("line 3"), garbage.skippedLine());
        assertEquals("192.0.2.1", garbage.keys().get("DNS"));
        assertTrue(named(list, "20-binary.conf").error().contains("UTF-8"));
        assertTrue(named(list, "30-huge.conf").error().contains("64 KiB"));
        assertEquals("a directory, not a file", named(list, "40-directory.conf").error());
        assertEquals("a link to a missing file", named(list, "50-dangling.conf").error());
        // checked on systemd 252: resolved fails on a directory or a line that is not UTF-8 and reads no drop-in
        // after it (ours sorts last); it skips a dangling link and a line without '=', and reads files of any size
        assertEquals(List.of("20-binary.conf", "40-directory.conf"), list.stream().filter(DropIn::hidesOurs)
                .map(d -> Path.of(d.path()).getFileName().toString()).toList());
        for (DropIn d : list) {
            String said = d.error() != null ? d.error() : d.skippedLine();
            assertFalse(said.contains("\n"), said);
        }
    }

    @Test
    @DisplayName("a hidden file (name starting with '.'), which systemd leaves out of every drop-in list, is not a "
            + "drop-in: a directory so named refused every change, and a file so named counted as setting its keys")
    void hiddenFilesAreNotDropIns() throws Exception {
        Files.createDirectory(etc.resolve(".old.conf"));
        write(etc, ".zzz-disabled.conf", "[Resolve]\nDNSOverTLS=no\n");
        write(run, ".zzz-runtime.conf", "[Resolve]\nDNS=198.18.0.9\n");
        assertEquals(0, new ProcessBuilder("mkfifo", etc.resolve(".pipe.conf").toString()).start().waitFor());
        write(etc, "10-admin.conf", "[Resolve]\nDNSSEC=no\n");
        // checked on systemd 247, 252 and 262: resolved reads the others beside these and leaves these out
        assertEquals(List.of(etc.resolve("10-admin.conf").toString()),
                DropInScanner.scan(paths, 252).stream().map(DropIn::path).toList());
    }

    @Test
    void aLineThatIsNotUtf8HidesOursInAnySectionButNotInAComment() throws IOException {
        Files.write(etc.resolve("10-latin1-comment.conf"), "[Resolve]\n  # caf\u00e9\n;\u00e9\nDNSSEC=no\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(etc.resolve("20-latin1-value.conf"), "[Resolve]\r\nLLMNR=no\r\n[Other]\r\nName=caf\u00e9\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        List<DropIn> list = DropInScanner.scan(paths, 252);
        DropIn comment = named(list, "10-latin1-comment.conf");
        assertNull(comment.error(), "resolved skips comments before it checks UTF-8");
        assertFalse(comment.hidesOurs());
        assertEquals("no", comment.keys().get("DNSSEC"));
        DropIn value = named(list, "20-latin1-value.conf");
        assertEquals("line 4 is not valid UTF-8", value.error());
        assertTrue(value.hidesOurs());
    }

    @Test
    void wellFormedUtf8CommentsAreFine() throws IOException {
        Files.write(etc.resolve("10-utf8.conf"), "# Überschrift\n[Resolve]\nDNSSEC=yes\n".getBytes(StandardCharsets.UTF_8));
        DropIn d = DropInScanner.scan(paths, 252).get(0);
        assertNull(d.error());
        assertEquals("yes", d.keys().get("DNSSEC"));
    }

    @Test
    @DisplayName("a file with our name in /run is not 'overriding': our /etc file masks it once written")
    void sameNameElsewhereIsMaskedNotOverriding() throws IOException {
        write(run, LinuxPaths.DROP_IN_NAME, "[Resolve]\nDNS=198.18.0.9\n");
        DropIn d = named(DropInScanner.scan(paths, 252), LinuxPaths.DROP_IN_NAME);
        assertFalse(d.ours());
        assertFalse(d.overridesOurs());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a file resolved fails on that sorts after Port853's leaves ours in effect up to "
            + "257: it is reported, not taken to hide ours; from 258 a directory hides every file, wherever it sorts")
    void aBrokenFileAfterOursDoesNotHideIt() throws IOException {
        Files.createDirectory(etc.resolve("zzz-late.conf"));
        for (int version : new int[] {252, 257}) {
            DropIn late = named(DropInScanner.scan(paths, version), "zzz-late.conf");
            assertEquals("a directory, not a file", late.error());
            assertFalse(late.hidesOurs(), "on " + version);
        }
        assertTrue(named(DropInScanner.scan(paths, 262), "zzz-late.conf").hidesOurs(), "on 262");
        assertTrue(named(DropInScanner.scan(paths, 0), "zzz-late.conf").hidesOurs(), "an unknown version: as the newest");
    }

    @Test
    @DisplayName("a named pipe among the drop-ins is not waited on (status hung there for good); resolved waits on it "
            + "when it starts, so it hides Port853's settings wherever it sorts")
    void aNamedPipeIsReportedNotRead() throws Exception {
        for (String name : new String[] {"50-pipe.conf", "zzz-pipe.conf"}) {
            Path pipe = etc.resolve(name);
            assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
            DropIn d = named(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> DropInScanner.scan(paths, 252)), name);
            assertEquals("a named pipe or device, not a file", d.error());
            assertTrue(d.hidesOurs(), name);
            Files.delete(pipe);
        }
    }

    /** The Linux rules' reasons for a running resolver without servers and these drop-ins. */
    private static List<org.port853.core.Reason> rulesFor(int version, List<DropIn> dropIns) {
        return new LinuxRules().assess(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, true, new org.port853.core.GlobalState(List.of(), List.of(), null,
                DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub"), List.of(), null, null,
                new LinuxDetails(version, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                        LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), dropIns)));
    }

    @Test
    @DisplayName("a main resolved.conf that resolved's user cannot open hides every drop-in, ours included, and is "
            + "said in the state's reasons and the refusal of a change")
    void aMainConfResolvedsUserCannotOpen() throws IOException {
        Path main = paths.mainConf();
        Files.writeString(main, "[Resolve]\n");
        write(etc, LinuxPaths.DROP_IN_NAME, DropInRenderer.HEADER + "[Resolve]\nDNSOverTLS=yes\n");
        Files.writeString(paths.etc().resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + ResolvedUser.NAME + ":x:999999:999998:systemd Resolver:/:/usr/sbin/nologin\n");
        Files.writeString(paths.etc().resolve("group"), "");
        assertTrue(DropInScanner.scan(paths, 257).stream().noneMatch(DropIn::hidesOurs), "0644: read");
        Files.setPosixFilePermissions(main, PosixFilePermissions.fromString("rw-------"));
        for (int version : new int[] {247, 252, 257, 262}) {
            DropIn m = named(DropInScanner.scan(paths, version), "systemd/resolved.conf");
            assertTrue(m.hidesOurs(), version + ": resolved fails on its main file and reads no drop-in");
            assertTrue(m.error().startsWith("not readable by systemd-resolved's user"), m.error());
            assertFalse(m.ours());
        }
        List<DropIn> scanned = DropInScanner.scan(paths, 257);
        var reasons = rulesFor(257, scanned);
        org.port853.core.Reason hides = reasons.stream().filter(r -> r.code().equals("DROP_IN_HIDES_OURS")).findFirst()
                .orElseThrow(() -> new AssertionError(reasons.toString()));
        assertTrue(hides.message().contains(main.toString()) && hides.message().contains("ignores Port853's settings"),
                hides.message());
        assertEquals(org.port853.core.Severity.UNENCRYPTED, hides.severity(),
                "no encryption in force: the hidden drop-in is why, not only what the next start loses");
        List<org.port853.core.Reason> stillStrict = new LinuxRules().assess(new org.port853.core.ResolverState(
                "systemd-resolved", org.port853.core.StateSource.DBUS, true, true, new org.port853.core.GlobalState(
                List.of(ServerAddress.parse("192.0.2.53#dns.example")), List.of(), null, DotMode.STRICT,
                org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub"), List.of(), null, null,
                new LinuxDetails(257, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                        LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), scanned)));
        assertEquals(org.port853.core.Severity.WARNING, stillStrict.stream().filter(r -> r.code().equals(
                "DROP_IN_HIDES_OURS")).findFirst().orElseThrow().severity(), "loaded before: lost at the next start");
        assertTrue(reasons.stream().noneMatch(r -> r.code().equals("DROP_IN_UNREADABLE")), "said once, as what it does");
        var refusal = new ResolvedPlanner(paths).refusalSaid(new DesiredSettings(
                List.of(ServerAddress.parse("192.0.2.53#dns.example")), DotMode.STRICT, null, true, List.of()), 257, scanned);
        assertTrue(refusal.isPresent() && refusal.get().english().contains("cannot read its configuration file " + main)
                && refusal.get().english().contains("chmod 0644"), refusal.toString());
    }

    @Test
    @DisplayName("a link to a missing file, which resolved skips, is reported without lowering the verdict, with a fix "
            + "for a link (not 'permissions and syntax')")
    void aDanglingLinkIsOnlyInformation() throws IOException {
        Files.createSymbolicLink(etc.resolve("40-dangling.conf"), root.resolve("nonexistent"));
        List<DropIn> scanned = DropInScanner.scan(paths, 252);
        assertEquals(DropInScanner.DANGLING_LINK, named(scanned, "40-dangling.conf").error());
        var reasons = rulesFor(252, scanned);
        org.port853.core.Reason r = reasons.stream().filter(x -> x.code().equals("DROP_IN_DANGLING")).findFirst()
                .orElseThrow(() -> new AssertionError(reasons.toString()));
        assertEquals(org.port853.core.Severity.INFO, r.severity());
        assertEquals("Remove the link, or restore the file it points to.", r.fix());
        assertTrue(reasons.stream().noneMatch(x -> x.code().equals("DROP_IN_UNREADABLE")), reasons.toString());
    }

    @Test
    @DisplayName("a package's or a runtime drop-in that overrides ours is to be masked from /etc, not removed or renamed "
            + "(distro walkthrough: the refusal said 'rename it' about a file under /usr/lib)")
    void aVendorFileIsMaskedNotRenamed() throws IOException {
        Path vendor = paths.dropInDirs().get(3);
        write(vendor, "zzz-vendor.conf", "[Resolve]\nDNSOverTLS=no\n");
        List<DropIn> scanned = DropInScanner.scan(paths, 257);
        var refusal = new ResolvedPlanner(paths).refusalSaid(new DesiredSettings(
                List.of(ServerAddress.parse("192.0.2.53#dns.example")), DotMode.STRICT, null, true, List.of()), 257, scanned);
        assertTrue(refusal.isPresent() && refusal.get().english().endsWith("mask it first (sudo ln -s /dev/null "
                + etc.resolve("zzz-vendor.conf") + ")"), refusal.toString());
        write(etc, "zzz-admin.conf", "[Resolve]\nDNSOverTLS=no\n");
        var own = new ResolvedPlanner(paths).refusalSaid(new DesiredSettings(
                List.of(ServerAddress.parse("192.0.2.53#dns.example")), DotMode.STRICT, null, true, List.of()), 257,
                DropInScanner.scan(paths, 257).stream().filter(d -> d.path().endsWith("zzz-admin.conf")).toList());
        assertTrue(own.isPresent() && own.get().english().endsWith("remove it or rename it to sort earlier first"),
                own.toString());

        DropIn usrLib = new DropIn("/usr/lib/systemd/resolved.conf.d/zzz-vendor.conf", false, true,
                java.util.Map.of("DNSOverTLS", "no"), null);
        org.port853.core.Reason r = rulesFor(257, List.of(usrLib)).stream()
                .filter(x -> x.code().equals("DROP_IN_OVERRIDES")).findFirst().orElseThrow();
        assertEquals("Mask it (a package's or a runtime file comes back when edited): sudo ln -s /dev/null "
                + "/etc/systemd/resolved.conf.d/zzz-vendor.conf", r.fix());
    }

    @Test
    @DisplayName("a package's drop-in in /lib/systemd/resolved.conf.d, which resolved 247 and 252 read (Debian builds them "
            + "for split /usr: both name that directory) and which is not /usr/lib's on a system whose /usr is not merged, "
            + "is seen and said to override ours")
    void aDropInUnderLibIsRead() throws IOException {
        assertEquals(Path.of("/lib/systemd/resolved.conf.d"), LinuxPaths.system().dropInDirs().get(4),
                "after /usr/lib, as systemd lists it");
        Path lib = paths.dropInDirs().get(4);
        assertEquals(root.resolve("lib/systemd/resolved.conf.d"), lib);
        write(lib, "zzz-vendor.conf", "[Resolve]\nDNSOverTLS=no\n");
        write(usr, "10-vendor.conf", "[Resolve]\nLLMNR=no\n");
        write(lib, "10-vendor.conf", "[Resolve]\nLLMNR=yes\n");
        List<DropIn> scanned = DropInScanner.scan(paths, 252);
        assertTrue(named(scanned, "zzz-vendor.conf").overridesOurs());
        assertEquals(usr.resolve("10-vendor.conf").toString(), named(scanned, "10-vendor.conf").path(),
                "/usr/lib's file of the same name comes first and masks /lib's");
    }

    @Test
    @DisplayName("the file that masks a drop-in is the one of its name in /etc's directory; one there has none")
    void maskForNamesTheEtcFile() {
        assertEquals(java.util.Optional.of(etc.resolve("50-vendor.conf")),
                paths.maskFor(paths.dropInDirs().get(1).resolve("50-vendor.conf")));
        assertEquals(java.util.Optional.of(etc.resolve("50-vendor.conf")),
                paths.maskFor(paths.dropInDirs().get(3).resolve("50-vendor.conf")));
        assertEquals(java.util.Optional.empty(), paths.maskFor(etc.resolve("50-admin.conf")));
    }

    @Test
    @DisplayName("Port853's own drop-in path linked to /dev/null: status and doctor name the link that apply refuses to "
            + "write through, instead of offering a fix that fails (distro walkthrough)")
    void ourPathLinkedIsSaid() throws IOException {
        Files.createDirectories(etc);
        assertNull(ResolvedStateReader.ourDropInLink(paths));
        Files.createSymbolicLink(paths.ourDropIn(), Path.of("/dev/null"));
        String link = ResolvedStateReader.ourDropInLink(paths);
        assertEquals("/dev/null", link);
        org.port853.core.ResolverState s = new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, true, new org.port853.core.GlobalState(List.of(), List.of(), null,
                DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub"), List.of(), null, null,
                new LinuxDetails(257, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                        LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), DropInScanner.scan(paths, 257), null, true,
                        null, false, null, link));
        List<org.port853.core.Reason> reasons = new LinuxRules().assess(s);
        org.port853.core.Reason r = reasons.stream().filter(x -> x.code().equals("DROP_IN_OURS_LINKED")).findFirst()
                .orElseThrow(() -> new AssertionError(reasons.toString()));
        assertEquals(org.port853.core.Severity.WARNING, r.severity());
        assertTrue(r.message().contains("/etc/systemd/resolved.conf.d/zz-port853.conf is a symbolic link to /dev/null"),
                r.message());
        assertEquals("Remove the link if nothing else needs it: sudo rm /etc/systemd/resolved.conf.d/zz-port853.conf",
                r.fix());
        org.port853.probe.doctor.Check dropIns = org.port853.probe.doctor.ConfigChecks.of(s,
                org.port853.core.Assessor.assess(s, reasons).reasons(), java.util.Map.of()).stream()
                .filter(c -> c.id().equals("config.drop-ins")).findFirst().orElseThrow();
        assertEquals(org.port853.probe.doctor.CheckStatus.WARNING, dropIns.status(), dropIns.toString());
        for (DotMode mode : DotMode.values()) {
            var refusal = new ResolvedPlanner(paths).refusalSaid(new DesiredSettings(
                    List.of(ServerAddress.parse("192.0.2.53#dns.example")), mode, null, true, List.of()), 257,
                    DropInScanner.scan(paths, 257));
            assertTrue(refusal.isPresent() && refusal.get().english().endsWith("remove the link first (sudo rm "
                    + paths.ourDropIn() + ")"), "apply's refusal says how, as status does: " + refusal);
        }
        // every apply is refused, and a revert leaves the link (someone else's file): the window says so up front
        assertTrue(new LinuxRules().refusesChanges(r), "the switch and Protect my DNS would only be refused");
    }

    @Test
    @DisplayName("a line resolved skips (no '=') is that line, not an unreadable file: the rest of the file counts")
    void aSkippedLineIsNotAnUnreadableFile() throws IOException {
        write(etc, "40-garbage.conf", "[Resolve]\ngarbage line\nDNS=192.0.2.53#dns.example\n");
        List<DropIn> scanned = DropInScanner.scan(paths, 252);
        DropIn d = named(scanned, "40-garbage.conf");
        assertNull(d.error(), "resolved reads the file");
        assertEquals("line 2 is not KEY=VALUE inside a [section]", d.skippedLine());
        assertEquals("192.0.2.53#dns.example", d.keys().get("DNS"));
        var reasons = rulesFor(252, scanned);
        assertTrue(reasons.stream().noneMatch(x -> x.code().equals("DROP_IN_UNREADABLE")), reasons.toString());
        org.port853.core.Reason r = reasons.stream().filter(x -> x.code().equals("DROP_IN_LINE_SKIPPED")).findFirst()
                .orElseThrow(() -> new AssertionError(reasons.toString()));
        assertEquals("Drop-in " + etc.resolve("40-garbage.conf") + " has a line systemd-resolved skips (line 2 is not "
                + "KEY=VALUE inside a [section]); it reads the rest of the file.", r.message());
        assertEquals(org.port853.core.Severity.INFO, r.severity(), "what runs without the line is assessed itself");
    }

    @Test
    @DisplayName("a later drop-in that sets only what Port853 leaves alone (DNSSEC when not chosen) overrides nothing: "
            + "status does not warn and apply does not refuse; with --dnssec it would override, and apply says which key")
    void aLaterDropInOverridesOnlyWhatOursSets() throws IOException {
        write(etc, "zzz-other.conf", "[Resolve]\nDNSSEC=yes\n");
        List<DropIn> scanned = DropInScanner.scan(paths, 252);
        assertFalse(named(scanned, "zzz-other.conf").overridesOurs(), "no drop-in of ours sets DNSSEC");
        assertTrue(rulesFor(252, scanned).stream().noneMatch(x -> x.code().equals("DROP_IN_OVERRIDES")));
        ResolvedPlanner planner = new ResolvedPlanner(paths);
        List<ServerAddress> servers = List.of(ServerAddress.parse("192.0.2.53#dns.example"));
        assertTrue(planner.refusalSaid(new DesiredSettings(servers, DotMode.STRICT, null, true, List.of()), 252, scanned)
                .isEmpty(), "DNSSEC stays as the system has it: nothing of ours is overridden");
        var refusal = planner.refusalSaid(new DesiredSettings(servers, DotMode.STRICT,
                org.port853.core.DnssecMode.NO, true, List.of()), 252, scanned);
        assertTrue(refusal.isPresent() && refusal.get().english().contains("zzz-other.conf sorts after Port853's file "
                + "and sets DNSSEC, which would override"), refusal.toString());

        write(etc, LinuxPaths.DROP_IN_NAME, DropInRenderer.render(new DesiredSettings(servers, DotMode.STRICT,
                org.port853.core.DnssecMode.NO, true, List.of())));
        assertTrue(named(DropInScanner.scan(paths, 252), "zzz-other.conf").overridesOurs(),
                "ours sets DNSSEC now: the later file wins over it");
        write(etc, "zzz-other.conf", "[Resolve]\nDNSOverTLS=no\n");
        Files.delete(etc.resolve(LinuxPaths.DROP_IN_NAME));
        assertTrue(named(DropInScanner.scan(paths, 252), "zzz-other.conf").overridesOurs(),
                "every drop-in of ours sets DNSOverTLS");
        for (String ignored : List.of("DNSOverTLS=", "DNSOverTLS=bogus")) {
            write(etc, "zzz-other.conf", "[Resolve]\n" + ignored + "\n");
            List<DropIn> now = DropInScanner.scan(paths, 252);
            assertFalse(named(now, "zzz-other.conf").overridesOurs(), ignored + ": resolved fails to parse it and "
                    + "ignores it (checked on 262)");
            assertTrue(planner.refusalSaid(new DesiredSettings(servers, DotMode.STRICT, null, true, List.of()), 252, now)
                    .isEmpty(), ignored);
        }
    }

    @Test
    @DisplayName("a file systemd-resolved's user cannot open (root can) hides ours when it sorts before it, and from "
            + "253 wherever it sorts; a group it is in may read")
    void aFileResolvedsUserCannotOpen() throws IOException {
        write(etc, "10-secret.conf", "[Resolve]\nDNS=192.0.2.1\n");
        write(etc, "20-group.conf", "[Resolve]\nLLMNR=no\n");
        write(etc, "zzz-secret.conf", "[Resolve]\nDNSSEC=no\n");
        write(etc, LinuxPaths.DROP_IN_NAME, "[Resolve]\nDNSOverTLS=yes\n");
        Path sub = Files.createDirectory(etc.resolve("private"));
        write(sub, "x.conf", "[Resolve]\nCache=no\n");
        Files.createSymbolicLink(etc.resolve("30-link.conf"), sub.resolve("x.conf"));
        for (String name : List.of("10-secret.conf", "zzz-secret.conf", LinuxPaths.DROP_IN_NAME)) {
            Files.setPosixFilePermissions(etc.resolve(name), PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(etc.resolve("20-group.conf"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        assertTrue(DropInScanner.scan(paths, 252).stream().noneMatch(DropIn::hidesOurs),
                "no such user: nothing checked");

        // a user that owns none of these files, in the files' group through /etc/group only
        int gid = (int) Files.getAttribute(etc.resolve("20-group.conf"), "unix:gid");
        Files.writeString(paths.etc().resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + ResolvedUser.NAME + ":x:999999:999998:systemd Resolver:/:/usr/sbin/nologin\n");
        Files.writeString(paths.etc().resolve("group"), "files:x:" + gid + ":nobody," + ResolvedUser.NAME + "\n");
        String owner = Files.getOwner(etc.resolve("10-secret.conf")).getName();
        List<DropIn> on252 = DropInScanner.scan(paths, 252);
        DropIn secret = named(on252, "10-secret.conf");
        assertEquals("not readable by systemd-resolved's user systemd-resolve (mode 0600, owner " + owner + ")",
                secret.error());
        assertTrue(secret.hidesOurs());
        assertTrue(secret.keys().isEmpty(), "resolved sees none of its keys");
        assertNull(named(on252, "20-group.conf").error());
        DropIn link = named(on252, "30-link.conf");
        assertEquals("in " + sub.toRealPath() + ", which systemd-resolved's user systemd-resolve cannot enter "
                + "(mode 0700, owner " + owner + ")", link.error());
        assertTrue(link.hidesOurs());
        DropIn late = named(on252, "zzz-secret.conf");
        assertTrue(late.error().startsWith("not readable"), late.error());
        assertFalse(late.hidesOurs(), "252 reads every file before it, ours included");
        assertFalse(named(on252, LinuxPaths.DROP_IN_NAME).hidesOurs(), "apply writes ours again, 0644");
        for (int version : new int[] {257, 262, 0}) {
            assertTrue(named(DropInScanner.scan(paths, version), "zzz-secret.conf").hidesOurs(),
                    version + " ignores every file then");
        }
    }

    @Test
    @DisplayName("resolved skips a drop-in directory its user cannot list: ours too when it is ours")
    void aDirectoryResolvedsUserCannotList() throws IOException {
        Files.writeString(paths.etc().resolve("passwd"), ResolvedUser.NAME + ":x:999999:999998::/:/usr/sbin/nologin\n");
        write(run, "05-run.conf", "[Resolve]\nDNS=192.0.2.1\n");
        write(etc, "50-etc.conf", "[Resolve]\nLLMNR=no\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx--x--x"));
        String owner = Files.getOwner(run).getName();
        List<DropIn> list = DropInScanner.scan(paths, 262);
        DropIn skipped = named(list, "05-run.conf");
        assertEquals("in a directory systemd-resolved's user systemd-resolve cannot list (mode 0711, owner " + owner
                + ")", skipped.error());
        assertFalse(skipped.hidesOurs());
        assertNull(named(list, "50-etc.conf").error());
        Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwx------"));
        assertTrue(named(DropInScanner.scan(paths, 252), "50-etc.conf").hidesOurs(), "ours would be skipped with it");
    }

    @Test
    @DisplayName("a named pipe as the main resolved.conf is not waited on: its keys are unknown, as an unreadable file's")
    void aPipeAsTheMainFileIsNotWaitedOn() throws Exception {
        Path main = paths.mainConf(252);
        Files.createDirectories(main.getParent());
        Files.deleteIfExists(main);
        assertEquals(0, new ProcessBuilder("mkfifo", main.toString()).start().waitFor());
        assertTrue(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> ResolvedConfFiles.mainFileKeys(paths, 252)).isEmpty());
        assertEquals("", org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> ResolvedConfFiles.mainFileText(paths, 252)), "its comments are not read either");
    }
}
