package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.rig.TestRig;

/**
 * Which program leaked, when its answer comes fast: {@code dig} in the rig's client namespace asks a plain DNS server
 * in the server namespace ({@code src/test/rig/SlowDns.java}) that answers after 0, 1, 5, 20 or 50 ms, while a live
 * capture runs, directly and through a capture service as the installed app does. {@code dig} closes its socket and
 * exits as soon as the answer is in, long before the counting handle's block (up to 100 ms) reaches the leak worker:
 * only the lookup made as the query left (the sender handle) can find it. Measured before that handle existed, the
 * same run named {@code dig} for 0 of 10 queries answered within 5 ms, 1 of 10 at 20 ms, 4 of 10 at 50 ms; through
 * systemd-resolved's stub, {@code dig} is the program that asked for the leak resolved sent ({@code requestedBy}).
 */
@EnabledIf("org.port853.rig.TestRig#available")
public class FastAnswerAttributionIT {
    static final int NET = 107;
    static final int[] DELAYS_MS = {0, 1, 5, 20, 50};
    static final int QUERIES = 10;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"direct", "--via-service", "through-the-stub"})
    @DisplayName("a program answered after 20 or 50 ms is named for 8 of 10 queries at least (all when the machine is "
            + "quiet): direct capture, through a capture service, and through resolved's stub; faster answers measured")
    void programsAnsweredFastAreNamed(String how) throws Exception {
        String slow = "198.18." + NET + ".9";
        boolean stub = how.equals("through-the-stub");
        // through the stub: the slow server is resolved's link DNS, the leak is resolved's, dig is who asked for it
        try (TestRig rig = TestRig.start("p853fa", NET, stub ? Map.of("RIG_LINK_DNS", slow) : Map.of())) {
            String srv = rig.serverNamespace();
            run("ip", "-n", srv, "addr", "add", slow + "/24", "dev", "eth0");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process server = new ProcessBuilder("ip", "netns", "exec", srv, java,
                    TestRig.script().resolveSibling("SlowDns.java").toString(), slow).redirectErrorStream(true).start();
            List<String> capArgs = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    LiveCaptureMain.class.getName()));
            if (how.equals("--via-service")) {
                capArgs.add(how);
            }
            Process cap = rig.start(capArgs.toArray(String[]::new));
            try {
                assertEquals("UP", new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8)).readLine());
                BufferedReader out = new BufferedReader(new InputStreamReader(cap.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine());
                for (int delay : DELAYS_MS) {
                    for (int i = 0; i < QUERIES; i++) {
                        rig.exec(null, Duration.ofSeconds(20), "dig", "@" + (stub ? "127.0.0.53" : slow), "+tries=1",
                                "+time=2", "q" + i + "-" + delay + "-x.test");
                    }
                }
                cap.getOutputStream().close();
                String line = out.readLine();
                assertTrue(cap.waitFor(30, TimeUnit.SECONDS));
                JsonNode records = new ObjectMapper().readTree(line).get("records");
                Map<Integer, int[]> byDelay = new LinkedHashMap<>(); // named dig, socket's user only, nothing
                for (int delay : DELAYS_MS) {
                    int[] n = new int[3];
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (JsonNode r : records) {
                        String name = r.get("name").asText().replaceAll("\\.$", "");
                        // resolved may ask again (another feature level): each name's first leak counts
                        if (name.matches("q\\d-" + delay + "-x\\.test") && seen.add(name)) {
                            String who = r.get(stub ? "requestedBy" : "sender").asText();
                            n[who.startsWith("dig (") ? 0 : who.startsWith("uid ") ? 1 : 2]++;
                        }
                    }
                    byDelay.put(delay, n);
                    System.out.println(how + ": answered after " + delay + " ms: " + n[0] + " named dig, " + n[1]
                            + " by the socket's user only, " + n[2] + " not found (of " + QUERIES + ")");
                    assertEquals(QUERIES, n[0] + n[1] + n[2], "every query leaked: " + records);
                }
                System.out.println(how + ": " + records);
                // dig is the newest process when its socket is looked for (SocketOwners scans newest first), but on
                // a loaded machine the lookup or the search may come after dig has exited: with a full CI run sharing
                // the two cores, 6 of 10 were named at 5 ms and 9 of 10 once at 20 ms (10 of 10 when quiet). So the
                // test requires 8 of 10 at 20 and 50 ms, where the code before the sender handle named 1 and 4
                for (int delay : List.of(20, 50)) {
                    assertTrue(byDelay.get(delay)[0] >= QUERIES - 2, "answered after " + delay + " ms: dig named for "
                            + byDelay.get(delay)[0] + " of " + QUERIES);
                }
            } finally {
                cap.destroy();
                cap.waitFor(10, TimeUnit.SECONDS);
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
    }
}
