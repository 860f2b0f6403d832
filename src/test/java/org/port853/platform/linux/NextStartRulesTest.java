package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.PendingChange;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.core.StateSource;
import org.port853.core.Verdict;

/**
 * systemd-resolved reads its settings files only when it starts: a file edited or removed since says what it will do
 * after its next restart or the next boot, which may not be what it does now.
 */
class NextStartRulesTest {
    private static final String DIR = "/etc/systemd/resolved.conf.d/";
    private static final DropIn OURS_STRICT = new DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false,
            Map.of("DNS", "198.18.0.2#dot.test", "DNSOverTLS", "yes", "Domains", "~."), null);

    private static ResolverState state(DotMode running, List<DropIn> dropIns, String mainConfValue, String builtIn,
                                       PendingChange pending) {
        return state(running, dropIns, mainConfValue, builtIn, pending, true);
    }

    private static ResolverState state(DotMode running, List<DropIn> dropIns, String mainConfValue, String builtIn,
                                       PendingChange pending, boolean filesChanged) {
        List<ServerAddress> servers = List.of(ServerAddress.parse("198.18.0.2#dot.test"));
        GlobalState g = new GlobalState(servers, List.of(), servers.get(0), running, DnssecMode.NO, true,
                List.of(new org.port853.core.DomainEntry("~.", true)), "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), pending, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, LinuxPaths.STUB_RESOLV_CONF,
                        List.of("127.0.0.53")), dropIns, null, true, mainConfValue, false, null, null,
                        LinuxDetails.MAIN_CONF, builtIn, filesChanged));
    }

    private static ResolverState state(DotMode running, List<DropIn> dropIns, String mainConfValue, String builtIn) {
        return state(running, dropIns, mainConfValue, builtIn, null);
    }

    private static Assessment assess(ResolverState s) {
        return Assessor.assess(s, new LinuxRules().assess(s));
    }

    private static Reason reason(Assessment a, String code) {
        return a.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }

    @Test
    @DisplayName("Port853's drop-in deleted by hand, the resolver not restarted: strict now, off at the next start (a risk)")
    void strictOnlyUntilTheNextStart() {
        Assessment a = assess(state(DotMode.STRICT, List.of(), null, "no"));
        Reason r = reason(a, "DOT_AT_NEXT_START");
        assertNotNull(r, a.reasons().toString());
        assertEquals(Severity.WARNING, r.severity());
        assertEquals("systemd-resolved runs with DNS-over-TLS strict only until it restarts: no settings file sets "
                + "DNSOverTLS= (its built-in default is no), so after its next restart or the next boot DNS-over-TLS is "
                + "off, and no settings file names a DNS server and no network gives one, so names then go to "
                + "resolved's built-in fallback servers, if it has any, or do not resolve.", r.message());
        assertEquals(List.of("0", "", "no", "2", "0", "2", "0", ""), r.details());
        assertEquals(Verdict.PARTIAL, a.verdict(), "protected now, not after a restart");
        assertEquals(org.port853.core.FixAction.ENABLE_DOT, r.fixAction(), "Port853's drop-in, written again, keeps it");
    }

    @Test
    @DisplayName("Port853's drop-in deleted by hand: its servers go too at the next start; names then go to what is left "
            + "(the networks' servers, or resolved.conf's), said as it is")
    void theServersGoWithTheDropIn() {
        org.port853.core.LinkState dhcp = new org.port853.core.LinkState(2, "eth0",
                List.of(ServerAddress.parse("198.18.0.9")), null, null, List.of(), true, null);
        ResolverState s = state(DotMode.STRICT, List.of(), null, "no");
        ResolverState withLink = new ResolverState(s.resolverName(), s.source(), true, true, s.global(), List.of(dhcp),
                null, null, s.platform());
        Reason r = reason(assess(withLink), "DOT_AT_NEXT_START");
        assertNotNull(r);
        assertTrue(r.message().endsWith("DNS-over-TLS is off, and no settings file names a DNS server, so names then go "
                + "only to the networks' own servers (per connection)."), r.message());
        LinuxDetails d = (LinuxDetails) s.platform();
        ResolverState mainNames = new ResolverState(s.resolverName(), s.source(), true, true, s.global(), List.of(),
                null, null, new LinuxDetails(d.systemdVersion(), d.resolvConf(), d.dropIns(), null, true, null, false,
                        null, null, LinuxDetails.MAIN_CONF, "no", true, null, false, null, "198.18.0.7"));
        Reason kept = reason(assess(mainNames), "DOT_AT_NEXT_START");
        assertTrue(kept.message().endsWith("DNS-over-TLS is off."), kept.message());
    }

    @Test
    @DisplayName("a file resolved cannot read hides Port853's drop-in at the next start: no one-click 'turn encryption "
            + "on' (apply refuses it), the advice names that file to fix first")
    void aFileThatHidesOursIsFixedFirst() {
        for (DropIn.Stop stop : List.of(DropIn.Stop.HERE, DropIn.Stop.ALL_FILES)) {
            DropIn closed = new DropIn(DIR + (stop == DropIn.Stop.HERE ? "10-closed.conf" : "zzzz-closed.conf"), false,
                    false, Map.of(), "not readable by systemd-resolved's user systemd-resolve (mode 0600, owner root)",
                    true, null, java.util.Set.of(), false, stop);
            List<DropIn> dropIns = stop == DropIn.Stop.HERE ? List.of(closed, OURS_STRICT) : List.of(OURS_STRICT, closed);
            Reason r = reason(assess(state(DotMode.STRICT, dropIns, null, "no")), "DOT_AT_NEXT_START");
            assertNotNull(r, stop.toString());
            assertEquals(null, r.fixAction(), stop + ": apply is refused while that file hides Port853's");
            assertEquals("First make " + closed.path() + " readable for systemd-resolved, or correct or remove it: it "
                    + "stops reading settings files there, so it would ignore Port853's settings too. Then turn on "
                    + "encryption again (strict mode with a provider).", r.fix());
            assertEquals(List.of("1", closed.path()), r.details().subList(6, 8), r.details().toString());
        }
        Reason free = reason(assess(state(DotMode.STRICT, List.of(), null, "no")), "DOT_AT_NEXT_START");
        assertEquals(List.of("0", ""), free.details().subList(6, 8), "no such file: the one click stays");
    }

    @Test
    @DisplayName("two files hide Port853's, one resolved cannot parse and a later one it cannot open (253+): the advice "
            + "names the one resolved fails on now")
    void theFileResolvedFailsOnIsFixedFirst() {
        DropIn garbage = new DropIn(DIR + "50-garbage.conf", false, false, Map.of(), "line 1 is not valid UTF-8", true,
                null, java.util.Set.of(), false, DropIn.Stop.HERE);
        DropIn closed = new DropIn(DIR + "60-closed.conf", false, false, Map.of(), "permission denied", true, null,
                java.util.Set.of(), false, DropIn.Stop.ALL_FILES_AT_OPENING);
        Reason r = reason(assess(state(DotMode.STRICT, List.of(garbage, closed, OURS_STRICT), null, "no")),
                "DOT_AT_NEXT_START");
        assertNotNull(r);
        assertEquals(List.of("1", closed.path()), r.details().subList(6, 8), r.details().toString());
    }

    @Test
    @DisplayName("a file makes resolved read no settings file and resolved.conf has no '#DNSOverTLS=' comment: the next "
            + "start is still predicted, on systemd's built-in default, and said to be that")
    void noFileReadWithoutTheComment() {
        DropIn closed = new DropIn(DIR + "zzzz-closed.conf", false, false, Map.of(), "cannot open", true, null,
                java.util.Set.of(), false, DropIn.Stop.ALL_FILES_AT_OPENING);
        Reason r = reason(assess(state(DotMode.STRICT, List.of(OURS_STRICT, closed), null, null)), "DOT_AT_NEXT_START");
        assertNotNull(r);
        assertTrue(r.message().contains(": systemd-resolved reads no settings file (systemd's built-in default is no, "
                + "unless this build changed it), so after its next restart or the next boot DNS-over-TLS is off"),
                r.message());
        assertEquals(List.of("2", "", "no"), r.details().subList(0, 3));
    }

    @Test
    @DisplayName("a file read after Port853's sets DNSOverTLS=opportunistic: named, with the mode it brings")
    void weakerFileIsNamed() {
        DropIn later = new DropIn(DIR + "zz-vendor.conf", false, false, Map.of("DNSOverTLS", "opportunistic"), null);
        Reason r = reason(assess(state(DotMode.STRICT, List.of(OURS_STRICT, later), null, "no")), "DOT_AT_NEXT_START");
        assertNotNull(r);
        assertTrue(r.message().contains(DIR + "zz-vendor.conf sets DNSOverTLS=opportunistic")
                && r.message().endsWith("DNS-over-TLS is opportunistic."), r.message());
        assertEquals(List.of("1", DIR + "zz-vendor.conf", "opportunistic", "2", "1", "0", "0", ""), r.details(),
                "Port853's drop-in still names the servers");
        assertEquals(null, r.fixAction(), "read after Port853's drop-in, that file wins over it: no change would help");
    }

    @Test
    @DisplayName("resolved.conf edited to DNSOverTLS=yes without a restart: off now, and a restart turns it on (information)")
    void strongerFileWaitsForARestart() {
        Assessment a = assess(state(DotMode.OFF, List.of(), "yes", "no"));
        Reason r = reason(a, "DOT_SETTINGS_NOT_READ");
        assertNotNull(r, a.reasons().toString());
        assertEquals(Severity.INFO, r.severity());
        assertEquals("/etc/systemd/resolved.conf sets DNSOverTLS=yes, but systemd-resolved has not read that yet: it "
                + "runs with DNS-over-TLS off until it restarts.", r.message());
        assertTrue(r.fix().contains("systemctl restart systemd-resolved"), r.fix());
        assertTrue(reason(a, "DOT_OFF") != null, "still off now: said as it is");
    }

    @Test
    @DisplayName("nothing is said where the files and the running resolver agree, or where what the files say is not known")
    void quietWhenInStepOrUnknown() {
        List<String> codes = List.of("DOT_AT_NEXT_START", "DOT_SETTINGS_NOT_READ");
        for (ResolverState s : List.of(
                state(DotMode.STRICT, List.of(OURS_STRICT), null, "no"), // Port853's drop-in, loaded
                state(DotMode.OFF, List.of(), null, "no"), // nothing set, default off
                state(DotMode.STRICT, List.of(), null, null), // default not known (no comment in resolved.conf)
                state(DotMode.STRICT, List.of(), null, "no", null, false), // no file changed since it started
                state(DotMode.STRICT, List.of(new DropIn(DIR + "10-x.conf", false, false, Map.of(), "Permission denied")),
                        null, "no"), // a file that could not be read might set it
                state(DotMode.STRICT, List.of(), null, "no", new PendingChange("id", java.time.Instant.EPOCH,
                        "DNS-over-TLS strict with 1 server(s)", true)))) {
            Assessment a = assess(s);
            assertTrue(a.reasons().stream().noneMatch(r -> codes.contains(r.code())), s + " -> " + a.reasons());
        }
    }

    @Test
    @DisplayName("the built-in default is read from the main file's comment, as systemd ships it ('#DNSOverTLS=no')")
    void builtInDefaultFromTheComment(@TempDir Path dir) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("etc/systemd")).resolve("resolved.conf");
        Files.writeString(conf, "[Resolve]\n# Some examples of DNS servers\n#DNS=\n#DNSOverTLS=no\n#DNSSEC=no\n");
        LinuxPaths paths = LinuxPaths.under(dir);
        assertEquals("no", ResolvedConfFiles.commentedDefault(ResolvedConfFiles.mainFileText(paths, 252), "DNSOverTLS"));
        Files.writeString(conf, "[Resolve]\nDNS=192.0.2.1\n");
        assertEquals(null, ResolvedConfFiles.commentedDefault(ResolvedConfFiles.mainFileText(paths, 252), "DNSOverTLS"));
        Files.writeString(conf, "[Resolve]\n#DNSOverTLS=no\n#DNSOverTLS=yes\n");
        assertEquals(null, ResolvedConfFiles.commentedDefault(ResolvedConfFiles.mainFileText(paths, 252), "DNSOverTLS"),
                "an administrator's own comment beside systemd's: neither can be trusted to be the default");
        Files.writeString(conf, "[Resolve]\n#DNSOverTLS=perhaps\n");
        assertEquals(null, ResolvedConfFiles.commentedDefault(ResolvedConfFiles.mainFileText(paths, 252), "DNSOverTLS"));
    }

    @Test
    @DisplayName("a settings file counts as changed since the resolver started when it, or a drop-in folder, is newer")
    void changedSinceTheResolverStarted(@TempDir Path dir) throws Exception {
        LinuxPaths paths = LinuxPaths.under(dir);
        Path conf = Files.createDirectories(dir.resolve("etc/systemd")).resolve("resolved.conf");
        Files.writeString(conf, "[Resolve]\n");
        Path dropInDir = Files.createDirectories(paths.ourDropIn().getParent());
        java.time.Instant t = java.time.Instant.parse("2026-12-01T10:00:00Z");
        for (Path p : List.of(conf, dropInDir)) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(t));
        }
        assertFalse(ResolvedConfFiles.changedSince(t.plusSeconds(1), paths, 252, List.of()), "all older than its start");
        assertTrue(ResolvedConfFiles.changedSince(t.minusSeconds(1), paths, 252, List.of()));
        assertFalse(ResolvedConfFiles.changedSince(null, paths, 252, List.of()), "a start not known: nothing said");
        Path dropIn = Files.writeString(dropInDir.resolve("50-admin.conf"), "[Resolve]\nDNSOverTLS=yes\n");
        Files.setLastModifiedTime(dropInDir, java.nio.file.attribute.FileTime.from(t));
        assertTrue(ResolvedConfFiles.changedSince(t.plusSeconds(1), paths, 252,
                List.of(new DropIn(dropIn.toString(), false, false, Map.of("DNSOverTLS", "yes"), null))),
                "a drop-in edited in place after the start");
    }
}
