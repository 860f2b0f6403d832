package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * {@code port853 verify} end to end: the packaged command inside the rig (real systemd-resolved, real unbound DoT
 * servers) captures live with libpcap while it sends its test queries; a tcpdump capture on the client's eth0,
 * counted with tshark, is the independent reference.
 */
@DisplayName("port853 verify against a real resolved, real DoT servers and a real capture")
class VerifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RigCli cli;

    /** A desktop-like start: the router's plaintext DNS (the plain-only server .4) pushed on the link. */
    private RigCli rig(int net) {
        cli = RigCli.start("p853v" + net, net, Map.of("RIG_LINK_DNS", "198.18." + net + ".4"));
        return cli;
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    /** Runs verify --json under a tcpdump capture of the client's eth0; returns exit code and document. */
    private Verified verify(RigCli c, Path pcap, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--json"));
        args.addAll(List.of(extra));
        c.rig.captureStart(pcap);
        TestRig.ExecResult r;
        try {
            r = c.run(args.toArray(String[]::new));
        } finally {
            c.rig.captureStop();
        }
        try {
            return new Verified(r, JSON.readTree(r.stdout()));
        } catch (IOException e) {
            throw new AssertionError("not JSON (exit " + r.exitCode() + "): " + r.stdout() + r.stderr(), e);
        }
    }

    private record Verified(TestRig.ExecResult exec, JsonNode doc) {
        String why() {
            return "exit " + exec.exitCode() + "\n" + exec.stdout() + exec.stderr();
        }

        Set<String> names() {
            Set<String> s = new TreeSet<>();
            doc.path("results").forEach(q -> s.add(q.path("name").asText()));
            return s;
        }

        Set<String> leakedNames() {
            Set<String> s = new TreeSet<>();
            doc.path("leakedQueries").forEach(q -> s.add(q.path("name").asText()));
            return s;
        }
    }

    @Test
    @DisplayName("strict mode: ALL_ENCRYPTED, encrypted packets seen, nothing leaked; tshark sees zero on 53")
    void strictAllEncrypted() {
        RigCli c = rig(90);
        TestRig.ExecResult a = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(0, a.exitCode(), a.stdout() + a.stderr());

        Path pcap = c.rig.dir().resolve("verify-strict.pcap");
        Verified v = verify(c, pcap);
        assertEquals(0, v.exec().exitCode(), v.why());
        assertEquals("ALL_ENCRYPTED", v.doc().path("verdict").asText(), v.why());
        assertEquals(5, v.doc().path("queries").asInt());
        assertEquals(5, v.doc().path("answered").asInt(), v.why());
        assertEquals(0, v.doc().path("leakedQueries").size(), v.why());
        assertEquals(5, v.names().size());
        long encrypted = v.doc().path("encryptedPackets").asLong();
        assertTrue(encrypted > 0, v.why());

        assertEquals(0, Pcaps.toPort53(pcap, c.rig.goodServer()), "tshark: nothing on 53 to the server");
        assertEquals(0, Pcaps.count(pcap, "udp.port==53 || tcp.port==53"), "tshark: nothing on 53 leaves the client");
        int tshark853 = Pcaps.toPort853(pcap, c.rig.goodServer());
        // verify's capture ran inside tcpdump's window, and every 853 packet crosses eth0 once
        assertTrue(encrypted <= tshark853, "verify counted " + encrypted + " encrypted packets, tshark " + tshark853);

        TestRig.ExecResult text = c.run("verify", "--queries", "3");
        assertEquals(0, text.exitCode(), text.stdout() + text.stderr());
        assertTrue(text.stdout().startsWith("3 queries, all on 853, none leaked.\n"), text.stdout());

        // the same settings while the server refuses every query: status looks a name up and does not say PROTECTED
        c.rig.upstreamAnswers(false);
        try {
            JsonNode broken = statusJson(c);
            assertEquals("BROKEN", broken.path("assessment").path("verdict").asText(), broken.toString());
            assertEquals("NAMES_UNRESOLVED", broken.path("assessment").path("reasons").path(0).path("code").asText(), broken.toString());
            TestRig.ExecResult said = c.run("status");
            assertTrue(said.stdout().startsWith("Verdict: BROKEN\n  - Names do not resolve: systemd-resolved could not "
                    + "look up a name just now (example.com: "), said.stdout());
        } finally {
            c.rig.upstreamAnswers(true);
        }
        JsonNode again = statusJson(c);
        assertEquals("PROTECTED", again.path("assessment").path("verdict").asText(), "answered again: " + again);
    }

    private static JsonNode statusJson(RigCli c) {
        TestRig.ExecResult r = c.run("status", "--json");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        try {
            return JSON.readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.stdout() + r.stderr(), e);
        }
    }

    @Test
    @DisplayName("opportunistic mode with a server without TLS: LEAKED, every test name to .4, exit 1; tshark agrees")
    void opportunisticFallbackLeaks() {
        RigCli c = rig(91);
        TestRig.ExecResult a = c.run("apply", "--server", c.rig.plainServer() + "#dot.test", "--mode",
                "opportunistic", "--all-domains");
        assertEquals(3, a.exitCode(), "in place, but the check was answered in plaintext: " + a.stdout() + a.stderr());

        Path pcap = c.rig.dir().resolve("verify-opportunistic.pcap");
        Verified v = verify(c, pcap);
        assertLeakedToPlain(c, v, pcap);
    }

    @Test
    @DisplayName("the rig's initial state (plaintext DNS from the link, nothing applied): LEAKED, exit 1")
    void linkDnsLeaks() {
        RigCli c = rig(92);
        Path pcap = c.rig.dir().resolve("verify-initial.pcap");
        Verified v = verify(c, pcap, "--queries", "4", "--interface", "eth0");
        assertEquals(4, v.doc().path("queries").asInt(), v.why());
        assertLeakedToPlain(c, v, pcap);

        TestRig.ExecResult text = c.run("verify", "--queries", "2");
        assertEquals(1, text.exitCode(), text.stdout() + text.stderr());
        assertTrue(text.stdout().startsWith("2 of 2 queries leaked in plaintext:\n  p853-"), text.stdout());
        assertTrue(text.stdout().contains(" A -> " + c.rig.plainServer() + " on eth0"), text.stdout());
    }

    @Test
    @DisplayName("no DNS server anywhere, neither global nor on the link (resolved refuses every name itself): "
            + "NO_ANSWER with status's reason NO_SERVERS and its fix, not 'a server behind it refused'; exit 1")
    void noServerAnywhereIsSaidPlainly() {
        RigCli c = RigCli.start("p853v94", 94, Map.of()); // no RIG_LINK_DNS, and the rig's FallbackDNS= is empty
        cli = c;
        TestRig.ExecResult text = c.run("verify", "--queries", "2");
        assertEquals(1, text.exitCode(), text.stdout() + text.stderr());
        assertTrue(text.stdout().startsWith("None of the 2 queries were answered (none leaked). No DNS server is "
                + "configured anywhere: names cannot resolve.\nFix: Turn on encryption with a provider (port853 apply "),
                text.stdout());
        assertFalse(text.stdout().contains("a server behind it refused"), text.stdout());

        Verified v = verify(c, c.rig.dir().resolve("verify-no-server.pcap"));
        assertEquals("NO_ANSWER", v.doc().path("verdict").asText(), v.why());
        assertEquals("NO_SERVERS", v.doc().path("cause").path("code").asText(), v.why());
        assertEquals(statusJson(c).path("assessment").path("reasons").path(0).path("message").asText(),
                v.doc().path("cause").path("message").asText(), "said as status says it");
    }

    @Test
    @DisplayName("without CAP_NET_RAW: CAPTURE_UNAVAILABLE in one sentence with the fix, exit 1; bad interface exit 2")
    void captureUnavailable() {
        RigCli c = rig(93);
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--inh-caps=-net_raw", "--bounding-set=-net_raw"));
        cmd.addAll(RigCli.command("verify", "--queries", "2"));
        TestRig.ExecResult r = c.rig.exec(null, Duration.ofSeconds(60), cmd.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("could not watch the traffic") && r.stderr().contains("CAP_NET_RAW")
                && r.stderr().contains(" Fix: "), r.stderr());
        // the link's plaintext server answers: resolved's reply flags (248+) say so, and verify passes that on
        assertTrue(r.stderr().strip().endsWith("systemd-resolved itself reports that a fresh lookup of example.com just "
                + "now came back without encryption: names leave this computer in plaintext."), r.stderr());

        TestRig.ExecResult a = c.run("apply", "--server", c.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(0, a.exitCode(), a.stdout() + a.stderr());
        List<String> json = new ArrayList<>(cmd);
        json.add("--json");
        TestRig.ExecResult e = c.rig.exec(null, Duration.ofSeconds(60), json.toArray(String[]::new));
        assertEquals(1, e.exitCode(), "still nothing proven of the rest: " + e.stdout() + e.stderr());
        try {
            JsonNode said = JSON.readTree(e.stdout()).path("resolverSays");
            assertTrue(said.path("encrypted").asBoolean(false), e.stdout());
            assertEquals("example.com", said.path("name").asText(), e.stdout());
        } catch (IOException x) {
            throw new AssertionError("not JSON: " + e.stdout() + e.stderr(), x);
        }

        TestRig.ExecResult bad = c.run("verify", "--interface", "nosuch0");
        assertEquals(2, bad.exitCode(), bad.stdout() + bad.stderr());
        assertTrue(bad.stderr().startsWith("port853 verify: No such network interface"), bad.stderr());
    }

    private static void assertLeakedToPlain(RigCli c, Verified v, Path pcap) {
        String plain = c.rig.plainServer();
        assertEquals(1, v.exec().exitCode(), v.why());
        assertEquals("LEAKED", v.doc().path("verdict").asText(), v.why());
        assertEquals(v.names(), v.leakedNames(), "every test name is named as leaked: " + v.why());
        for (JsonNode l : v.doc().path("leakedQueries")) {
            assertEquals(plain, l.path("server").asText(), v.why());
            assertEquals("eth0", l.path("interface").asText(), v.why());
        }
        assertEquals(v.names().size(), v.doc().path("answered").asInt(), "the plain server answers: " + v.why());
        for (String name : v.names()) {
            assertTrue(Pcaps.count(pcap, "ip.dst==" + plain + " && udp.dstport==53 && dns.flags.response==0 && "
                    + "dns.qry.name==\"" + name + "\"") > 0, "tshark sees " + name + " leave in plaintext");
        }
    }
}
