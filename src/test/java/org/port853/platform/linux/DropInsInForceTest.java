package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DropIn;
import org.port853.core.SettingsFile;
import org.port853.core.SettingsFile.Outcome;
import org.port853.core.SettingsFile.Owner;
import org.port853.core.SettingsFile.Setting;

@DisplayName("status's drop-ins: which file's setting systemd-resolved keeps (a later file wins)")
class DropInsInForceTest {
    private static final String DIR = "/etc/systemd/resolved.conf.d/";
    private static final String OURS = DIR + LinuxPaths.DROP_IN_NAME;

    @Test
    @DisplayName("a later file's DNSOverTLS= overrides ours; DNS= adds to ours; the earlier file's DNSOverTLS= is ours'")
    void laterFileWins() {
        DropIn early = new DropIn(DIR + "10-early.conf", false, false, Map.of("DNSOverTLS", "opportunistic",
                "DNS", "198.18.0.9"), null);
        DropIn ours = new DropIn(OURS, true, false, Map.of("DNSOverTLS", "yes", "DNS", "198.18.0.2#dot.test"), null);
        DropIn late = new DropIn("/run/systemd/resolved.conf.d/zzz-vpn.conf", false, true, Map.of("DNSOverTLS", "no",
                "DNS", "198.18.0.7"), null);
        List<SettingsFile> files = files(List.of(early, ours, late));

        assertEquals(List.of(new Setting("DNS", "198.18.0.9", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "opportunistic", Outcome.OVERRIDDEN, late.path())), files.get(0).settings());
        assertEquals(new SettingsFile(OURS, Owner.OURS, List.of(new Setting("DNS", "198.18.0.2#dot.test",
                Outcome.IN_FORCE, null), new Setting("DNSOverTLS", "yes", Outcome.OVERRIDDEN, late.path())), null,
                null), files.get(1));
        assertEquals(List.of(new Setting("DNS", "198.18.0.7", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "no", Outcome.IN_FORCE, null)), files.get(2).settings());
        assertEquals(Owner.OTHER, files.get(2).owner());
    }

    @Test
    @DisplayName("a later file that clears DNS= overrides the servers before it; a value resolved cannot parse is "
            + "ignored and leaves the one before in force; an exported copy is marked so")
    void clearedListsAndIgnoredValues() {
        DropIn exported = new DropIn(DIR + "50-port853.conf", false, false, Map.of("DNS", "198.18.0.2#dot.test",
                "DNSOverTLS", "yes"), null, false, null, Set.of(), true);
        DropIn clearing = new DropIn(DIR + "60-clear.conf", false, false, Map.of("DNS", "", "DNSOverTLS", "sometimes"),
                null, false, null, Set.of("DNS"));
        List<SettingsFile> files = files(List.of(exported, clearing));

        assertEquals(new SettingsFile(exported.path(), Owner.EXPORTED, List.of(new Setting("DNS", "198.18.0.2#dot.test",
                Outcome.OVERRIDDEN, clearing.path()), new Setting("DNSOverTLS", "yes", Outcome.IN_FORCE, null)), null,
                null), files.get(0));
        assertEquals(List.of(new Setting("DNS", "", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "sometimes", Outcome.IGNORED, null)), files.get(1).settings());
    }

    @Test
    @DisplayName("from a file resolved fails on before ours, nothing is read; one that sorts after ours hides every file")
    void hidingFileStopsTheReading() {
        DropIn early = new DropIn(DIR + "10-early.conf", false, false, Map.of("DNSOverTLS", "no"), null);
        DropIn broken = new DropIn(DIR + "20-dir.conf", false, false, Map.of(), "a directory, not a file", true, null,
                Set.of(), false, DropIn.Stop.HERE);
        DropIn ours = new DropIn(OURS, true, false, Map.of("DNSOverTLS", "yes"), null);
        List<SettingsFile> files = files(List.of(early, broken, ours));

        assertEquals(Outcome.IN_FORCE, files.get(0).settings().get(0).outcome());
        assertEquals("a directory, not a file", files.get(1).unread());
        assertEquals(new SettingsFile(OURS, Owner.OURS, List.of(new Setting("DNSOverTLS", "yes", Outcome.NOT_READ, null)),
                "systemd-resolved stops reading at " + broken.path(), null), files.get(2));

        DropIn closedAfterOurs = new DropIn(DIR + "zzz-closed.conf", false, false, Map.of(), "permission denied", true,
                null, Set.of(), false, DropIn.Stop.ALL_FILES);
        List<SettingsFile> none = files(List.of(early, ours, closedAfterOurs));
        assertEquals(Outcome.NOT_READ, none.get(0).settings().get(0).outcome());
        assertEquals("systemd-resolved reads no settings file because of " + closedAfterOurs.path(), none.get(1).unread());
    }

    @Nested
    @DisplayName("files on disk, as the scanner finds them: what resolved really read (each case seen with resolved 247, "
            + "252, 257 and 262 in the rig, resolvectl dns listing the servers of the files it read)")
    class Scanned {
        @TempDir
        Path root;
        Path etc;

        @BeforeEach
        void files() throws IOException {
            LinuxPaths paths = LinuxPaths.under(root);
            etc = Files.createDirectories(paths.dropInDirs().get(0));
            Files.writeString(etc.resolve("10-early.conf"), "[Resolve]\nDNS=198.18.0.10\n");
            Files.writeString(etc.resolve(LinuxPaths.DROP_IN_NAME), "[Resolve]\nDNS=198.18.0.11\n");
            Files.writeString(etc.resolve("zzz-2late.conf"), "[Resolve]\nDNS=198.18.0.12\n");
            Files.writeString(paths.etc().resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                    + ResolvedUser.NAME + ":x:999999:999998:systemd Resolver:/:/usr/sbin/nologin\n");
            Files.writeString(paths.etc().resolve("group"), "");
        }

        @Test
        @DisplayName("a file after Port853's with a line that is not UTF-8: resolved stops there, the file after it is "
                + "not read")
        void aBrokenFileAfterOursStopsTheReadingThere() throws IOException {
            Path bad = etc.resolve("zzz-1bad.conf");
            Files.write(bad, "[Resolve]\nDomains=caf\u00e9.test\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            for (int version : new int[] {247, 252, 257, 262}) {
                List<SettingsFile> files = scanned(version);
                assertEquals(List.of(Outcome.IN_FORCE, Outcome.IN_FORCE, Outcome.NOT_READ), dnsOutcomes(files),
                        "on " + version);
                assertEquals("systemd-resolved stops reading at " + bad, file(files, "zzz-2late.conf").unread());
            }
        }

        @Test
        @DisplayName("a directory named *.conf: up to 257 resolved stops there, from 258 it reads no file, also none "
                + "before the directory")
        void aDirectoryStopsTheReadingOrHidesEveryFile() throws IOException {
            Path dir = Files.createDirectory(etc.resolve("zzz-1dir.conf"));
            for (int version : new int[] {247, 252, 257}) {
                assertEquals(List.of(Outcome.IN_FORCE, Outcome.IN_FORCE, Outcome.NOT_READ), dnsOutcomes(scanned(version)),
                        "on " + version);
            }
            Files.delete(dir);
            Path early = Files.createDirectory(etc.resolve("20-dir.conf"));
            assertEquals(List.of(Outcome.IN_FORCE, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(scanned(257)));
            List<SettingsFile> on262 = scanned(262);
            assertEquals(List.of(Outcome.NOT_READ, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(on262));
            assertEquals("systemd-resolved reads no settings file because of " + early,
                    file(on262, "10-early.conf").unread());
        }

        @Test
        @DisplayName("a file resolved's user cannot open: 247 and 252 stop there, 257 and 262 read no file, also "
                + "none before it")
        void aClosedFileStopsTheReadingOrHidesEveryFile() throws IOException {
            Path late = etc.resolve("zzz-1closed.conf");
            Files.writeString(late, "[Resolve]\nDNS=198.18.0.13\n");
            Files.setPosixFilePermissions(late, PosixFilePermissions.fromString("rw-------"));
            for (int version : new int[] {247, 252}) {
                assertEquals(List.of(Outcome.IN_FORCE, Outcome.IN_FORCE, Outcome.NOT_READ), dnsOutcomes(scanned(version)),
                        "on " + version);
            }
            Files.move(late, etc.resolve("20-closed.conf"));
            for (int version : new int[] {257, 262}) {
                assertEquals(List.of(Outcome.NOT_READ, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(scanned(version)),
                        "on " + version);
            }
            assertEquals(List.of(Outcome.IN_FORCE, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(scanned(252)));
        }

        @Test
        @DisplayName("two files resolved fails on, one it cannot parse before one it cannot open: 247 and 252 stop at "
                + "the first; 257 and 262 open every file before they read any, so they read none, because of the one "
                + "they cannot open (seen with 247's, 257's and 262's resolved in chroots: 10-early.conf's server in "
                + "force on 247 only; 257 and 262 log 'Failed to open .../60-closed.conf')")
        void aFileItCannotOpenWinsOverAnEarlierBrokenOne() throws IOException {
            Files.write(etc.resolve("20-bad.conf"), new byte[] {(byte) 0xff, 0, 1, 2, '\n'});
            Path closed = etc.resolve("30-closed.conf");
            Files.writeString(closed, "[Resolve]\nDNS=198.18.0.13\n");
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
            for (int version : new int[] {247, 252}) {
                List<SettingsFile> files = scanned(version);
                assertEquals(List.of(Outcome.IN_FORCE, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(files),
                        "on " + version);
                assertEquals("systemd-resolved stops reading at " + etc.resolve("20-bad.conf"),
                        file(files, "zzz-2late.conf").unread());
            }
            for (int version : new int[] {257, 262}) {
                List<SettingsFile> files = scanned(version);
                assertEquals(List.of(Outcome.NOT_READ, Outcome.NOT_READ, Outcome.NOT_READ), dnsOutcomes(files),
                        "on " + version);
                assertEquals("systemd-resolved reads no settings file because of " + closed,
                        file(files, "10-early.conf").unread(), "on " + version);
            }
        }

        @Test
        @DisplayName("two files resolved's user cannot open: 257 and 262 fail at the first in sort order (seen with "
                + "257's and 262's resolved in chroots: 'Failed to open .../50-closed.conf', not 60-closed.conf)")
        void ofTwoClosedFilesTheFirstIsWhereItFails() throws IOException {
            Path first = etc.resolve("20-closed.conf");
            Path second = etc.resolve("30-closed.conf");
            for (Path f : List.of(second, first)) {
                Files.writeString(f, "[Resolve]\nDNS=198.18.0.13\n");
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            }
            for (int version : new int[] {257, 262}) {
                assertEquals("systemd-resolved reads no settings file because of " + first,
                        file(scanned(version), "10-early.conf").unread(), "on " + version);
            }
        }

        private List<SettingsFile> scanned(int version) {
            return new LinuxDetails(version, new org.port853.core.ResolvConfState(
                    org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                    List.of("127.0.0.53")), DropInScanner.scan(LinuxPaths.under(root), version)).settingsFiles();
        }

        /** What became of DNS= in 10-early.conf, Port853's file and zzz-2late.conf, in that order. */
        private static List<Outcome> dnsOutcomes(List<SettingsFile> files) {
            return java.util.stream.Stream.of("10-early.conf", LinuxPaths.DROP_IN_NAME, "zzz-2late.conf")
                    .map(name -> file(files, name).settings().stream().filter(x -> x.key().equals("DNS")).findFirst()
                            .orElseThrow().outcome()).toList();
        }

        private static SettingsFile file(List<SettingsFile> files, String name) {
            return files.stream().filter(f -> f.path().endsWith("/" + name)).findFirst().orElseThrow();
        }
    }

    /** The drop-ins as LinuxDetails gives them to status. */
    private static List<SettingsFile> files(List<DropIn> dropIns) {
        return new LinuxDetails(252, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns).settingsFiles();
    }
}
