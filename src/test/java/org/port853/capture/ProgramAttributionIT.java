package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.port853.rig.TestRig;

/**
 * Which program leaked, on the rig: a real systemd-resolved whose link DNS is the plain-only server 198.18.N.4
 * leaks every upstream query; {@code dig}, {@code getent hosts} and a tiny Java class (run with {@code java -cp})
 * ask its stub 127.0.0.53 for their own names while a live capture runs on all interfaces of the client namespace.
 * Each program's name must come back as {@code requestedBy} of a leak sent by systemd-resolved (its socket found
 * through sock_diag and /proc), and per-program totals must count the asking programs.
 *
 * <p>The server's answers are dropped in the client's input hook (after the capture has seen them), so resolved
 * retries and the programs keep their sockets for a few seconds; programs answered within milliseconds are
 * {@link FastAnswerAttributionIT}'s (docs/capture.md, limits).
 */
@EnabledIf("org.port853.rig.TestRig#available")
public class ProgramAttributionIT {
    static final int NET = 147;

    @TempDir
    Path dir;

    @Test
    void leaksOfResolvedNameTheProgramsThatAskedItsStub() throws Exception {
        String plain = "198.18." + NET + ".4";
        Path probeDir = Files.createDirectories(dir.resolve("probe"));
        Path src = probeDir.resolve("Probe.java");
        Files.writeString(src, "public class Probe { public static void main(String[] a) throws Exception {"
                + " try { System.out.println(java.net.InetAddress.getByName(a[0])); }"
                + " catch (java.net.UnknownHostException e) { System.out.println(e); } } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, src.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        try (TestRig rig = TestRig.start("p853pa", NET, Map.of("RIG_LINK_DNS", plain))) {
            TestRig.ExecResult fw = rig.exec("table inet p853attr {\n chain in {\n  type filter hook input priority 0;\n"
                    + "  ip saddr " + plain + " udp sport 53 drop\n  ip saddr " + plain + " tcp sport 53 drop\n }\n}\n",
                    Duration.ofSeconds(10), "nft", "-f", "-");
            assertTrue(fw.ok(), fw.stderr());
            Process cap = rig.start(java, "-Dorg.pcap4j.core.pcapLibName="
                            + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                    "-cp", System.getProperty("java.class.path"), LiveCaptureMain.class.getName());
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(cap.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine());
                // how each program ended is printed: a failure here once showed only dig's query on the wire
                for (String[] asker : List.of(new String[] {"dig", "+tries=1", "+time=3", "dig-probe.test"},
                        new String[] {"timeout", "4", "getent", "hosts", "getent-probe.test"},
                        new String[] {"timeout", "4", java, "-cp", probeDir.toString(), "Probe", "java-probe.test"})) {
                    long t0 = System.nanoTime();
                    TestRig.ExecResult r = rig.exec(null, Duration.ofSeconds(20), asker);
                    System.out.println(String.join(" ", asker) + ": exit " + r.exitCode() + " after "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms; " + r.stdout().strip() + " " + r.stderr().strip());
                }
                cap.getOutputStream().close();
                String line = out.readLine();
                assertTrue(cap.waitFor(30, TimeUnit.SECONDS));
                System.out.println("capture: " + line);
                JsonNode result = new ObjectMapper().readTree(line);
                List<JsonNode> records = new ArrayList<>();
                result.get("records").forEach(records::add);
                for (String program : List.of("dig", "getent", "java")) {
                    String name = program + "-probe.test";
                    List<JsonNode> leaks = records.stream().filter(r -> r.get("name").asText().equals(name)).toList();
                    assertTrue(!leaks.isEmpty(), "resolved leaked " + name + ": " + records);
                    JsonNode first = leaks.get(0);
                    assertEquals(plain, first.get("server").asText(), first.toString());
                    assertTrue(first.get("sender").asText().startsWith("systemd-resolved ("), first.toString());
                    assertTrue(first.get("requestedBy").asText().startsWith(program + " ("), first.toString());
                    assertEquals(program, first.get("program").asText(), first.toString());
                    assertEquals(program + " → systemd-resolved → " + plain + " (plaintext)",
                            first.get("chain").asText());
                    for (JsonNode l : leaks) { // resolved's retries after the program gave up still name it
                        assertTrue(l.get("requestedBy").asText().startsWith(program + " ("), l.toString());
                    }
                    assertEquals(leaks.size(), result.get("leaksByProgram").path(program).asLong(),
                            program + " in " + result.get("leaksByProgram"));
                }
            } finally {
                cap.destroy();
                cap.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
