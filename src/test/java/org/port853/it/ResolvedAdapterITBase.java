package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * The systemd-resolved adapter against a real systemd-resolved and real unbound DoT servers in network
 * namespaces (src/test/rig/rig.sh), once per systemd release of the matrix: each subclass names its version
 * ({@code ResolvedAdapter247IT}, ...) and holds the tests only that version has. Only systemctl is a stand-in
 * (there is no systemd as PID 1 here).
 */
abstract class ResolvedAdapterITBase {
    RigCli cli;

    /** The systemd release under test (RIG_SYSTEMD). */
    abstract int systemd();

    /** A desktop-like start: the router's plaintext DNS pushed on the link, as DHCP/NetworkManager would. */
    RigCli rig(int net) {
        cli = RigCli.start("p853a" + net, net, systemd(), Map.of("RIG_LINK_DNS", "198.18." + net + ".4"));
        return cli;
    }

    /** A start without the rig's own link settings: the test sets them at runtime, as NetworkManager would. */
    RigCli bareRig(int net) {
        cli = RigCli.start("p853a" + net, net, systemd(), Map.of());
        return cli;
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    @DisplayName("status reads the real state over D-Bus and explains the plaintext link")
    void statusReadsRealState() {
        RigCli c = rig(71);
        JsonNode s = c.json("status", "--json");
        assertEquals("dbus", s.path("source").asText());
        assertEquals(systemd(), s.path("systemdVersion").asInt(), "the release's own systemd, read by the adapter");
        assertEquals("off", s.path("global").path("dnsOverTls").asText());
        // no DNS= anywhere and resolv.conf links to the stub: the servers come from the link alone (on 247 the chrooted
        // resolved once read its root's own resolv.conf and took the build host's nameserver for a global server)
        assertEquals(0, s.path("global").path("servers").size(), s.path("global").toString());
        assertEquals("stub", s.path("global").path("resolvConfMode").asText(), s.path("global").toString());
        assertEquals("NOT_ENCRYPTED", s.path("assessment").path("verdict").asText());
        JsonNode eth0 = link(s, "eth0");
        assertEquals(c.rig.plainServer(), eth0.path("servers").get(0).path("address").asText());
        assertTrue(eth0.path("defaultRoute").asBoolean());
        assertEquals("STUB", s.path("resolvConf").path("kind").asText());
    }

    @Test
    @DisplayName("strict mode (the README's apply example, on a link with its own DNS server): names resolve, capture shows 853 and zero packets on 53")
    void strictModeEncryptsEverything() throws IOException {
        RigCli c = rig(72);
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"APPLIED\""), r.stdout());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());

        Path pcap = c.rig.dir().resolve("strict.pcap");
        c.rig.captureStart(pcap);
        for (String name : List.of("example.com", "www.example.org", "host.test")) {
            TestRig.ExecResult d = c.lookup(name);
            assertEquals(0, d.exitCode(), d.stdout());
            assertTrue(d.stdout().contains("198.51.100."), d.stdout());
        }
        c.rig.captureStop();
        assertTrue(Pcaps.toPort853(pcap, c.rig.goodServer()) > 0, "queries travel on 853");
        assertEquals(0, Pcaps.count(pcap, "udp.port==53 || tcp.port==53"), "nothing on port 53 leaves the client");

        JsonNode s = c.json("status", "--json");
        assertEquals("strict", s.path("global").path("dnsOverTls").asText());
        assertEquals("dot.test", s.path("global").path("servers").get(0).path("name").asText());
        Versions.assertProtectedAsFarAsProvable(systemd(), s);
    }

    @Test
    @DisplayName("strict mode with an untrusted certificate is rolled back and sends nothing on 53")
    void untrustedServerRollsBack() throws IOException {
        RigCli c = rig(73);
        Path pcap = c.rig.dir().resolve("untrusted.pcap");
        c.rig.captureStart(pcap);
        TestRig.ExecResult r = c.runTrustingRigCa("apply", "--server", c.rig.untrustedServer() + "#dot.test", "--mode",
                "strict", "--all-domains", "--json");
        c.rig.captureStop();
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"ROLLED_BACK\""), r.stdout());
        assertTrue(r.stdout().contains("rolled back: resolving "), r.stdout());
        assertTrue(r.stdout().contains("\"cause\" : {") && r.stdout().contains("\"id\" : \"tls.trusted\""),
                "the untrusted certificate is named as the cause: " + r.stdout());
        assertEquals(c.rig.untrustedServer() + "#dot.test", new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.stdout()).path("answered").path(0).asText(),
                "its TLS handshake is said as an answer: " + r.stdout());
        assertFalse(Files.exists(c.dropIn()), "the drop-in is gone again");
        assertEquals(0, Pcaps.toPort53(pcap, c.rig.untrustedServer()), "no plaintext to the distrusted server");
        assertTrue(Pcaps.toPort853(pcap, c.rig.untrustedServer()) > 0, "it did try TLS");
        assertEquals(0, c.lookup("example.com").exitCode(), "the previous (plaintext) DNS works again");
    }

    @Test
    @DisplayName("strict mode with the wrong server name is rolled back and sends nothing on 53")
    void wrongNameRollsBack() {
        RigCli c = rig(74);
        Path pcap = c.rig.dir().resolve("wrong-name.pcap");
        c.rig.captureStart(pcap);
        TestRig.ExecResult r = c.runTrustingRigCa("apply", "--server", c.rig.goodServer() + "#wrong.test", "--mode",
                "strict", "--all-domains");
        c.rig.captureStop();
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().startsWith("Rolled back: "), r.stderr());
        assertTrue(r.stderr().contains("\nWhy: " + c.rig.goodServer() + "#wrong.test: ") && r.stderr().contains(
                "wrong.test"), "the cause is named, not only that no server could be reached: " + r.stderr());
        assertTrue(r.stderr().contains("\nAnswered with a TLS handshake when checked after the rollback: "
                + c.rig.goodServer() + "#wrong.test.\n"), "the server that answered is named: " + r.stderr());
        assertFalse(Files.exists(c.dropIn()));
        assertTrue(Pcaps.toPort853(pcap, c.rig.goodServer()) > 0, "it tried TLS");
        assertEquals(0, Pcaps.toPort53(pcap, c.rig.goodServer()), "strict: no plaintext while the name did not match");
    }

    @Test
    @DisplayName("opportunistic mode falls back to port 53 when TLS fails, and the assessment says so")
    void opportunisticFallsBack() throws IOException {
        RigCli c = rig(75);
        // Control: with a working TLS server the same mode proves encryption, so the assertions below that tell a
        // fallback apart cannot also hold when TLS works.
        TestRig.ExecResult tls = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode",
                "opportunistic", "--all-domains", "--json");
        assertEquals(0, tls.exitCode(), tls.stdout() + tls.stderr());
        assertTrue(tls.stdout().contains("\"encryptedVerified\" : true"), tls.stdout());
        assertTrue(tls.stdout().contains("names resolve over an encrypted connection"), tls.stdout());
        assertFalse(codes(c.json("status", "--json")).contains("DOT_DOWNGRADED"), "no downgrade while TLS works");
        Path pcap = c.rig.dir().resolve("opportunistic.pcap");
        c.rig.captureStart(pcap);
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.plainServer() + "#dot.test", "--mode",
                "opportunistic", "--all-domains", "--json");
        assertEquals(0, c.lookup("example.com").exitCode());
        c.rig.captureStop();
        // in place, but not encrypted: not the exit code of a full success (README, exit codes)
        assertEquals(3, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("plaintext fallback"), r.stderr());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : false"), r.stdout());
        assertTrue(r.stdout().contains("the answer did not come over an encrypted connection"), r.stdout());
        assertTrue(Pcaps.toPort53(pcap, c.rig.plainServer()) > 0, "fell back to plaintext");
        assertTrue(r.stdout().contains("without encryption") || r.stdout().contains("packets on port 53"),
                "the result says the answer did not come over TLS: " + r.stdout());
        JsonNode s = c.json("status", "--json");
        assertTrue(codes(s).contains("OPPORTUNISTIC"), codes(s).toString());
        if (systemd() >= Versions.FIRST_TRANSPORT_FLAGS) {
            // the observed fallback is its own reason, and it is the truth: queries leave in plaintext
            assertEquals("NOT_ENCRYPTED", s.path("assessment").path("verdict").asText(), s.toString());
            assertTrue(codes(s).contains("DOT_DOWNGRADED"), codes(s).toString());
        } else {
            // 247 cannot say (no flags, and no journal in the rig): it never claims more than PARTIAL
            assertEquals("PARTIAL", s.path("assessment").path("verdict").asText(), s.toString());
            assertTrue(codes(s).contains("TRANSPORT_UNREPORTED"), codes(s).toString());
        }
    }

    @Test
    @DisplayName("applying the same settings twice is a no-op: same bytes, no restart (unless the resolver stopped)")
    void applyTwiceIsNoOp() throws IOException {
        RigCli c = rig(76);
        String[] args = {"apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict", "--all-domains"};
        assertEquals(0, c.run(args).exitCode());
        byte[] first = Files.readAllBytes(c.dropIn());
        long restarts = restarts(c);
        TestRig.ExecResult again = c.run(args);
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stdout().startsWith("Unchanged"), again.stdout());
        assertEquals(restarts, restarts(c), "no restart the second time");
        assertEquals(new String(first), Files.readString(c.dropIn()));
        TestRig.ExecResult exported = c.run("export", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--format", "resolved");
        assertEquals(settings(new String(first)), settings(exported.stdout()),
                "export gives fleets the very settings apply wrote (under a header that says how to undo them by hand)");
        assertTrue(exported.stdout().startsWith("# Exported by Port853"), exported.stdout());

        // The same settings again while the resolver is stopped: nothing resolves, so it is no no-op but a restart
        c.rig.exec(null, java.time.Duration.ofSeconds(20), "systemctl", "stop", "systemd-resolved.service");
        TestRig.ExecResult planned = c.run(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--dry-run")).toArray(String[]::new));
        assertEquals(0, planned.exitCode(), planned.stderr());
        assertTrue(planned.stdout().startsWith("No file changes: the settings are already in place.\n* systemctl ")
                && planned.stdout().contains(" systemd-resolved.service (it is not running)\n"), planned.stdout());
        TestRig.ExecResult stopped = c.run(args);
        assertEquals(0, stopped.exitCode(), stopped.stdout() + stopped.stderr());
        assertTrue(stopped.stdout().startsWith("Applied: the settings were already in place, but the resolver was not "
                + "running: restarted the resolver"), stopped.stdout());
        assertEquals(restarts + 1, restarts(c));
        Versions.assertProtectedAsFarAsProvable(systemd(), c.json("status", "--json"));
    }

    /** A drop-in without its leading comment lines. */
    private static String settings(String dropIn) {
        return dropIn.lines().dropWhile(l -> l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    @DisplayName("revert restores a foreign file we replaced, byte for byte, and resolv.conf's link")
    void revertRestoresBytes() throws IOException {
        RigCli c = rig(77);
        String foreign = "# someone else's file\r\n[Resolve]\nDNS=198.18.77.4\n\u00e9\n";
        Files.writeString(c.dropIn(), foreign);
        c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "rm /etc/resolv.conf && printf 'nameserver 198.18.77.4\\n' > /etc/resolv.conf");
        byte[] resolvConfBefore = Files.readAllBytes(c.rig.resolvConfFile());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--link-resolv-conf");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("STUB", c.json("status", "--json").path("resolvConf").path("kind").asText());
        TestRig.ExecResult rv = c.run("revert");
        assertEquals(0, rv.exitCode(), rv.stderr());
        assertEquals(foreign, Files.readString(c.dropIn()));
        assertTrue(java.util.Arrays.equals(resolvConfBefore, Files.readAllBytes(c.rig.resolvConfFile())));
        assertFalse(Files.isSymbolicLink(c.rig.resolvConfFile()));
        assertFalse(Files.exists(c.rig.stateDir().resolve("journal.json")), "nothing of ours is left");
        assertEquals(0, c.run("revert").exitCode());
        assertEquals(foreign, Files.readString(c.dropIn()), "a second revert leaves the restored file alone");
    }

    @Test
    @DisplayName("revert with DoT that another drop-in turns on removes nothing and says DoT stays on, set in that file")
    void revertSaysEncryptionSetOutsideStaysOn() throws IOException {
        RigCli c = rig(94);
        String admin = "[Resolve]\nDNS=" + c.rig.goodServer() + "#dot.test\nDNSOverTLS=opportunistic\n";
        Files.writeString(c.rig.dropInDir().resolve("50-admin.conf"), admin);
        c.rig.restartResolved();
        TestRig.ExecResult rv = c.run("revert");
        assertEquals(0, rv.exitCode(), rv.stdout() + rv.stderr());
        assertTrue(rv.stdout().contains("nothing to revert: Port853's changes are not in place") && rv.stdout().contains("(opportunistic) stays on")
                && rv.stdout().contains("/etc/systemd/resolved.conf.d/50-admin.conf"), rv.stdout());
        assertEquals(admin, Files.readString(c.rig.dropInDir().resolve("50-admin.conf")), "not Port853's to change");
        assertEquals("opportunistic", c.json("status", "--json").path("global").path("dnsOverTls").asText());
    }

    @Test
    @DisplayName("resolv.conf linked to the uplink file is explained, and --link-resolv-conf points it at the stub")
    void uplinkResolvConf() {
        RigCli c = rig(87);
        c.rig.exec(null, java.time.Duration.ofSeconds(10), "ln", "-sfn", "/run/systemd/resolve/resolv.conf",
                "/etc/resolv.conf");
        JsonNode before = c.json("status", "--json");
        assertEquals("UPLINK", before.path("resolvConf").path("kind").asText());
        assertTrue(codes(before).contains("RESOLV_CONF_UPLINK"), codes(before).toString());
        // the rig's /etc is this Debian's: its nsswitch.conf has "hosts: files dns", so the C library reads the file
        assertTrue(before.path("resolvConf").path("readByCLibrary").asBoolean(), before.toString());
        assertEquals("NOT_ENCRYPTED", before.path("assessment").path("verdict").asText(), before.toString());
        TestRig.ExecResult uncovered = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(3, uncovered.exitCode(), "works through the stub, but programs reading resolv.conf bypass it: "
                + uncovered.stdout() + uncovered.stderr());
        assertTrue(uncovered.stdout().contains("\"outcome\" : \"NOT_COVERED\""), uncovered.stdout());
        assertTrue(uncovered.stdout().contains("--link-resolv-conf"), uncovered.stdout());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--link-resolv-conf");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonNode after = c.json("status", "--json");
        assertEquals("STUB", after.path("resolvConf").path("kind").asText());
        Versions.assertProtectedAsFarAsProvable(systemd(), after);
        assertEquals(0, c.run("revert").exitCode());
        assertEquals("UPLINK", c.json("status", "--json").path("resolvConf").path("kind").asText());
    }

    @Test
    @DisplayName("an unprivileged user reads the state over D-Bus; a change without authorization writes nothing")
    void unprivilegedUser() {
        RigCli c = rig(88);
        // Whatever this machine has installed, inside the rig there is no installed helper (a build tree).
        c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "[ ! -d /usr/lib/port853 ] || mount -t tmpfs -o mode=0755 tmpfs /usr/lib/port853");
        TestRig.ExecResult status = c.runAsNobody("status", "--json");
        assertEquals(0, status.exitCode(), status.stderr());
        assertTrue(status.stdout().contains("\"source\" : \"dbus\""), status.stdout());
        TestRig.ExecResult apply = c.runAsNobody("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode",
                "strict", "--all-domains");
        assertEquals(1, apply.exitCode(), apply.stdout() + apply.stderr());
        assertEquals(1, apply.stderr().strip().lines().count(), apply.stderr());
        // In a build tree there is no installed helper: one sentence saying to use sudo, and pkexec is never
        // asked to run code from a user-writable tree.
        assertTrue(apply.stderr().contains("sudo"), apply.stderr());
        assertFalse(apply.stderr().contains("java"), apply.stderr());
        assertFalse(Files.exists(c.dropIn()));
        assertTrue(c.rig.systemctlLog().stream().noneMatch(l -> l.contains("restart")));
    }

    @Test
    @DisplayName("a stock Debian /etc without resolved.conf.d: apply creates it (0755), resolved reads our drop-in, "
            + "and revert removes it again")
    void createsTheDropInDirectory() {
        RigCli c = rig(89);
        TestRig.ExecResult stock = c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "umount /etc/systemd/resolved.conf.d && rmdir /etc/systemd/resolved.conf.d");
        assertEquals(0, stock.exitCode(), stock.stderr());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        TestRig.ExecResult dir = c.rig.exec(null, java.time.Duration.ofSeconds(10), "stat", "-c", "%a %U",
                "/etc/systemd/resolved.conf.d", "/etc/systemd/resolved.conf.d/zz-port853.conf");
        assertEquals("755 root\n644 root\n", dir.stdout(), dir.stderr());
        Versions.assertProtectedAsFarAsProvable(systemd(), c.json("status", "--json"));
        TestRig.ExecResult rv = c.run("revert");
        assertEquals(0, rv.exitCode(), rv.stdout() + rv.stderr());
        TestRig.ExecResult gone = c.rig.exec(null, java.time.Duration.ofSeconds(10), "test", "-e",
                "/etc/systemd/resolved.conf.d");
        assertEquals(1, gone.exitCode(), "revert removes the directory the apply created: /etc is as before");
    }

    @Test
    @DisplayName("bad input is refused with exit 2 and nothing is written")
    void badInput() {
        RigCli c = rig(78);
        for (String[] args : List.of(
                new String[] {"apply", "--server", "999.1.1.1#dot.test", "--mode", "strict"},
                new String[] {"apply", "--server", "dns.example#dot.test", "--mode", "strict"},
                new String[] {"apply", "--server", c.rig.goodServer() + "#dot test", "--mode", "strict"},
                new String[] {"apply", "--server", c.rig.goodServer() + "#dot\ntest", "--mode", "strict"},
                new String[] {"apply", "--provider", "no-such-provider", "--mode", "strict"},
                new String[] {"apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "sometimes"})) {
            TestRig.ExecResult r = c.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), "one sentence: " + r.stderr());
        }
        assertFalse(Files.exists(c.dropIn()));
        assertTrue(c.rig.systemctlLog().stream().noneMatch(l -> l.contains("restart")));
    }

    @Test
    @DisplayName("a main resolved.conf that resolved's user cannot read: resolved then ignores every drop-in, Port853's "
            + "too; status says why Port853's settings are gone and apply refuses, naming the file")
    void unreadableMainConf() throws IOException {
        RigCli c = rig(101);
        String[] apply = {"apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict", "--all-domains"};
        TestRig.ExecResult first = c.run(apply);
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());
        String main = "/etc/systemd/resolved.conf";
        assertTrue(c.rig.exec(null, java.time.Duration.ofSeconds(10), "chmod", "0600", main).ok());
        try {
            JsonNode before = c.json("status", "--json");
            assertTrue(codes(before).contains("DROP_IN_HIDES_OURS"), "said before the restart that loses them: "
                    + codes(before));
            c.rig.restartResolved();
            JsonNode s = c.json("status", "--json");
            assertFalse("strict".equals(s.path("global").path("dnsOverTls").asText()), "resolved ignored ours: " + s);
            assertTrue(codes(s).contains("DROP_IN_HIDES_OURS"), codes(s).toString());
            TestRig.ExecResult r = c.run(apply);
            assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stderr().startsWith("port853 apply: refused: ")
                    && r.stderr().contains("cannot read its configuration file " + main), r.stderr());
        } finally {
            c.rig.exec(null, java.time.Duration.ofSeconds(10), "chmod", "0644", main);
        }
    }

    @Test
    @DisplayName("a drop-in resolved fails on (then it ignores ours too) or a later one that overrides ours makes apply "
            + "refuse, naming it; a dangling link, which resolved skips, is only reported; a file resolved's user "
            + "cannot read after ours hides ours from 253 only")
    void foreignDropIns() throws IOException {
        RigCli c = rig(79);
        Path dir = c.rig.dropInDir();
        Files.writeString(dir.resolve("zzz-vpn.conf"), "[Resolve]\nDNS=198.18.79.4\n");
        Files.write(dir.resolve("50-garbage.conf"), new byte[] {(byte) 0xff, 0, 1, 2, '\n'});
        writeClosed(dir.resolve("55-secret.conf"), "[Resolve]\nLLMNR=no\n");
        Files.createDirectory(dir.resolve("60-dir.conf"));
        Files.createSymbolicLink(dir.resolve("40-dangling.conf"), Path.of("/nonexistent"));
        String[] apply = {"apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict", "--all-domains"};
        String[] garbage = {"50-garbage.conf", "line 1 is not valid UTF-8"};
        String[] secret = {"55-secret.conf", "not readable by systemd-resolved's user systemd-resolve (mode 0600, "
                + "owner root)"};
        String[] directory = {"60-dir.conf", "a directory, not a file"};
        // the file resolved fails on is named first: before 253 the first that fails; from 253 it opens every file
        // before it reads any, so one it cannot open (from 258 a directory too) wins over one it cannot parse
        List<String[]> inOrder = systemd() < 253 ? List.of(garbage, secret, directory)
                : systemd() < 258 ? List.of(secret, garbage, directory) : List.of(secret, directory, garbage);
        for (String[] refused : java.util.stream.Stream.concat(inOrder.stream(), java.util.stream.Stream.<String[]>of(
                new String[] {"zzz-vpn.conf", "sets DNS, which would override Port853's settings"})).toList()) {
            TestRig.ExecResult r = c.run(apply);
            assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stderr().startsWith("port853 apply: refused: ") && r.stderr().contains(refused[0])
                    && r.stderr().contains(refused[1]), r.stderr());
            JsonNode s = c.json("status", "--json");
            assertTrue(codes(s).contains("DROP_IN_OVERRIDES") && codes(s).contains("DROP_IN_DANGLING")
                    && codes(s).contains("DROP_IN_UNREADABLE") == !refused[0].startsWith("zzz"), codes(s).toString());
            assertTrue(s.toString().contains("\"error\":\"a link to a missing file\""), s.toString());
            if (!refused[0].startsWith("zzz")) {
                Files.delete(dir.resolve(refused[0])); // the next refusal names the next file
            }
        }
        assertFalse(Files.exists(c.dropIn()));
        assertTrue(c.rig.systemctlLog().stream().noneMatch(l -> l.contains("restart")), "refused before any restart");

        // after ours: 247 and 252 read every file before it, ours included; 257 and 262 then ignore every file
        Files.delete(dir.resolve("zzz-vpn.conf"));
        writeClosed(dir.resolve("zzzz-secret.conf"), "[Resolve]\nLLMNR=no\n");
        TestRig.ExecResult r = c.run(apply);
        if (systemd() <= 252) {
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            JsonNode s = c.json("status", "--json");
            assertEquals("strict", s.path("global").path("dnsOverTls").asText(), "ours is in effect");
            assertTrue(s.toString().contains("/zzzz-secret.conf\",\"ours\":false,\"exported\":false,"
                    + "\"overridesOurs\":false,\"error\":\"not readable by systemd-resolved's user systemd-resolve "
                    + "(mode 0600, owner root)\",\"skippedLine\":null,\"hidesOurs\":false"), s.toString());
        } else {
            assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stderr().startsWith("port853 apply: refused: ") && r.stderr().contains("zzzz-secret.conf"),
                    r.stderr());
            assertFalse(Files.exists(c.dropIn()));
        }

        // a directory after ours: 262 then ignores every file ("Is a directory"); 257 and before stop at it
        Files.delete(dir.resolve("zzzz-secret.conf"));
        Files.createDirectory(dir.resolve("zzzz-dir.conf"));
        TestRig.ExecResult d = c.run(apply);
        if (systemd() < 258) {
            assertEquals(0, d.exitCode(), d.stdout() + d.stderr());
            assertEquals("strict", c.json("status", "--json").path("global").path("dnsOverTls").asText(),
                    "ours is in effect");
        } else {
            assertEquals(1, d.exitCode(), d.stdout() + d.stderr());
            assertTrue(d.stderr().startsWith("port853 apply: refused: ") && d.stderr().contains("zzzz-dir.conf")
                    && d.stderr().contains("a directory, not a file"), d.stderr());
        }
    }

    @Test
    @DisplayName("two drop-ins resolved fails on, one it cannot parse before one its user cannot open: 247 and 252 "
            + "stop at the first and keep the file before it; 257 and 262 open every file first and read none; status "
            + "says where the real resolved stops")
    void aFileItCannotOpenWinsOverAnEarlierBrokenOne() throws IOException {
        RigCli c = bareRig(144);
        Path dir = c.rig.dropInDir();
        String early = "198.18.144.10";
        Files.writeString(dir.resolve("10-early.conf"), "[Resolve]\nDNS=" + early + "\n");
        Files.write(dir.resolve("50-garbage.conf"), new byte[] {(byte) 0xff, 0, 1, 2, '\n'});
        writeClosed(dir.resolve("60-closed.conf"), "[Resolve]\nDNS=198.18.144.60\n");
        String closed = "/etc/systemd/resolved.conf.d/60-closed.conf"; // as resolved and status name it
        c.rig.restartResolved();
        JsonNode s = c.json("status", "--json");
        boolean earlyRead = StreamSupport.stream(s.path("global").path("servers").spliterator(), false)
                .anyMatch(x -> early.equals(x.path("address").asText()));
        assertEquals(systemd() < 253, earlyRead, "the real resolved: " + s.path("global"));
        String closedSaid = StreamSupport.stream(s.path("assessment").path("reasons").spliterator(), false)
                .map(r -> r.path("message").asText()).filter(m -> m.startsWith("Drop-in " + closed + " "))
                .findFirst().orElseThrow(() -> new AssertionError(s.path("assessment").toString()));
        assertEquals(systemd() >= 253, closedSaid.contains("systemd-resolved then reads no settings file at all"),
                closedSaid);
    }

    @Test
    @DisplayName("a change that drops 'all domains' (Domains=~.) takes effect: on 256+ a reload keeps the removed global "
            + "domain, so the change restarts resolved then, and status and the routing no longer have it")
    void droppingAllDomainsTakesEffect() {
        RigCli c = rig(103);
        String server = c.rig.goodServer() + "#dot.test";
        TestRig.ExecResult all = c.run("apply", "--server", server, "--mode", "strict", "--all-domains");
        assertEquals(0, all.exitCode(), all.stdout() + all.stderr());
        assertTrue(c.json("status", "--json").path("global").path("domains").toString().contains("\"~.\""));
        TestRig.ExecResult some = c.run("apply", "--server", server, "--mode", "strict");
        assertEquals(0, some.exitCode(), some.stdout() + some.stderr());
        JsonNode s = c.json("status", "--json");
        assertFalse(s.path("global").path("domains").toString().contains("\"~.\""),
                "no file sets ~. any more: " + s.path("global"));
        TestRig.ExecResult revert = c.run("revert");
        assertEquals(0, revert.exitCode(), revert.stdout() + revert.stderr());
        assertFalse(c.json("status", "--json").path("global").path("domains").toString().contains("\"~.\""));
    }

    @Test
    @DisplayName("a stopped resolver or a missing bus gives a clear state, not a crash")
    void stoppedResolverAndNoBus() {
        RigCli c = rig(80);
        c.rig.exec(null, java.time.Duration.ofSeconds(20), "systemctl", "stop", "systemd-resolved.service");
        JsonNode s = c.json("status", "--json");
        assertEquals("UNAVAILABLE", s.path("assessment").path("verdict").asText());
        assertTrue(codes(s).contains("RESOLVER_STOPPED"), codes(s).toString());

        List<String> cmd = new java.util.ArrayList<>(List.of("env", "DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent"));
        cmd.addAll(RigCli.command("status", "--json"));
        TestRig.ExecResult noBus = c.rig.exec(null, java.time.Duration.ofSeconds(30), cmd.toArray(String[]::new));
        assertEquals(0, noBus.exitCode(), noBus.stderr());
        assertTrue(noBus.stdout().contains("\"verdict\" : \"UNAVAILABLE\""), noBus.stdout());

        // Applying starts the stopped service (the unit is also enabled), and the health check proves it.
        TestRig.ExecResult apply = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(0, apply.exitCode(), apply.stdout() + apply.stderr());
        Versions.assertProtectedAsFarAsProvable(systemd(), c.json("status", "--json"));
        assertTrue(c.rig.systemctlLog().stream().anyMatch(l -> l.contains("enable")));

        // Stopped again by the user, then reverted (as removing the package does): the files are restored and the
        // resolver stays stopped, as the user left it
        c.rig.exec(null, java.time.Duration.ofSeconds(20), "systemctl", "stop", "systemd-resolved.service");
        int logged = c.rig.systemctlLog().size();
        TestRig.ExecResult revert = c.run("revert");
        assertEquals(0, revert.exitCode(), revert.stdout() + revert.stderr());
        assertTrue(revert.stdout().contains("the resolver is not running, so it reads them when it next starts"),
                revert.stdout());
        assertFalse(Files.exists(c.dropIn()), "our drop-in is removed");
        List<String> after = c.rig.systemctlLog().subList(logged, c.rig.systemctlLog().size());
        assertTrue(after.stream().noneMatch(l -> l.startsWith("restart") || l.startsWith("reload")
                || l.startsWith("start")), "not started: " + after);
        assertTrue(codes(c.json("status", "--json")).contains("RESOLVER_STOPPED"));
    }

    @Test
    @DisplayName("runtime link settings (set over D-Bus like NetworkManager or a VPN) survive apply, rollback and revert")
    void runtimeLinkSettingsSurvive() {
        RigCli c = bareRig(90);
        String dns = "198.18.90.4";
        runtime(c, "dns", "eth0", dns, c.rig.goodServer6());
        runtime(c, "domain", "eth0", "corp.example", "~vpn.test");
        String before = linkSettings(c);
        assertTrue(before.contains(dns) && before.contains("corp.example") && before.contains("vpn.test"), before);

        TestRig.ExecResult applied = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());
        assertEquals(before, linkSettings(c), "after apply");
        TestRig.ExecResult rolledBack = c.run("apply", "--server", c.rig.untrustedServer() + "#dot.test", "--mode",
                "strict", "--all-domains");
        assertEquals(1, rolledBack.exitCode(), rolledBack.stdout() + rolledBack.stderr());
        assertEquals(before, linkSettings(c), "after a rollback");
        TestRig.ExecResult reverted = c.run("revert");
        // the settings from before do not resolve every name on this bare rig (its link server 198.18.90.4 does not
        // answer; newer systemd gives the link no default route): revert says so and exits 3, which a fleet job sees
        RigCli.assertRevertExitMatchesMessage(reverted);
        assertTrue(reverted.stdout().startsWith("Reverted:") || reverted.stderr().startsWith("Reverted:"),
                reverted.stdout() + reverted.stderr());
        assertEquals(before, linkSettings(c), "after revert");
    }

    @Test
    @DisplayName("a link that keeps plaintext DNS for all names (a VPN with ~. and DNS-over-TLS off) is named, not an unexplained rollback")
    void plaintextLinkIsNamed() {
        RigCli c = bareRig(91);
        runtime(c, "dns", "eth0", c.rig.plainServer());
        runtime(c, "domain", "eth0", "~.");
        runtime(c, "dnsovertls", "eth0", "no");
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        if (systemd() == 247) {
            // 247 saves a link's runtime DNS and domains (/run/systemd/resolve/netif) but not its DNSOverTLS: the
            // restart drops the "no", the link inherits strict mode, and the change really covers it
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());
            TestRig.ExecResult dot = c.rig.exec(null, java.time.Duration.ofSeconds(10), "resolvectl", "dnsovertls", "eth0");
            assertTrue(dot.stdout().contains("yes"), dot.stdout());
            return;
        }
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"ROLLED_BACK\""), r.stdout());
        assertTrue(r.stdout().contains("link eth0 keeps plaintext DNS (" + c.rig.plainServer()), r.stdout());
    }

    @Test
    @DisplayName("strict mode that would break a VPN's own domain (its server has no DNS-over-TLS) is rolled back and "
            + "says so; opportunistic mode keeps the domain working")
    void splitDomainWithoutTlsIsNotBroken() {
        RigCli c = bareRig(93);
        runtime(c, "dns", "eth0", c.rig.plainServer());
        runtime(c, "domain", "eth0", "~corp.test");
        TestRig.ExecResult strict = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(1, strict.exitCode(), strict.stdout() + strict.stderr());
        assertTrue(strict.stdout().contains("\"outcome\" : \"ROLLED_BACK\""), strict.stdout());
        assertTrue(strict.stdout().contains("names under corp.test no longer resolve: link eth0's own server "
                + c.rig.plainServer()), strict.stdout());
        assertFalse(Files.exists(c.dropIn()), "the drop-in is gone again");
        assertAnswered(c.lookup("host.corp.test"), "the VPN's names resolve as before");

        TestRig.ExecResult opportunistic = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode",
                "opportunistic", "--all-domains", "--json");
        assertEquals(0, opportunistic.exitCode(), opportunistic.stdout() + opportunistic.stderr());
        assertAnswered(c.lookup("host.corp.test"), "opportunistic mode falls back for the VPN's names");
    }

    /** dig got an answer from a server (a name or "no such name"), not resolved's SERVFAIL for "no server reached". */
    static void assertAnswered(TestRig.ExecResult dig, String why) {
        assertEquals(0, dig.exitCode(), why + ": " + dig.stdout());
        assertTrue(dig.stdout().contains("status: NOERROR") || dig.stdout().contains("status: NXDOMAIN"),
                why + ": " + dig.stdout());
    }

    @Test
    @DisplayName("the health check cannot be satisfied by /etc/hosts: with the upstream refusing, strict is rolled back")
    void healthCheckBypassesHostsFile() {
        RigCli c = rig(92);
        c.rig.upstreamAnswers(false);
        TestRig.ExecResult hosts = c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "echo '198.51.100.77 example.com' >> /etc/hosts");
        assertEquals(0, hosts.exitCode(), hosts.stderr());
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"ROLLED_BACK\""), r.stdout());
        assertTrue(c.resolveHostnameRaw("example.com", 0).contains("198 51 100 77"),
                "resolved itself does answer from /etc/hosts");
    }

    /**
     * A named pipe with the name of Port853's drop-in in /run/systemd/resolved.conf.d, made after the apply: Port853's
     * drop-in in /etc masks it, so resolved runs on; a revert would remove that mask, and the restart would then hang
     * on the pipe (up to 257) or ignore every settings file (from 258). Revert refuses up front, DNS keeps working,
     * and once the pipe is moved away as the refusal says, the revert goes through.
     */
    @Test
    @DisplayName("revert refuses while Port853's drop-in masks a named pipe with its name in /run, and reverts once the "
            + "pipe is moved away")
    void revertRefusesWhileItWouldUnmaskAPipe() throws IOException {
        RigCli c = rig(112);
        String pipe = appliedWithAPipeInRun(c);
        long pid = c.rig.resolvedPid();

        TestRig.ExecResult refused = c.run("revert", "--json");
        assertEquals(1, refused.exitCode(), refused.stdout() + refused.stderr());
        assertTrue(refused.stdout().contains("\"outcome\" : \"REFUSED\""), refused.stdout());
        assertTrue(refused.stdout().contains(systemd() <= 257 ? "waits on the pipe when it restarts and does not come up"
                : "ignores every settings file, so it runs on its built-in defaults"), refused.stdout());
        assertTrue(refused.stdout().contains("move it away first (") && refused.stdout().contains("mv " + pipe + " "
                + pipe + ".old), then revert"), refused.stdout());
        assertTrue(Files.exists(c.dropIn()), "Port853's drop-in, which masks the pipe, stays");
        assertEquals(pid, c.rig.resolvedPid(), "resolved was not restarted");
        assertAnswered(c.lookup("example.com"), "DNS keeps working");
        TestRig.ExecResult human = c.run("revert");
        assertEquals(1, human.exitCode(), human.stdout() + human.stderr());
        assertTrue(human.stderr().startsWith("Refused: " + pipe + " is a named pipe or device"), human.stderr());

        TestRig.ExecResult moved = c.rig.exec(null, java.time.Duration.ofSeconds(10), "mv", pipe, pipe + ".old");
        assertEquals(0, moved.exitCode(), moved.stderr());
        TestRig.ExecResult reverted = c.run("revert");
        RigCli.assertRevertExitMatchesMessage(reverted);
        assertTrue((reverted.stdout() + reverted.stderr()).startsWith("Reverted: "), reverted.stdout() + reverted.stderr());
        assertFalse(Files.exists(c.dropIn()));
        assertAnswered(c.lookup("example.com"), "resolved came back after the revert");
    }

    /**
     * The pipe of {@link #revertRefusesWhileItWouldUnmaskAPipe}, but what masks it is no longer Port853's drop-in: a link
     * at its path, then someone else's file there. A revert leaves either as it is, so nothing is unmasked and it is not
     * refused: it says what it left, resolved keeps running on the file that stays, and DNS keeps working.
     */
    @Test
    @DisplayName("revert is not refused for a pipe that a link or someone else's file at Port853's path masks: it leaves "
            + "that file, so nothing is unmasked")
    void revertLeavesWhatMasksAPipeWhenItIsNotPort853s() throws IOException {
        RigCli c = rig(113);
        appliedWithAPipeInRun(c);
        String applied = Files.readString(c.dropIn());
        String theirs = applied.replace("Written by Port853", "Deployed by a playbook");
        Path target = c.dropIn().resolveSibling("playbook.txt"); // not *.conf: read only through the link
        Files.writeString(target, theirs);
        Files.delete(c.dropIn());
        Files.createSymbolicLink(c.dropIn(), Path.of("/etc/systemd/resolved.conf.d/playbook.txt"));
        long pid = c.rig.resolvedPid();

        TestRig.ExecResult linked = c.run("revert", "--json");
        assertFalse(linked.stdout().contains("REFUSED"), linked.stdout());
        assertTrue(linked.stdout().contains("as Port853 does not write through the symbolic link"), linked.stdout());
        assertTrue(Files.isSymbolicLink(c.dropIn()), "the link is someone else's and stays");
        assertEquals(pid, c.rig.resolvedPid(), "nothing was written, so nothing restarted");
        assertAnswered(c.lookup("example.com"), "DNS keeps working");

        Files.delete(c.dropIn());
        Files.writeString(c.dropIn(), theirs);
        TestRig.ExecResult others = c.run("revert", "--json");
        assertFalse(others.stdout().contains("REFUSED"), others.stdout());
        assertTrue(others.stdout().contains("delete it yourself, or apply again and then revert"), others.stdout());
        assertEquals(theirs, Files.readString(c.dropIn()), "someone else's file stays");
        TestRig.ExecResult restarted = c.rig.exec(null, java.time.Duration.ofSeconds(20), "systemctl", "restart",
                "systemd-resolved");
        assertEquals(0, restarted.exitCode(), restarted.stderr());
        assertAnswered(c.lookup("example.com"), "the file at Port853's path still masks the pipe: resolved comes up");
        JsonNode s = c.json("status", "--json");
        assertFalse(s.toString().contains("DROP_IN_PIPE_MASKED"), "no revert of Port853's would unmask it: " + s);

        // an edited copy that kept Port853's header: the journal says it is not what Port853 wrote, and status agrees
        String edited = applied.replace("DNSOverTLS=yes", "DNSOverTLS=opportunistic");
        assertFalse(edited.equals(applied), applied);
        Files.writeString(c.dropIn(), edited);
        JsonNode editedStatus = c.json("status", "--json");
        assertFalse(editedStatus.toString().contains("DROP_IN_PIPE_MASKED"), editedStatus.toString());
        TestRig.ExecResult left = c.run("revert", "--json");
        assertFalse(left.stdout().contains("REFUSED"), left.stdout());
        assertEquals(edited, Files.readString(c.dropIn()), "the edited copy stays, as status said");
    }

    /** Strict mode applied, then a named pipe with Port853's drop-in name made in /run: its path. */
    private static String appliedWithAPipeInRun(RigCli c) {
        TestRig.ExecResult applied = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());
        String pipe = "/run/systemd/resolved.conf.d/zz-port853.conf";
        TestRig.ExecResult made = c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c",
                "mkdir -p /run/systemd/resolved.conf.d && mkfifo " + pipe);
        assertEquals(0, made.exitCode(), made.stderr());
        return pipe;
    }

    @Test
    @DisplayName("a server someone else wrote in resolved.conf with its TLS name in Unicode (bücher.example; the "
            + "certificate lists xn--bcher-kva.example): built with OpenSSL resolved gives no answer in strict mode, "
            + "built with GnuTLS it answers; status and doctor say which with the ASCII form to write, and that form "
            + "applied works")
    void aTlsNameInUnicode() throws IOException {
        RigCli c = bareRig(114);
        boolean gnutls = systemd() == 247; // the rig's bullseye build; 252, 257 and 262 are built with OpenSSL
        String main = "/etc/systemd/resolved.conf";
        // "b\303\274cher": ü in UTF-8, as an editor writes it (printf's octal escapes keep the command ASCII)
        TestRig.ExecResult written = c.rig.exec(null, java.time.Duration.ofSeconds(10), "sh", "-c", "printf '[Resolve]"
                + "\\nFallbackDNS=\\nDNSSEC=no\\nLLMNR=no\\nMulticastDNS=no\\nDNSOverTLS=yes\\nDomains=~.\\nDNS="
                + c.rig.goodServer() + "#b\\303\\274cher.example\\n' > " + main);
        assertEquals(0, written.exitCode(), written.stderr());
        c.rig.restartResolved();
        TestRig.ExecResult dig = c.lookup("example.com");
        assertEquals(gnutls, dig.stdout().contains("198.51.100."), "answered only where resolved converts the name: "
                + dig.stdout());

        JsonNode s = c.json("status", "--json");
        JsonNode server = s.path("global").path("servers").get(0);
        assertEquals("xn--bcher-kva.example", server.path("name").asText(), s.toString());
        assertEquals("b\\xfccher.example", server.path("nameInUnicode").asText(), s.toString());
        JsonNode reason = StreamSupport.stream(s.path("assessment").path("reasons").spliterator(), false)
                .filter(r -> r.path("code").asText().equals("TLS_NAME_UNICODE")).findFirst()
                .orElseThrow(() -> new AssertionError(codes(s).toString()));
        // 247's feature line has no OPENSSL word (it came with 248), so which library its resolved uses is not known
        assertEquals("WARNING", reason.path("severity").asText());
        assertTrue(reason.path("message").asText().contains(gnutls ? "built with GnuTLS, it converts the name, and it "
                + "works" : "built with OpenSSL, which checks"), reason.toString());
        String ascii = c.rig.goodServer() + "#xn--bcher-kva.example";
        assertTrue(reason.path("fix").asText().endsWith(": " + ascii + "."), reason.toString());

        TestRig.ExecResult doctor = c.runTrustingRigCa("doctor");
        String said = doctor.stdout().replaceAll(" *\n +", " "); // doctor wraps its lines at 80 columns
        assertTrue(said.contains("WARNING  tls.name") && said.contains("the settings write this name in Unicode "
                + "(b\\xfccher.example, shown escaped)"), doctor.stdout());
        assertTrue(said.contains("Fix: Write the server as " + ascii + "."), doctor.stdout());

        TestRig.ExecResult applied = c.run("apply", "--server", ascii, "--mode", "strict", "--all-domains");
        assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());
        assertAnswered(c.lookup("example.com"), "the ASCII form works with every build");
        JsonNode after = c.json("status", "--json");
        assertFalse(codes(after).contains("TLS_NAME_UNICODE"), codes(after).toString());
        assertFalse(after.path("global").path("servers").get(0).has("nameInUnicode"), after.toString());
    }

    /** Applies strict mode and returns the JSON result; the rig's resolved PID before and after in {@code pids}. */
    TestRig.ExecResult applyStrictGood(RigCli c, long[] pids) {
        pids[0] = c.rig.resolvedPid();
        TestRig.ExecResult r = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        pids[1] = c.rig.resolvedPid();
        return r;
    }

    /** From 256: reload-or-restart reloads the running resolved (SIGHUP) and that alone puts the drop-in in effect. */
    void assertReloadAloneTakesEffect(int net) throws IOException {
        RigCli c = rig(net);
        long[] pids = new long[2];
        TestRig.ExecResult r = applyStrictGood(c, pids);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());
        assertEquals(pids[0], pids[1], "the same resolved process: reloaded, not restarted");
        assertTrue(c.rig.systemctlLog().stream().anyMatch(l -> l.startsWith("reload-or-restart")),
                c.rig.systemctlLog().toString());
        assertEquals(Long.toString(pids[0]), Files.readString(c.rig.dir().resolve("reloaded")).strip(),
                "the stand-in sent SIGHUP to that process");
        assertTrue(Files.readString(c.rig.dir().resolve("log/resolved.log")).contains("Config file reloaded."));
        JsonNode s = c.json("status", "--json");
        assertEquals("strict", s.path("global").path("dnsOverTls").asText(), "the new drop-in is in effect");
        assertTrue(c.resolveHostnameRaw("example.com", 1L << 12).endsWith(" " + 0x840001),
                "confidential, from the network");
    }

    /** Sets a link setting at runtime with resolvectl, as NetworkManager or a VPN script would over D-Bus. */
    static void runtime(RigCli c, String... args) {
        java.util.List<String> cmd = new java.util.ArrayList<>(List.of("resolvectl"));
        cmd.addAll(List.of(args));
        TestRig.ExecResult r = c.rig.exec(null, java.time.Duration.ofSeconds(10), cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.stderr());
    }

    /** The link's DNS servers and domains as resolved reports them. */
    static String linkSettings(RigCli c) {
        TestRig.ExecResult dns = c.rig.exec(null, java.time.Duration.ofSeconds(10), "resolvectl", "dns", "eth0");
        TestRig.ExecResult domain = c.rig.exec(null, java.time.Duration.ofSeconds(10), "resolvectl", "domain", "eth0");
        return dns.stdout().strip() + " | " + domain.stdout().strip();
    }

    static long restarts(RigCli c) {
        return c.rig.systemctlLog().stream().filter(l -> l.contains("restart")).count();
    }

    static JsonNode link(JsonNode status, String name) {
        return StreamSupport.stream(status.path("links").spliterator(), false)
                .filter(l -> l.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + name + " in " + status));
    }

    /** {@code file} with {@code text}, which only root may read (mode 0600): systemd-resolved's user cannot open it. */
    static Path writeClosed(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static List<String> codes(JsonNode status) {
        return StreamSupport.stream(status.path("assessment").path("reasons").spliterator(), false)
                .map(r -> r.path("code").asText()).collect(Collectors.toList());
    }
}
