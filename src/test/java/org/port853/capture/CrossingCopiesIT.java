package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * On the {@code any} device a query crossing a veth pair and a bridge is seen on three interfaces: a "container"
 * namespace sends DNS queries through a veth pair whose other end is a port of a bridge in the router namespace; the
 * router forwards them out of a second veth pair to a server namespace. {@code port853 monitor --json} on all of the
 * router's interfaces must count each query once (not three times) and name each once.
 */
@EnabledIf("org.port853.capture.MonitorIT#canRun")
class CrossingCopiesIT {
    static final String ID = "p853x" + ThreadLocalRandom.current().nextInt(10_000)
            + System.getenv().getOrDefault("RIG_ID_SUFFIX", "");
    static final String CT = ID + "c";
    static final String RT = ID + "r";
    static final String SV = ID + "s";
    static final int QUERIES = 5;

    static void sh(String script) throws Exception {
        MonitorIT.run("bash", "-ec", script);
    }

    @Test
    void aQueryCrossingAVethPairAndABridgeCountsOnce() throws Exception {
        Process mon = null;
        try {
            sh("for n in " + CT + " " + RT + " " + SV + "; do ip netns add $n; ip -n $n link set lo up; done\n"
                    + "ip link add " + ID + "a type veth peer name " + ID + "b\n"
                    + "ip link set " + ID + "a netns " + CT + "; ip link set " + ID + "b netns " + RT + "\n"
                    + "ip link add " + ID + "d type veth peer name " + ID + "e\n"
                    + "ip link set " + ID + "d netns " + RT + "; ip link set " + ID + "e netns " + SV + "\n"
                    + "ip -n " + RT + " link add br0 type bridge\n"
                    + "ip -n " + RT + " link set " + ID + "b master br0\n"
                    + "for l in br0 " + ID + "b " + ID + "d; do ip -n " + RT + " link set $l up; done\n"
                    + "ip -n " + RT + " addr add 198.18.71.1/24 dev br0\n"
                    + "ip -n " + RT + " addr add 198.18.72.1/24 dev " + ID + "d\n"
                    + "ip netns exec " + RT + " sysctl -qw net.ipv4.ip_forward=1\n"
                    + "ip -n " + CT + " link set " + ID + "a up; ip -n " + CT + " addr add 198.18.71.2/24 dev " + ID + "a\n"
                    + "ip -n " + CT + " route add default via 198.18.71.1\n"
                    + "ip -n " + SV + " link set " + ID + "e up; ip -n " + SV + " addr add 198.18.72.2/24 dev " + ID + "e\n"
                    + "ip -n " + SV + " route add default via 198.18.72.1\n"
                    + "ip -n " + SV + " link show " + ID + "e >/dev/null\n");
            mon = new ProcessBuilder("ip", "netns", "exec", RT,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.pcap4j.core.pcapLibName=" + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                    "-cp", System.getProperty("java.class.path"), "org.port853.app.Launcher",
                    "monitor", "--json", "--duration", "5")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(mon.getInputStream(), StandardCharsets.UTF_8));
            assertNotNull(r.readLine(), "monitor printed nothing");
            // plain DNS queries from the container to the server (nothing answers: only the queries travel)
            sh("ip netns exec " + CT + " /usr/bin/python3 - <<'PY'\n"
                    + "import socket, struct\n"
                    + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                    + "for i in range(" + QUERIES + "):\n"
                    + "    name = b''.join(bytes([len(l)]) + l for l in (b'once%d' % i, b'example', b'com')) + b'\\0'\n"
                    + "    s.sendto(struct.pack('>HHHHHH', 0x4000 + i, 0x0100, 1, 0, 0, 0) + name + b'\\0\\1\\0\\1',\n"
                    + "             ('198.18.72.2', 53))\n"
                    + "PY");
            ObjectMapper json = new ObjectMapper();
            JsonNode totals = null;
            int leakLines = 0;
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode j = json.readTree(line);
                switch (j.get("event").asText()) {
                    case "totals" -> totals = j;
                    case "leak" -> leakLines++;
                    default -> { }
                }
            }
            assertTrue(mon.waitFor(30, TimeUnit.SECONDS));
            assertNotNull(totals);
            assertEquals(QUERIES, totals.get("totals").get("leak").get("packets").asLong(),
                    "one count per query, not one per interface crossed: " + totals);
            assertEquals(QUERIES, totals.get("leakedQueries").asLong());
            assertEquals(QUERIES, leakLines);
        } finally {
            if (mon != null) {
                mon.destroy();
                mon.waitFor(10, TimeUnit.SECONDS);
            }
            for (String n : new String[] {CT, RT, SV}) {
                new ProcessBuilder("ip", "netns", "del", n).start().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
