package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ItemSnapshot;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.ServerAddress;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;

class ResolvedPlannerTest {
    @TempDir
    Path root;
    LinuxPaths paths;
    ResolvedPlanner planner;

    static final DesiredSettings STRICT = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
            DotMode.STRICT, DnssecMode.NO, true, List.of());
    static final DesiredSettings OPPORTUNISTIC = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9")),
            DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of());
    static final DesiredSettings OFF = new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false, List.of());

    @BeforeEach
    void setUp() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        planner = new ResolvedPlanner(paths);
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {
        @Test
        void strictOnSystemd245() {
            Plan p = planner.plan(STRICT, 245, List.of(), false);
            assertTrue(p.isRefused());
            assertTrue(p.refusal().contains("246") && p.refusal().contains("245"), p.refusal());
            assertTrue(p.files().isEmpty() && p.actions().isEmpty());
            assertFalse(planner.plan(OPPORTUNISTIC, 245, List.of(), false).isRefused());
        }

        @Test
        void dotOnSystemd238() {
            assertTrue(planner.refusal(OPPORTUNISTIC, 238, List.of()).orElseThrow().contains("239"));
            assertTrue(planner.refusal(OFF, 238, List.of()).isEmpty());
            assertTrue(planner.refusal(STRICT, 0, List.of()).isEmpty(), "unknown version is not refused");
        }

        @Test
        void overridingDropIn() {
            DropIn later = new DropIn("/etc/systemd/resolved.conf.d/zzz.conf", false, true, Map.of("DNS", "1.1.1.1"), null);
            Plan p = planner.plan(STRICT, 252, List.of(later), false);
            assertTrue(p.isRefused());
            assertTrue(p.refusal().contains("zzz.conf"), p.refusal());
        }

        @Test
        @DisplayName("where systemd-resolved stops reading before a later file that would override ours, or reads no "
                + "file at all, the refusal names the file where it stops")
        void aStopBeforeTheOverridingFileIsNamed() {
            String dir = "/etc/systemd/resolved.conf.d/";
            DropIn ours = new DropIn(dir + LinuxPaths.DROP_IN_NAME, true, false, Map.of("DNSOverTLS", "yes"), null);
            DropIn bad = new DropIn(dir + "zzz-1bad.conf", false, false, Map.of(), "line 2 is not valid UTF-8", false,
                    null, java.util.Set.of(), false, DropIn.Stop.HERE);
            DropIn vpn = new DropIn(dir + "zzz-2vpn.conf", false, true, Map.of("DNSOverTLS", "no"), null);
            String past = planner.refusal(STRICT, 252, List.of(ours, bad, vpn)).orElseThrow();
            assertTrue(past.contains(bad.path()) && past.contains(vpn.path()) && past.contains("stops reading"), past);

            DropIn vpnFirst = new DropIn(dir + "zzz-1vpn.conf", false, true, Map.of("DNSOverTLS", "no"), null);
            DropIn closed = new DropIn(dir + "zzz-2closed.conf", false, false, Map.of(), "permission denied", true, null,
                    java.util.Set.of(), false, DropIn.Stop.ALL_FILES);
            String none = planner.refusal(STRICT, 257, List.of(ours, vpnFirst, closed)).orElseThrow();
            assertTrue(none.contains(closed.path()), none);
        }

        @Test
        @DisplayName("from 253, of a file resolved cannot parse and a later one it cannot open, both before ours, the "
                + "refusal names the one it fails on now: fixing the earlier one alone changes nothing")
        void theFileResolvedFailsOnIsNamedFirst() {
            String dir = "/etc/systemd/resolved.conf.d/";
            DropIn garbage = new DropIn(dir + "50-garbage.conf", false, false, Map.of(), "line 1 is not valid UTF-8",
                    true, null, java.util.Set.of(), false, DropIn.Stop.HERE);
            DropIn closed = new DropIn(dir + "60-closed.conf", false, false, Map.of(), "permission denied", true, null,
                    java.util.Set.of(), false, DropIn.Stop.ALL_FILES_AT_OPENING);
            String refusal = planner.refusal(STRICT, 257, List.of(garbage, closed)).orElseThrow();
            assertTrue(refusal.contains(closed.path()) && !refusal.contains(garbage.path()), refusal);
            DropIn closedBefore253 = new DropIn(closed.path(), false, false, Map.of(), "permission denied", true, null,
                    java.util.Set.of(), false, DropIn.Stop.HERE);
            String older = planner.refusal(STRICT, 252, List.of(garbage, closedBefore253)).orElseThrow();
            assertTrue(older.contains(garbage.path()), "before 253 resolved stops at the first: " + older);
        }

        @Test
        @DisplayName("a drop-in resolved fails on before ours (it then ignores ours too) is named, for every mode")
        void dropInThatHidesOurs() {
            DropIn dir = new DropIn("/etc/systemd/resolved.conf.d/60-dir.conf", false, false, Map.of(),
                    "a directory, not a file", true);
            for (DesiredSettings s : List.of(STRICT, OFF)) {
                Plan p = planner.plan(s, 252, List.of(dir), false);
                assertTrue(p.isRefused());
                assertTrue(p.refusal().contains("60-dir.conf (a directory, not a file)")
                        && p.refusal().contains("ignores Port853's drop-in too"), p.refusal());
                assertEquals("refused.drop-in-unreadable", p.refusalWords().wording(), p.refusal());
            }
            DropIn unreadable = new DropIn("/etc/systemd/resolved.conf.d/60-link.conf", false, false, Map.of(),
                    "a link to a missing file");
            assertFalse(planner.plan(STRICT, 252, List.of(unreadable), false).isRefused(), "resolved skips it");
        }

        /** The refusal as the window says it in {@code language} ("sudo " only where the user is not root). */
        String said(java.util.Locale language, Plan p) {
            return org.port853.ui.common.I18n.in(language, () -> org.port853.ui.apply.ChangeTexts.refusal(p));
        }

        @Test
        @DisplayName("a named pipe among the drop-ins is refused as one: resolved waits on it when it starts, and does "
                + "not merely ignore Port853's drop-in")
        void dropInThatIsAPipe() throws Exception {
            Path pipe = paths.ourDropIn().resolveSibling("50-x.conf");
            assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
            Plan p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> planner.plan(STRICT, 252, DropInScanner.scan(paths, 252), false));
            String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
            assertEquals("refused.drop-in-pipe", p.refusalWords().wording(), p.refusal());
            assertEquals("the drop-in " + pipe + " is a named pipe or device, not a file: systemd-resolved waits on it "
                    + "when it starts, so it would not start again after the change; move it away first (sudo mv " + pipe
                    + " " + pipe + ".old)", p.refusal());
            assertEquals(p.refusal().replace("sudo ", sudo), said(java.util.Locale.ENGLISH, p));
            assertEquals("die Drop-in-Datei " + pipe + " ist eine Named Pipe oder ein Gerät, keine Datei: systemd-resolved "
                    + "wartet beim Start darauf und würde nach der Änderung nicht wieder starten; verschieben Sie sie "
                    + "zuerst (" + sudo + "mv " + pipe + " " + pipe + ".old)", said(java.util.Locale.GERMAN, p));
        }

        @Test
        @DisplayName("a named pipe at Port853's own drop-in path is said to be there, not as another's drop-in that "
                + "hides Port853's")
        void pipeAtOurOwnPath() throws Exception {
            Path ours = paths.ourDropIn();
            assertEquals(0, new ProcessBuilder("mkfifo", ours.toString()).start().waitFor());
            Plan p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> planner.plan(STRICT, 252, DropInScanner.scan(paths, 252), false));
            String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
            assertEquals("refused.own-drop-in-unreadable", p.refusalWords().wording(), p.refusal());
            String error = "a named pipe or device, not a file";
            assertEquals(ours + " is the path of Port853's own drop-in, but what is there is no file systemd-resolved "
                    + "can read (" + error + "); move it away first (sudo mv " + ours + " " + ours + ".old), then "
                    + "Port853 writes its drop-in there", p.refusal());
            assertEquals(p.refusal().replace("sudo ", sudo), said(java.util.Locale.ENGLISH, p));
            assertEquals(ours + " ist der Pfad der Drop-in-Datei von Port853, aber was dort liegt, ist keine Datei, die "
                    + "systemd-resolved lesen kann („" + error + "“); verschieben Sie es zuerst (" + sudo + "mv " + ours + " "
                    + ours + ".old), dann schreibt Port853 seine Drop-in-Datei dorthin", said(java.util.Locale.GERMAN, p));
            for (String text : List.of(p.refusal(), said(java.util.Locale.ENGLISH, p))) {
                assertFalse(text.contains("ignores Port853's drop-in too"), text);
            }
        }

        @Test
        @DisplayName("Port853's drop-in directory that resolved's user cannot list is refused up front, also while empty; "
                + "removing Port853's settings is not")
        void dropInDirectoryResolvedCannotList() throws IOException {
            Path dir = paths.ourDropIn().getParent();
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            assertFalse(planner.plan(STRICT, 252, List.of(), false).isRefused(), "no such user: nothing checked");
            Files.writeString(paths.etc().resolve("passwd"), ResolvedUser.NAME + ":x:999999:999998::/:/usr/sbin/nologin\n");
            for (DesiredSettings s : List.of(STRICT, OPPORTUNISTIC)) {
                Plan p = planner.plan(s, 257, List.of(), false);
                assertTrue(p.isRefused(), "an empty directory too");
                assertEquals("refused.drop-in-dir-closed", p.refusalWords().wording(), p.refusal());
                assertTrue(p.refusal().startsWith("systemd-resolved would not see Port853's drop-in in " + dir
                        + ": systemd-resolved's user systemd-resolve cannot list it (mode 0700, owner "), p.refusal());
                assertTrue(p.refusal().endsWith("(chmod 0755 " + dir + ")"), p.refusal());
            }
            assertFalse(planner.plan(OFF, 257, List.of(), false).isRefused(), "removing ours needs no listing");
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            assertFalse(planner.plan(STRICT, 257, List.of(), false).isRefused());
        }

        @Test
        @DisplayName("Port853's drop-in directory that is a file or a symbolic link is refused when planned (a dry run "
                + "showed a plan, and the write then failed with 'exists and is not a directory'); reverting is not")
        void dropInDirectoryThatIsNoDirectory() throws IOException {
            Path dir = paths.ourDropIn().getParent();
            Files.delete(dir);
            Files.writeString(dir, "[Resolve]\n");
            Plan p = planner.plan(STRICT, 252, List.of(), false);
            assertEquals("refused.drop-in-dir-not-dir", p.refusalWords().wording(), p.refusal());
            assertEquals(dir + " is a file, not a directory (systemd-resolved ignores it), so Port853's drop-in cannot go "
                    + "in it: move it away first (sudo mv " + dir + " " + dir + ".old)", p.refusal());
            assertFalse(planner.plan(OFF, 252, List.of(), false).isRefused());
            Files.delete(dir);
            Files.createDirectories(root.resolve("elsewhere"));
            Files.createSymbolicLink(dir, root.resolve("elsewhere"));
            p = planner.plan(STRICT, 252, List.of(), false);
            assertEquals("refused.drop-in-dir-symlink", p.refusalWords().wording(), p.refusal());
            assertEquals(dir + " is a symbolic link; Port853 will not write its drop-in through it: replace the link "
                    + "with a directory first", p.refusal());
        }

        @Test
        @DisplayName("a named pipe as resolved.conf is refused, by the dry run as by the helper, at once: the apply's "
                + "restart hung on it (resolved waits on the pipe), and the change failed after a rollback that could "
                + "not restart it either")
        void mainFileThatIsAPipe() throws Exception {
            Path main = paths.mainConf();
            Files.createDirectories(main.getParent());
            assertEquals(0, new ProcessBuilder("mkfifo", main.toString()).start().waitFor());
            String refusal = main + " is a named pipe or device, not a file: systemd-resolved waits on it when it "
                    + "starts, so it would not start again after the change; move it away first (sudo mv " + main + " "
                    + main + ".old)";
            Plan p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> planner.plan(STRICT, 252, DropInScanner.scan(paths, 252), false));
            assertEquals("refused.main-conf-pipe", p.refusalWords().wording(), p.refusal());
            assertEquals(refusal, p.refusal());
            assertEquals(refusal, new LinuxChange(paths, 252, () -> "yes").refusalSaid(org.port853.helper.HelperRequest
                    .apply(STRICT, false)).orElseThrow().english(), "the helper refuses the same");
            Files.delete(main);
            Files.writeString(main, "[Resolve]\n");
            assertFalse(planner.plan(STRICT, 252, DropInScanner.scan(paths, 252), false).isRefused());
        }

        @Test
        void symlinkedDropInPath() throws IOException {
            Files.writeString(root.resolve("elsewhere"), "x");
            Files.createSymbolicLink(paths.ourDropIn(), root.resolve("elsewhere"));
            Plan p = planner.plan(STRICT, 252, List.of(), false);
            assertTrue(p.isRefused());
            assertTrue(p.refusal().contains("symbolic link"), p.refusal());
        }
    }

    @Test
    void newDropInPlan() {
        Plan p = planner.plan(STRICT, 252, List.of(), false);
        assertNull(p.refusal());
        assertEquals(1, p.files().size());
        FileChange c = p.files().get(0);
        assertEquals(paths.ourDropIn().toString(), c.path());
        assertNull(c.before());
        assertEquals(DropInRenderer.render(STRICT), c.after());
        assertTrue(p.diff().startsWith("--- /dev/null\n+++ " + paths.ourDropIn() + "\n"), p.diff());
        assertTrue(p.diff().contains("+DNS=9.9.9.9#dns.quad9.net\n"));
        assertEquals(List.of("write " + paths.ourDropIn(), "systemctl enable systemd-resolved.service",
                "systemctl restart systemd-resolved.service",
                "health check: resolve a name through systemd-resolved and require an encrypted answer; roll back if it fails"),
                p.actions());
        assertFalse(Files.exists(paths.ourDropIn()), "planning writes nothing");
    }

    @Test
    void reloadWhereSupported() {
        Plan p = planner.plan(OPPORTUNISTIC, 256, List.of(), false);
        assertTrue(p.actions().contains("systemctl reload-or-restart systemd-resolved.service"), p.actions().toString());
        assertFalse(p.actions().get(3).contains("encrypted answer"));
    }

    @Test
    void unchangedWhenTheFileAlreadyHasTheContent() throws IOException {
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(STRICT));
        Plan p = planner.plan(STRICT, 252, List.of(), false);
        assertTrue(p.changesNothing());
        assertTrue(p.actions().isEmpty());
        assertEquals("", p.diff());
    }

    @Test
    @DisplayName("settings in place with systemd-resolved stopped: no file changes, but it is started and checked")
    void inPlaceWithTheResolverStoppedStartsIt() throws IOException {
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(STRICT));
        Plan p = planner.plan(STRICT, 252, List.of(), false, false, true);
        assertFalse(p.changesNothing(), "the apply would do something");
        assertFalse(p.changesFiles());
        assertEquals("", p.diff());
        assertEquals(List.of("systemctl restart systemd-resolved.service (it is not running)",
                "health check: resolve a name through systemd-resolved; the settings were already in place, so nothing "
                        + "is rolled back"), p.actions());
        Files.delete(paths.ourDropIn());
        assertTrue(planner.plan(OFF, 252, List.of(), false, false, true).changesNothing(),
                "turned off, a stopped resolver is left alone");
    }

    @Test
    @DisplayName("turned off but resolv.conf's link to the stub asked for and in place: a stopped resolver is started, "
            + "as the change engine does (the link needs it)")
    void offWithTheStubLinkInPlaceStartsAStoppedResolver() throws IOException {
        Files.createSymbolicLink(paths.resolvConf(), Path.of(LinuxPaths.STUB_RESOLV_CONF));
        List<ItemSnapshot> targets = planner.targetFiles(OFF, true, 252);
        assertTrue(org.port853.change.ItemSnapshots.needRunningResolver(targets), "the engine would start it");
        Plan p = planner.plan(OFF, 252, List.of(), true, false, true);
        assertFalse(p.changesFiles());
        assertEquals("systemctl restart systemd-resolved.service (it is not running)", p.actions().get(0));
    }

    @Test
    void changedFileGivesALineDiff() throws IOException {
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(OPPORTUNISTIC));
        Plan p = planner.plan(STRICT, 252, List.of(), false);
        assertFalse(p.changesNothing());
        assertTrue(p.diff().contains("-DNSOverTLS=opportunistic\n") && p.diff().contains("+DNSOverTLS=yes\n"), p.diff());
    }

    @Test
    void offRemovesOurFile() throws IOException {
        assertTrue(planner.plan(OFF, 252, List.of(), false).changesNothing(), "absent and stays absent");
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(STRICT));
        Plan p = planner.plan(OFF, 252, List.of(), false);
        assertNull(p.files().get(0).after());
        assertTrue(p.diff().contains("+++ /dev/null"));
        assertEquals("remove " + paths.ourDropIn(), p.actions().get(0), "the file is removed, not written");
        assertEquals(org.port853.core.Words.of("plan.remove", paths.ourDropIn()), p.actionWords().get(0));
        assertEquals(List.of(FileItemStore.absent(paths.ourDropIn())), planner.targetFiles(OFF, false));
    }

    @Test
    @DisplayName("the revert's plan lists what revert does: remove, restart, a check that rolls nothing back (no enable)")
    void revertPlanListsTheRevertsSteps() throws IOException {
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(STRICT));
        Plan p = planner.plan(OFF, 252, List.of(), false);
        assertEquals(List.of("remove " + paths.ourDropIn(), "systemctl restart systemd-resolved.service",
                "check that names resolve with the restored settings; nothing is rolled back"), p.actions());
        assertEquals(org.port853.core.Words.of("plan.revert-check"), p.actionWords().get(2));
    }

    @Test
    @DisplayName("the revert's plan with systemd-resolved stopped: remove ours, and leave it stopped (no start, no check)")
    void revertPlanLeavesAStoppedResolverStopped() throws IOException {
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(STRICT));
        Plan p = planner.plan(OFF, 252, List.of(), false, false, true);
        assertEquals(List.of("remove " + paths.ourDropIn(), "leave the resolver stopped, as it was: it reads the "
                + "restored settings when it next starts"), p.actions());
        assertEquals(org.port853.core.Words.of("step.stopped-left"), p.actionWords().get(1));
    }

    @Test
    void linkResolvConf() throws IOException {
        Files.writeString(paths.resolvConf(), "nameserver 8.8.8.8\n");
        Plan p = planner.plan(STRICT, 252, List.of(), true);
        assertEquals(2, p.files().size());
        FileChange rc = p.files().get(1);
        assertEquals(paths.resolvConf().toString(), rc.path());
        assertEquals("nameserver 8.8.8.8\n", rc.before());
        assertEquals("-> " + LinuxPaths.STUB_RESOLV_CONF + "\n", rc.after());
        assertTrue(p.actions().contains("write " + paths.resolvConf()));
        assertEquals(FileItemStore.symlink(paths.resolvConf(), LinuxPaths.STUB_RESOLV_CONF),
                planner.targetFiles(STRICT, true).get(1));
    }

    @Nested
    @DisplayName("linking resolv.conf names what the old file set that the stub file does not")
    class DroppedByTheLink {
        @Test
        @DisplayName("search domains resolved does not search, and options the stub does not set")
        void searchDomainsAndOptions() throws IOException {
            Files.writeString(paths.resolvConf(), "nameserver 10.0.0.1\nsearch corp.example home.arpa\noptions ndots:2 edns0\n");
            Plan p = planner.plan(STRICT, 252, List.of(), true, false, false, List.of("home.arpa"));
            List<String> notes = p.notes().stream().map(org.port853.core.Sentence::english).toList();
            assertEquals(List.of("the search domains corp.example of the current " + paths.resolvConf() + " are "
                    + "not among systemd-resolved's search domains, so after the link short names under them stop "
                    + "resolving (host no longer finds host.corp.example); to keep them, add Domains=corp.example under "
                    + "[Resolve] in a file such as " + paths.ourDropIn().resolveSibling("search-domains.conf")
                    + " before applying (or after it, then: sudo systemctl "
                    + "restart systemd-resolved; that file also stops systemd-resolved from taking the nameservers of "
                    + paths.resolvConf() + ", so remove it after a 'port853 revert')", "the options ndots:2 of the "
                    + "current " + paths.resolvConf() + " are "
                    + "dropped: the stub file sets only systemd-resolved's own (edns0 trust-ad)"), notes);
            assertEquals("plan.link-drops.search", p.notes().get(0).words().wording());
        }

        @Test
        @DisplayName("nothing when resolved searches the domains already (a link's or its configuration's)")
        void nothingWhenResolvedSearchesThem() throws IOException {
            Files.writeString(paths.resolvConf(), "search a.example\ndomain Home.Arpa.\nnameserver 10.0.0.1\n");
            assertTrue(planner.plan(STRICT, 252, List.of(), true, false, false, List.of("home.arpa")).notes().isEmpty(),
                    "the last of search and domain wins");
            Files.writeString(paths.resolvConf(), "search corp.example\nnameserver 10.0.0.1\n");
            Files.writeString(paths.mainConf(), "[Resolve]\nDomains=corp.example ~.\n");
            assertTrue(planner.plan(STRICT, 252, List.of(), true).notes().isEmpty());
        }

        @Test
        @DisplayName("nothing without the link, or where resolv.conf leads to the stub already")
        void nothingWithoutANewLink() throws IOException {
            Files.writeString(paths.resolvConf(), "search corp.example\nnameserver 10.0.0.1\n");
            assertTrue(planner.plan(STRICT, 252, List.of(), false).notes().stream()
                    .noneMatch(n -> n.words().wording().startsWith("plan.link-drops")));
            Files.delete(paths.resolvConf());
            Files.createSymbolicLink(paths.resolvConf(), Path.of(LinuxPaths.STUB_RESOLV_CONF));
            assertTrue(planner.plan(STRICT, 252, List.of(), true).notes().isEmpty());
        }
    }

    @Nested
    @DisplayName("the drop-in's DNS= ends resolved's import of a foreign resolv.conf's search domains")
    class ImportedSearchDomainsEnd {
        @Test
        @DisplayName("a static file's search domains that resolved imports now are named, with the Domains= that keeps them")
        void namedWhenResolvedImportsThem() throws IOException {
            Files.writeString(paths.resolvConf(), "nameserver 10.0.0.1\nsearch corp.example lan.example\noptions ndots:2\n");
            Plan p = planner.plan(STRICT, 252, List.of(), false, false, false, List.of("lan.example"));
            assertEquals(List.of("systemd-resolved searches corp.example only because it takes them from "
                    + paths.resolvConf() + " while no resolved.conf sets DNS= or Domains=; Port853's drop-in sets "
                    + "them, so programs that ask systemd-resolved (NSS's resolve module, resolvectl) stop resolving "
                    + "short names under them (host no longer finds host.corp.example; programs that read "
                    + paths.resolvConf() + " still do); to keep them, add Domains=corp.example under [Resolve] in a "
                    + "file such as " + paths.ourDropIn().resolveSibling("search-domains.conf") + " before applying "
                    + "(or after it, then: sudo systemctl restart systemd-resolved; that file also stops "
                    + "systemd-resolved from taking the nameservers of " + paths.resolvConf() + ", so remove it after a "
                    + "'port853 revert')"),
                    p.notes().stream().map(org.port853.core.Sentence::english).toList());
            assertEquals("plan.imported-search", p.notes().get(0).words().wording());
        }

        @Test
        @DisplayName("nothing where a file sets DNS= or Domains= already (resolved does not import), or for resolved's own file")
        void nothingWhenResolvedDoesNotImport() throws IOException {
            Files.writeString(paths.resolvConf(), "search corp.example\nnameserver 10.0.0.1\n");
            Files.writeString(paths.mainConf(), "[Resolve]\nDNS=\n");
            assertTrue(planner.plan(STRICT, 252, List.of(), false).notes().isEmpty(), "an empty DNS= counts too");
            Files.delete(paths.mainConf());
            DropIn domains = new DropIn(paths.ourDropIn().resolveSibling("corp.conf").toString(), false, false,
                    Map.of("Domains", "corp.example"), null, false, null);
            assertTrue(planner.plan(STRICT, 252, List.of(domains), false).notes().isEmpty());
            Files.delete(paths.resolvConf());
            Files.createSymbolicLink(paths.resolvConf(), Path.of(LinuxPaths.UPLINK_RESOLV_CONF));
            assertTrue(planner.plan(STRICT, 252, List.of(), false).notes().isEmpty());
        }
    }
}
