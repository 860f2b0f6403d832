package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * doctor, pins and bench-providers against real unbound DoT servers with every fault (src/test/rig/dot-lab.sh),
 * compared with knot's kdig on the same servers.
 */
class DotLabIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAB = Path.of(System.getProperty("user.dir"), "src", "test", "rig", "dot-lab.sh");
    private static final Map<String, String> ENV = new HashMap<>();
    private static Path stateDir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        assertTrue(TestRig.available(), "needs root, unbound and the rig tools (run .ci/install-deps as root)");
        assertTrue(Files.isRegularFile(RigCli.jar()), "build the jar first (mvn package): " + RigCli.jar());
        ENV.put("RIG_ID", TestRig.withWorktreeSuffixForLab("lab"));
        ENV.put("RIG_NET", "85");
        Run r = lab(List.of("start"), 60);
        assertEquals(0, r.exit(), "dot-lab start: " + r.err());
        for (String line : lab(List.of("env"), 10).out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) ENV.put(line.substring(0, eq), line.substring(eq + 1));
        }
        stateDir = org.port853.core.ScratchFolders.create("port853-lab-state");
    }

    @AfterAll
    static void stop() throws Exception {
        if (!ENV.isEmpty() && lab(List.of("stop"), 30).exit() == 0 && ENV.containsKey("RIG_DIR")) {
            org.port853.rig.StoppedRigDirs.stopped(Path.of(ENV.get("RIG_DIR")));
        }
    }

    static Run lab(List<String> args, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", LAB.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(ENV);
        Path out = Files.createTempFile("lab", ".out");
        Path err = Files.createTempFile("lab", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Runs port853 in the lab's client namespace, with a private pin store and the lab CA. */
    static Run port853(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("exec", "env", "XDG_STATE_HOME=" + stateDir));
        cmd.addAll(RigCli.command(args));
        return lab(cmd, 120);
    }

    static JsonNode json(Run r) {
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON (exit " + r.exit() + "): " + r.out() + r.err(), e);
        }
    }

    static String server(String key) {
        return ENV.get(key) + "#dot.test";
    }

    static List<String> serverArgs(String... keys) {
        List<String> a = new ArrayList<>();
        for (String k : keys) {
            a.add("--server");
            a.add(server(k));
        }
        return a;
    }

    static String status(JsonNode doctor, String id, String server) {
        for (JsonNode c : doctor.get("checks")) {
            if (c.get("id").asText().equals(id) && server.equals(c.get("server").asText(null))) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError("no check " + id + " for " + server + " in " + doctor);
    }

    @Test
    void everyFaultReachesItsVerdict() throws Exception {
        List<String> args = new ArrayList<>(List.of("doctor", "--json", "--timeout", "1500", "--ca-file", ENV.get("LAB_CA"),
                "--dnssec-signed", "signed.test", "--dnssec-bogus", "bogus.test", "--large-query", "big.test/TXT"));
        args.addAll(serverArgs("LAB_GOOD", "LAB_EXPIRED", "LAB_WRONGNAME", "LAB_UNTRUSTED", "LAB_TLS12", "LAB_CLOSED",
                "LAB_DROPPED", "LAB_RESET"));
        Run r = port853(args.toArray(String[]::new));
        JsonNode d = json(r);
        assertEquals(1, r.exit(), "failures make doctor exit 1");
        String good = server("LAB_GOOD");
        for (String id : List.of("dot.reachable", "tls.trusted", "tls.name", "tls.expiry", "tls.version", "dns.large-answer",
                "dnssec.validation")) {
            assertEquals("ok", status(d, id, good), id + " on the good server");
        }
        assertEquals("failure", status(d, "tls.expiry", server("LAB_EXPIRED")));
        assertEquals("ok", status(d, "tls.trusted", server("LAB_EXPIRED")), "expiry is reported apart from trust");
        assertEquals("failure", status(d, "tls.name", server("LAB_WRONGNAME")));
        assertEquals("failure", status(d, "tls.trusted", server("LAB_UNTRUSTED")));
        assertTrue(text(d, "tls.trusted", server("LAB_UNTRUSTED")).contains("TLS-inspecting middlebox"));
        assertEquals("warning", status(d, "tls.version", server("LAB_TLS12")));
        assertEquals("failure", status(d, "dot.reachable", server("LAB_CLOSED")));
        assertTrue(text(d, "dot.reachable", server("LAB_CLOSED")).contains("refused"));
        assertTrue(text(d, "dot.reachable", server("LAB_DROPPED")).contains("no answer within the timeout"));
        assertTrue(text(d, "dot.reachable", server("LAB_RESET")).contains("reset"));
        assertEquals("warning", status(d, "dnssec.validation", server("LAB_TLS12")), "a non-validating server is a warning");
    }

    static String text(JsonNode doctor, String id, String server) {
        for (JsonNode c : doctor.get("checks")) {
            if (c.get("id").asText().equals(id) && server.equals(c.get("server").asText(null))) {
                return c.get("evidence").asText();
            }
        }
        throw new AssertionError("no check " + id + " for " + server);
    }

    @Test
    void probeAgreesWithKdig() throws Exception {
        for (String key : List.of("LAB_GOOD", "LAB_TLS12")) {
            Run k = lab(List.of("exec", "kdig", "-d", "+tls", "+tls-ca=" + ENV.get("LAB_CA"), "+tls-hostname=dot.test",
                    "@" + ENV.get(key), "host.test", "A"), 30);
            assertEquals(0, k.exit(), k.err());
            String kdig = k.out() + k.err();
            JsonNode probe = null;
            JsonNode d = json(port853("doctor", "--json", "--ca-file", ENV.get("LAB_CA"), "--name", "host.test", "--server", server(key)));
            for (JsonNode s : d.get("servers")) probe = s;
            assertNotNull(probe);
            Matcher pin = Pattern.compile("SHA-256 PIN: (\\S+)").matcher(kdig);
            assertTrue(pin.find(), kdig);
            assertEquals(pin.group(1), probe.get("certificate").get("pin").asText(), "same SPKI pin as kdig");
            Matcher tls = Pattern.compile("TLS session \\((TLS1\\.\\d)\\)").matcher(kdig);
            assertTrue(tls.find(), kdig);
            assertEquals(tls.group(1).replace("TLS", "TLSv"), probe.get("tlsVersion").asText(), "same TLS version");
            List<String> kdigAnswers = new ArrayList<>();
            Matcher a = Pattern.compile("(?m)^host\\.test\\.\\s+\\d+\\s+IN\\s+A\\s+(\\S+)").matcher(kdig);
            while (a.find()) kdigAnswers.add("A " + a.group(1));
            List<String> ours = new ArrayList<>();
            probe.get("firstAnswers").forEach(x -> ours.add(x.asText()));
            assertEquals(kdigAnswers, ours, "same answers");
            assertEquals(List.of("A 198.51.100.10"), ours);
        }
    }

    @Test
    void benchmarkRanksTheSlowServerLast() throws Exception {
        List<String> args = new ArrayList<>(List.of("bench-providers", "--json", "--rounds", "1", "--ca-file", ENV.get("LAB_CA")));
        args.addAll(serverArgs("LAB_SLOW", "LAB_GOOD", "LAB_TLS12"));
        Run r = port853(args.toArray(String[]::new));
        JsonNode b = json(r);
        assertEquals(0, r.exit(), r.err());
        JsonNode results = b.get("results");
        assertEquals(3, results.size());
        assertEquals(server("LAB_SLOW"), results.get(2).get("server").asText(), "the slowed server ranks last: " + b);
        assertTrue(b.get("suggested").asText().startsWith(ENV.get("LAB_GOOD")) || b.get("suggested").asText().startsWith(ENV.get("LAB_TLS12")));
    }

    @Test
    void pinsAreRecordedAndAKeyChangeIsDetected() throws Exception {
        Path pins = stateDir.resolve("port853").resolve("pins.json");
        Files.deleteIfExists(pins);
        Run first = port853("pins", "--check", "--json", "--ca-file", ENV.get("LAB_CA"), "--server", server("LAB_GOOD"));
        assertEquals(0, first.exit(), first.err());
        String recorded = json(first).get("pins").get(0).get("pin").asText();
        // an interceptor's certificate is not trusted on first use: no pin recorded for it
        Run refused = port853("pins", "--check", "--json", "--ca-file", ENV.get("LAB_CA"), "--server", server("LAB_UNTRUSTED"));
        assertEquals(1, json(refused).get("pins").size(), refused.out());
        assertTrue(refused.out().contains("Not recorded: the certificate is not signed by an authority the check trusts"),
                refused.out());
        // the server now shows another key (as an interceptor would): give its address the untrusted server's key,
        // recorded by a check that trusts the interceptor's CA
        String otherCa = java.nio.file.Path.of(ENV.get("LAB_CA")).resolveSibling("other-ca.pem").toString();
        Run other = port853("pins", "--check", "--json", "--ca-file", otherCa, "--server", server("LAB_UNTRUSTED"));
        String otherPin = json(other).get("pins").get(1).get("pin").asText();
        Files.writeString(pins, Files.readString(pins).replace(recorded, otherPin));
        Run check = port853("pins", "--check", "--json", "--ca-file", ENV.get("LAB_CA"));
        assertEquals(1, check.exit(), "a changed key exits 1: " + check.out());
        assertTrue(check.out().contains("THE SERVER'S KEY CHANGED"), check.out());
        Run stubby = port853("pins", "--export", "stubby");
        assertTrue(stubby.out().contains("tls_pubkey_pinset"), stubby.out());
        assertTrue(stubby.out().contains("tls_auth_name: \"dot.test\""), stubby.out());
    }

    @Test
    void watchAlertsAfterANetworkChangeWhenTheKeyChanged() throws Exception {
        Path pins = stateDir.resolve("port853").resolve("pins.json");
        Files.deleteIfExists(pins);
        List<String> cmd = new ArrayList<>(List.of("bash", LAB.toString(), "exec", "env", "XDG_STATE_HOME=" + stateDir));
        cmd.addAll(RigCli.command("pins", "--watch", "--every", "6h", "--ca-file", ENV.get("LAB_CA"), "--server",
                server("LAB_GOOD")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(ENV);
        Process watch = pb.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(watch.getInputStream()))) {
                for (String line; (line = in.readLine()) != null; ) output.append(line).append('\n');
            } catch (IOException e) {
                output.append("read failed: ").append(e);
            }
        });
        reader.start();
        String extra = ENV.get("LAB_CLIENT").replaceAll("\\.1$", ".99");
        try {
            waitFor(output, "after network changes", 30);
            waitFor(output, "check (start)", 30);
            waitFor(output, "OK " + server("LAB_GOOD"), 10);
            assertEquals(0, lab(List.of("rekey"), 30).exit(), "rekey");
            Thread.sleep(4000); // longer than the debounce: without a network change nothing is checked
            assertFalse(output.toString().contains("ALERT"), "no check ran before the network changed: " + output);
            assertEquals(0, lab(List.of("exec", "ip", "addr", "add", extra + "/32", "dev", "eth0"), 10).exit());
            // debounced, and at least PinWatcher.MIN_GAP (1 min) after the start check
            waitFor(output, "ALERT " + server("LAB_GOOD"), 100);
            assertTrue(output.toString().contains("check (network change)"), output.toString());
            assertTrue(output.toString().contains("THE SERVER'S KEY CHANGED"), output.toString());
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
            lab(List.of("exec", "ip", "addr", "del", extra + "/32", "dev", "eth0"), 10);
        }
    }

    static void waitFor(StringBuffer output, String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!output.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + seconds + " s in: " + output);
            }
            Thread.sleep(100);
        }
    }
}
