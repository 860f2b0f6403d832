package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code port853 monitor --json --interface lo --duration N} in a fresh network namespace while tcpreplay replays
 * the committed lab capture {@code lab-eth0.pcap} (real unbound/dig traffic: DoT, leaked UDP and TCP queries) onto
 * the namespace's {@code lo}. Only loopback is local there, so every frame is encrypted or a leak, exactly as in
 * {@code analyze} of the same file: the totals line must equal the file's totals, the leak lines must name the
 * file's leaked queries (with response codes), and there must be a per-second line for every second.
 */
@EnabledIf("canRun")
public class MonitorIT {
    static final String NS = "p853mon" + ThreadLocalRandom.current().nextInt(100_000);

    @TempDir
    Path dir;

    public static boolean canRun() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/tcpreplay"))
                && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")));
    }

    /** A Java program of this class path started in the network namespace {@code ns}, its errors inherited. */
    static Process javaInNamespace(String ns, String mainClass, String... args) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.pcap4j.core.pcapLibName=" + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    public static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void monitorJsonPrintsSecondsLeaksAndTotalsOfReplayedTraffic() throws Exception {
        Path pcap = dir.resolve("lab-eth0.pcap");
        try (InputStream in = getClass().getResourceAsStream("/org/port853/capture/lab-eth0.pcap")) {
            Files.write(pcap, in.readAllBytes());
        }
        FileAnalyzer.Result file = FileAnalyzer.analyze(pcap, List.of(), 10_000);
        assertTrue(file.leakCount() > 0 && file.total(TrafficClass.ENCRYPTED).packets() > 0);

        run("ip", "netns", "add", NS);
        Process mon = null;
        try {
            run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
            mon = new ProcessBuilder("ip", "netns", "exec", NS,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.pcap4j.core.pcapLibName=" + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                    "-cp", System.getProperty("java.class.path"), "org.port853.app.Launcher",
                    "monitor", "--json", "--interface", "lo", "--duration", "9")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(mon.getInputStream(), StandardCharsets.UTF_8));
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = new ArrayList<>();
            String first = r.readLine(); // the first per-second line: the capture is running
            assertNotNull(first, "monitor printed nothing");
            lines.add(json.readTree(first));
            run("ip", "netns", "exec", NS, "tcpreplay", "-q", "-i", "lo", "--pps=100", pcap.toString());
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(json.readTree(line));
            }
            assertTrue(mon.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, mon.exitValue());

            List<JsonNode> seconds = lines.stream().filter(j -> j.get("event").asText().equals("second")).toList();
            List<JsonNode> leaks = new ArrayList<>(lines.stream().filter(j -> j.get("event").asText().equals("leak")).toList());
            // a leak line comes when the query is seen; its response code follows as a leakUpdate with the same id
            for (JsonNode u : lines.stream().filter(j -> j.get("event").asText().equals("leakUpdate")).toList()) {
                leaks.replaceAll(l -> l.get("id").asLong() == u.get("id").asLong() ? u : l);
            }
            List<JsonNode> totals = lines.stream().filter(j -> j.get("event").asText().equals("totals")).toList();
            assertTrue(seconds.size() >= 7, "a line per second: " + seconds.size());
            for (JsonNode s : seconds) {
                for (String f : List.of("time", "encrypted", "localPlaintext", "leak", "leakedQueries", "interfaces")) {
                    assertTrue(s.has(f), f + " in " + s);
                }
            }
            long secEnc = seconds.stream().mapToLong(s -> s.get("encrypted").asLong()).sum();
            long secLeak = seconds.stream().mapToLong(s -> s.get("leak").asLong()).sum();
            long secLo = seconds.stream().mapToLong(s -> s.path("interfaces").path("lo").path("leak").asLong()).sum();
            assertEquals(file.total(TrafficClass.ENCRYPTED).packets(), secEnc, "per-second encrypted");
            assertEquals(file.total(TrafficClass.LEAK).packets(), secLeak, "per-second leak");
            assertEquals(secLeak, secLo, "per-interface seconds");
            assertEquals(file.leakCount(), seconds.stream().mapToLong(s -> s.get("leakedQueries").asLong()).sum());

            assertEquals(1, totals.size());
            JsonNode t = totals.get(0);
            assertEquals(lines.get(lines.size() - 1), t, "totals come last");
            for (TrafficClass c : TrafficClass.values()) {
                String k = org.port853.cli.AnalyzeCommand.jsonName(c);
                assertEquals(file.total(c).packets(), t.get("totals").get(k).get("packets").asLong(), k);
                assertEquals(file.total(c).bytes(), t.get("totals").get(k).get("bytes").asLong(), k);
            }
            assertEquals(0, t.get("pcapDrops").asLong());
            assertEquals(file.leakCount(), t.get("leakedQueries").asLong());
            assertEquals(file.leakCount(), t.get("leaksByProgram").path("unknown").asLong(),
                    "replayed packets have no local sender: all unknown, " + t.get("leaksByProgram"));

            assertEquals(file.leaks().stream().map(LeakRecord::name).sorted().toList(),
                    leaks.stream().map(j -> j.get("name").asText()).sorted().toList(), "leaked query names");
            for (JsonNode l : leaks) {
                assertEquals("lo", l.get("interface").asText());
                assertTrue(l.has("rcode") && l.has("server") && l.has("type") && l.has("time"), l.toString());
            }
            List<String> fileRcodes = file.leaks().stream().map(l -> l.name() + " " + l.rcode()).sorted().toList();
            assertEquals(fileRcodes, leaks.stream().map(j -> j.get("name").asText() + " "
                    + (j.get("rcode").isNull() ? "null" : j.get("rcode").asText())).sorted().toList(), "rcodes");
            assertTrue(leaks.stream().anyMatch(j -> !j.get("rcode").isNull()), "some leaks were answered");
        } finally {
            if (mon != null) {
                mon.destroy();
                mon.waitFor(10, TimeUnit.SECONDS);
            }
            new ProcessBuilder("ip", "netns", "del", NS).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
