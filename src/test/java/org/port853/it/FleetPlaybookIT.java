package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * {@code port853 export --format ansible} run by a real ansible-playbook (Debian's ansible-core, connection local)
 * against a real systemd-resolved in the rig: the fleet path, from the exported file to names resolving over 853,
 * and its rollback when names stop resolving. Only systemctl is the rig's stand-in (no systemd as PID 1 here).
 */
@DisplayName("the exported Ansible playbook, run by ansible-playbook against a real systemd-resolved")
class FleetPlaybookIT {
    private static final Path ANSIBLE_PLAYBOOK = Path.of("/usr/bin/ansible-playbook");
    private RigCli cli;

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    @DisplayName("252: applies the drop-in byte for byte, then a second run changes nothing; a server that does not answer is rolled back to the drop-in from before")
    void appliesIsIdempotentAndRollsBack() throws IOException {
        cli = start(96, 252, "stub");
        String good = cli.rig.goodServer() + "#dot.test";
        Path playbook = export("good.yml", "--server", good, "--mode", "strict", "--all-domains");

        TestRig.ExecResult first = play(playbook);
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());
        assertEquals(exportResolved("--server", good, "--mode", "strict", "--all-domains"),
                Files.readString(cli.dropIn()), "the playbook writes what export --format resolved prints");
        assertEquals(1, restarts(), "one restart for the new drop-in: " + cli.rig.systemctlLog());
        assertTrue(cli.rig.exec(null, Duration.ofSeconds(20), "resolvectl", "status").stdout()
                .contains("Current DNS Server: " + good), "resolved uses the server after the run");
        assertTrue(cli.lookup("example.com").stdout().contains("198.51.100.1"), "names resolve");

        TestRig.ExecResult again = play(playbook);
        assertEquals(0, again.exitCode(), again.stdout() + again.stderr());
        assertTrue(again.stdout().contains("changed=0"), "a second run changes nothing: " + again.stdout());
        assertEquals(1, restarts(), "and restarts nothing: " + cli.rig.systemctlLog());

        String before = Files.readString(cli.dropIn());
        Path broken = export("untrusted.yml", "--server", cli.rig.untrustedServer() + "#dot.test", "--mode",
                "strict", "--all-domains");
        TestRig.ExecResult failed = play(broken);
        assertEquals(2, failed.exitCode(), "ansible-playbook's exit code for a failed host: " + failed.stdout());
        assertTrue(failed.stdout().contains("the drop-in is as it was before this run"), failed.stdout());
        assertEquals(before, Files.readString(cli.dropIn()), "the drop-in from before is back");
        assertEquals(3, restarts(), "restarted with the new drop-in, then with the old one: " + cli.rig.systemctlLog());
        assertTrue(cli.lookup("example.com").stdout().contains("198.51.100.1"), "names resolve again");
        assertEquals(List.of("zz-port853.conf"), confFiles(), "resolved reads no backup copy");
    }

    @Test
    @DisplayName("247: a check run changes nothing; a failed first run removes its new drop-in; a working one applies and links a static resolv.conf to the stub, keeping the old file")
    void firstRunRollsBackToNoDropInOn247() throws IOException {
        cli = start(97, 247, "file");
        assertTrue(cli.lookup("example.com").stdout().contains("198.51.100.1"), "names resolve before the run");
        assertTrue(cli.rig.exec(null, Duration.ofSeconds(10), "systemctl", "disable", "systemd-resolved.service").ok(),
                "not started at boot before the run");
        Path broken = export("untrusted.yml", "--server", cli.rig.untrustedServer() + "#dot.test", "--mode", "strict",
                "--all-domains");

        TestRig.ExecResult checked = play(broken, "--check");
        assertEquals(0, checked.exitCode(), checked.stdout() + checked.stderr());
        assertFalse(Files.exists(cli.dropIn()), "a check run writes nothing");
        assertEquals(0, restarts(), "and restarts nothing: " + cli.rig.systemctlLog());

        TestRig.ExecResult failed = play(broken);
        assertEquals(2, failed.exitCode(), failed.stdout() + failed.stderr());
        assertTrue(failed.stdout().contains("the drop-in is as it was before this run"), failed.stdout());
        assertFalse(Files.exists(cli.dropIn()), "there was no drop-in before, so there is none after");
        assertEquals(2, restarts(), "restarted with the new drop-in, then without it: " + cli.rig.systemctlLog());
        assertTrue(cli.lookup("example.com").stdout().contains("198.51.100.1"), "names resolve again");
        assertEquals("disabled", cli.rig.exec(null, Duration.ofSeconds(10), "systemctl", "is-enabled",
                "systemd-resolved.service").stdout().strip(), "the failed run turned the start at boot it turned on off "
                + "again: " + cli.rig.systemctlLog());

        Path resolvConf = cli.rig.resolvConfFile();
        String staticResolvConf = Files.readString(resolvConf);
        String good = cli.rig.goodServer() + "#dot.test";
        TestRig.ExecResult applied = play(export("good.yml", "--server", good, "--mode", "strict", "--all-domains",
                "--link-resolv-conf"));
        assertEquals(0, applied.exitCode(), "systemd 247 passes the playbook's version check: " + applied.stdout());
        assertTrue(cli.rig.exec(null, Duration.ofSeconds(20), "resolvectl", "status").stdout()
                .contains("Current DNS Server: " + good), "resolved uses the server after the run");
        assertEquals(Path.of("/run/systemd/resolve/stub-resolv.conf"), Files.readSymbolicLink(resolvConf));
        assertEquals(staticResolvConf, Files.readString(resolvConf.resolveSibling("resolv.conf.before-port853")),
                "the static file is kept");
        assertTrue(cli.rig.exec(null, Duration.ofSeconds(20), "getent", "hosts", "example.com").stdout()
                .contains("198.51.100.1"), "programs that read /etc/resolv.conf resolve through the stub");
    }

    @Test
    @DisplayName("252: a stub that does not answer (DNSStubListener=no): the linked resolv.conf fails its own check, the "
            + "static file comes back byte for byte, the host fails, the drop-in stays")
    void linkThatDoesNotResolveIsPutBack() throws IOException {
        cli = start(98, 252, "file");
        Path resolvConf = cli.rig.resolvConfFile();
        String staticResolvConf = Files.readString(resolvConf);
        Files.writeString(cli.dropIn().resolveSibling("00-no-stub.conf"), "[Resolve]\nDNSStubListener=no\n");
        String good = cli.rig.goodServer() + "#dot.test";
        TestRig.ExecResult failed = play(export("link.yml", "--server", good, "--mode", "strict", "--all-domains",
                "--link-resolv-conf"));
        assertEquals(2, failed.exitCode(), failed.stdout() + failed.stderr());
        assertTrue(failed.stdout().contains("/etc/resolv.conf is as it was before"), failed.stdout());
        assertFalse(Files.isSymbolicLink(resolvConf), "no longer a link to the stub");
        assertEquals(staticResolvConf, Files.readString(resolvConf), "the static file is back");
        assertTrue(Files.exists(cli.dropIn()), "the drop-in passed its own check and stays");
    }

    /** A desktop-like start: the router's plaintext DNS on the link, so names resolve before the playbook runs. */
    private static RigCli start(int net, int systemd, String resolvConf) {
        assertTrue(Files.isExecutable(ANSIBLE_PLAYBOOK), "this test needs ansible-core (run .ci/install-deps as root)");
        RigCli c = RigCli.start("p853f" + net, net, systemd, Map.of("RIG_LINK_DNS", "198.18." + net + ".4",
                "RIG_RESOLV_CONF", resolvConf));
        c.rig.upstreamLikeTheInternet();
        return c;
    }

    private Path export(String file, String... options) throws IOException {
        Path out = cli.rig.dir().resolve(file);
        Files.writeString(out, exportText("ansible", options));
        return out;
    }

    private String exportResolved(String... options) {
        return exportText("resolved", options);
    }

    private String exportText(String format, String... options) {
        List<String> args = new ArrayList<>(List.of("export", "--format", format));
        args.addAll(List.of(options));
        TestRig.ExecResult r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return r.stdout();
    }

    /** ansible-playbook on this machine (inside the rig's namespaces), its temporary files in the rig's folder. */
    private TestRig.ExecResult play(Path playbook, String... extra) {
        Path home = cli.rig.dir().resolve("ansible");
        List<String> cmd = new ArrayList<>(List.of("env", "LC_ALL=C.UTF-8", "ANSIBLE_HOME=" + home,
                "ANSIBLE_LOCAL_TEMP=" + home.resolve("tmp"), "ANSIBLE_NOCOLOR=1", "ANSIBLE_RETRY_FILES_ENABLED=0",
                ANSIBLE_PLAYBOOK.toString(), "-i", "localhost,", "-c", "local"));
        cmd.addAll(List.of(extra));
        cmd.add(playbook.toString());
        return cli.rig.exec(null, Duration.ofSeconds(180), cmd.toArray(String[]::new));
    }

    private long restarts() {
        return cli.rig.systemctlLog().stream().filter(l -> l.startsWith("restart systemd-resolved")).count();
    }

    private List<String> confFiles() throws IOException {
        try (Stream<Path> files = Files.list(cli.rig.dropInDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf")).sorted().toList();
        }
    }
}
