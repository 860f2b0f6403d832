package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * doctor against a REAL systemd-resolved (rig.sh): the configured servers come from resolved's state, and the
 * checks that depend on the mode and the configuration reach their verdicts.
 */
class DoctorRigIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RigCli cli;
    private static int net;

    @BeforeAll
    static void start() {
        net = 88;
        cli = RigCli.start("p853d" + net, net, Map.of());
    }

    @AfterAll
    static void stop() {
        if (cli != null) cli.close();
    }

    static void configure(String dropIn) throws Exception {
        Files.writeString(cli.rig.dropInDir().resolve("50-test.conf"), dropIn);
        cli.rig.restartResolved();
    }

    static JsonNode doctor(int expectedExit) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "PORT853_CA_FILE=" + cli.rig.caFile(),
                "XDG_STATE_HOME=" + cli.rig.dir().resolve("xdg")));
        cmd.addAll(RigCli.command("doctor", "--json", "--timeout", "1500", "--large-query", "host.test/A",
                "--dnssec-signed", "host.test", "--dnssec-bogus", "dot.test"));
        TestRig.ExecResult r = cli.rig.exec(null, Duration.ofSeconds(90), cmd.toArray(String[]::new));
        assertEquals(expectedExit, r.exitCode(), r.stdout() + r.stderr());
        return JSON.readTree(r.stdout());
    }

    static JsonNode check(JsonNode d, String id) {
        for (JsonNode c : d.get("checks")) {
            if (c.get("id").asText().equals(id)) return c;
        }
        throw new AssertionError("no " + id + " in " + d);
    }

    @Test
    void strictOnAGoodServerHasNoFailure() throws Exception {
        configure("[Resolve]\nDNS=" + cli.rig.goodServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\n");
        JsonNode d = doctor(0);
        assertEquals(cli.rig.goodServer() + "#dot.test", check(d, "dot.reachable").get("server").asText(),
                "the configured server is probed by default");
        assertEquals("ok", check(d, "dot.reachable").get("status").asText());
        assertEquals("ok", check(d, "tls.trusted").get("status").asText());
        assertEquals("ok", check(d, "bug.strict-udp-fallback").get("status").asText());
        assertEquals("ok", check(d, "config.resolv-conf").get("status").asText());
    }

    @Test
    void serverDownIsByDesignInStrictAndPlaintextInOpportunistic() throws Exception {
        configure("[Resolve]\nDNS=" + cli.rig.plainServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\n");
        JsonNode strict = check(doctor(1), "dot.down-mode");
        assertEquals("failure", strict.get("status").asText());
        assertTrue(strict.get("evidence").asText().contains("fail by design"), strict.toString());
        configure("[Resolve]\nDNS=" + cli.rig.plainServer() + "#dot.test\nDNSOverTLS=opportunistic\nDomains=~.\n");
        JsonNode opp = check(doctor(1), "dot.down-mode");
        assertTrue(opp.get("evidence").asText().contains("plaintext"), opp.toString());
        assertTrue(opp.get("fixAction").isNull(), "strict mode with no server speaking TLS resolves nothing: " + opp);
    }

    @Test
    void configurationRisksAndExposure() throws Exception {
        configure("[Resolve]\nDNS=" + cli.rig.goodServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\nCache=no\n"
                + "ReadEtcHosts=no\nDNSStubListenerExtra=198.18." + net + ".1\n");
        JsonNode d = doctor(0);
        assertEquals("warning", check(d, "config.cache").get("status").asText());
        assertEquals("warning", check(d, "config.etc-hosts").get("status").asText());
        assertEquals("warning", check(d, "config.stub-exposed").get("status").asText());
        JsonNode exposure = check(d, "exposure.port53");
        assertEquals("warning", exposure.get("status").asText(), exposure.toString());
        assertTrue(exposure.get("evidence").asText().contains("198.18." + net + ".1 · systemd-resolved ("),
                "the listening program is named: " + exposure);
        assertEquals("HARDEN_PORT_53", exposure.get("fixAction").asText());
    }

    @Test
    @DisplayName("a DNS server answering the network (a program named dnsmasq) is named, said to look intentional, and "
            + "hardening stays offered as a choice")
    void aDnsServerForTheNetworkLooksIntentional() throws Exception {
        configure("[Resolve]\nDNS=" + cli.rig.goodServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\n");
        String address = "198.18." + net + ".9";
        // a copy of perl named dnsmasq: the kernel and /proc name its process dnsmasq, as they would the real one
        Path dnsmasq = cli.rig.dir().resolve("dnsmasq");
        Files.copy(Path.of("/usr/bin/perl"), dnsmasq, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        assertEquals(0, cli.rig.exec(null, Duration.ofSeconds(10), "ip", "addr", "add", address + "/32", "dev", "eth0")
                .exitCode());
        Process server = cli.rig.start(dnsmasq.toString(), "-MIO::Socket::INET", "-e", "$| = 1; my $s = IO::Socket::INET->new("
                + "LocalAddr => '" + address + ":53', Proto => 'udp') or die \"bind: $!\"; print \"ready\\n\"; sleep 120");
        try {
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream())).readLine();
            assertEquals("ready", ready, () -> "it did not start: " + stderr(server)); // stderr once it exited
            JsonNode exposure = check(doctor(0), "exposure.port53");
            String evidence = exposure.get("evidence").asText();
            assertEquals("ok", exposure.get("status").asText(), exposure.toString());
            assertTrue(evidence.matches(".*udp " + java.util.regex.Pattern.quote(address) + " · dnsmasq \\(\\d+\\).*"),
                    evidence);
            assertTrue(evidence.contains("dnsmasq answers other machines, which looks intentional"), evidence);
            assertTrue(exposure.get("fix").asText().startsWith("Nothing to do if dnsmasq should serve other machines."),
                    exposure.toString());
            assertEquals("HARDEN_PORT_53", exposure.get("fixAction").asText(), "still offered, as a choice");
        } finally {
            server.destroy();
            server.waitFor();
            cli.rig.exec(null, Duration.ofSeconds(10), "ip", "addr", "del", address + "/32", "dev", "eth0");
        }
    }

    @Test
    void applyRecordsTheAppliedServersPinAsTheRigCertificatesKey() throws Exception {
        Path xdg = cli.rig.dir().resolve("xdg-apply");
        List<String> cmd = new ArrayList<>(List.of("env", "PORT853_CA_FILE=" + cli.rig.caFile(), "XDG_STATE_HOME=" + xdg));
        cmd.addAll(RigCli.command("apply", "--server", cli.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json"));
        TestRig.ExecResult r = cli.rig.exec(null, Duration.ofSeconds(90), cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonNode doc = JSON.readTree(r.stdout());
        assertEquals("APPLIED", doc.get("outcome").asText(), doc.toString());
        // the key as openssl reads it from the rig server's certificate, independent of Port853's code
        TestRig.ExecResult openssl = cli.rig.exec(null, Duration.ofSeconds(20), "sh", "-c", "openssl x509 -in "
                + cli.rig.caFile().resolveSibling("good.pem") + " -pubkey -noout | openssl pkey -pubin -outform der"
                + " | openssl dgst -sha256 -binary | base64");
        String expected = openssl.stdout().strip();
        assertEquals(44, expected.length(), openssl.stdout() + openssl.stderr());
        JsonNode pin = doc.get("pins").get(0);
        assertEquals(cli.rig.goodServer() + "#dot.test", pin.get("server").asText());
        assertEquals(expected, pin.get("pin").asText(), "apply shows the server's real pin");
        assertEquals("tofu", pin.get("source").asText());
        JsonNode store = JSON.readTree(xdg.resolve("port853/pins.json").toFile());
        assertEquals(expected, store.get("pins").get(0).get("pin").asText(), "the user's store holds the real pin");
    }

    private static String stderr(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Runs the command with the rig's CA trusted and {@code xdg} as the user's state folder (the pin store). */
    static TestRig.ExecResult withPinsIn(Path xdg, String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "PORT853_CA_FILE=" + cli.rig.caFile(), "XDG_STATE_HOME=" + xdg));
        cmd.addAll(RigCli.command(args));
        return cli.rig.exec(null, Duration.ofSeconds(90), cmd.toArray(String[]::new));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a server in use whose key pins --check finds changed: status says PIN_CHANGED "
            + "(PARTIAL), in text and --json, as the window's Status does, until the key is accepted")
    void statusSaysAnUnacceptedKeyChange() throws Exception {
        String server = cli.rig.goodServer() + "#dot.test";
        configure("[Resolve]\nDNS=" + server + "\nDNSOverTLS=yes\nDomains=~.\n");
        Path xdg = cli.rig.dir().resolve("xdg-key");
        Files.createDirectories(xdg.resolve("port853"));
        // a pin recorded earlier that is not the rig server's key: its next check sees the key change
        Files.writeString(xdg.resolve("port853/pins.json"), "{\"version\":1,\"pins\":[{\"server\":\"" + server
                + "\",\"pin\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"source\":\"tofu\"}]}");
        JsonNode before = JSON.readTree(withPinsIn(xdg, "status", "--json").stdout()).get("assessment");
        assertEquals("PROTECTED", before.get("verdict").asText(), before.toString());

        TestRig.ExecResult check = withPinsIn(xdg, "pins", "--check", "--server", server);
        assertEquals(1, check.exitCode(), check.stdout() + check.stderr());
        JsonNode a = JSON.readTree(withPinsIn(xdg, "status", "--json").stdout()).get("assessment");
        assertEquals("PARTIAL", a.get("verdict").asText(), a.toString());
        assertEquals("PIN_CHANGED", a.get("reasons").get(0).get("code").asText(), a.toString());
        TestRig.ExecResult text = withPinsIn(xdg, "status");
        assertEquals(0, text.exitCode(), text.stdout() + text.stderr());
        assertTrue(text.stdout().startsWith("Verdict: PARTIAL\n  - The key of " + server + " is not its recorded pin"),
                text.stdout());

        assertEquals(0, withPinsIn(xdg, "pins", "--accept", server).exitCode());
        JsonNode accepted = JSON.readTree(withPinsIn(xdg, "status", "--json").stdout()).get("assessment");
        assertEquals("PROTECTED", accepted.get("verdict").asText(), accepted.toString());
    }

    @Test
    void strictApplyVouchesOnlyForTheServerTheResolverAnsweredThrough() throws Exception {
        Path xdg = cli.rig.dir().resolve("xdg-two");
        String impostor = cli.rig.untrustedServer() + "#evil.test"; // another CA's certificate, for another name
        List<String> cmd = new ArrayList<>(List.of("env", "PORT853_CA_FILE=" + cli.rig.caFile(), "XDG_STATE_HOME=" + xdg));
        cmd.addAll(RigCli.command("apply", "--server", cli.rig.goodServer() + "#dot.test", "--server", impostor,
                "--mode", "strict", "--all-domains", "--json"));
        TestRig.ExecResult r = cli.rig.exec(null, Duration.ofSeconds(90), cmd.toArray(String[]::new));
        try {
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            JsonNode doc = JSON.readTree(r.stdout());
            JsonNode pins = doc.get("pins");
            assertEquals(2, pins.size(), doc.toString());
            assertEquals("tofu", pins.get(0).get("source").asText(), pins.toString());
            assertEquals(impostor, pins.get(1).get("server").asText());
            assertTrue(pins.get(1).get("pin").isNull(), "the resolver never vouched for it: " + pins);
            JsonNode store = JSON.readTree(xdg.resolve("port853/pins.json").toFile());
            assertEquals(1, store.get("pins").size(), store.toString());
            assertEquals(cli.rig.goodServer() + "#dot.test", store.get("pins").get(0).get("server").asText());
        } finally {
            assertEquals(0, cli.run("revert").exitCode());
        }
    }
}
