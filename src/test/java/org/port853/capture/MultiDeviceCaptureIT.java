package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A capture on several libpcap devices at once (what Windows needs: Npcap has no "any" device), with real libpcap
 * in a fresh network namespace: {@code lo} and a veth {@code v0} (198.18.9.1/24) are read by one thread;
 * a query to 127.0.0.1 counts as local plaintext on lo, one to 198.18.9.53 as a leak on v0. An optional device that
 * does not exist is skipped; a required one stops the start with a clear reason.
 */
@EnabledIf("org.port853.capture.MonitorIT#canRun")
class MultiDeviceCaptureIT {
    static final String NS = "p853md" + ThreadLocalRandom.current().nextInt(100_000)
            + System.getenv().getOrDefault("RIG_ID_SUFFIX", "");

    @BeforeAll
    static void namespace() throws Exception {
        MonitorIT.run("ip", "netns", "add", NS);
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "addr", "add", "198.18.9.1/24", "dev", "v0");
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "set", "v0", "up");
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "link", "set", "v1", "up");
        // no ARP wait: the query leaves v0 at once (nobody answers it)
        MonitorIT.run("ip", "netns", "exec", NS, "ip", "neigh", "add", "198.18.9.53", "lladdr", "02:00:00:00:00:53",
                "dev", "v0");
    }

    @AfterAll
    static void remove() throws Exception {
        new ProcessBuilder("ip", "netns", "del", NS).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static JsonNode capture(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", NS,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.pcap4j.core.pcapLibName=" + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                "-cp", System.getProperty("java.class.path"), MultiDeviceCaptureMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
        return new ObjectMapper().readTree(last);
    }

    @Test
    @DisplayName("one thread reads every device; frames are counted under their device's name; a missing optional "
            + "device is skipped")
    void severalDevices() throws Exception {
        JsonNode r = capture("lo,v0,?missing0", "127.0.0.1=multi-lo.example.com", "198.18.9.53=multi-v0.example.com");
        assertEquals("live on all interfaces (lo, v0)", r.path("description").asText(), r.toString());
        assertTrue(r.path("LOCAL_PLAINTEXT").asLong() >= 1, r.toString());
        assertEquals(1, r.path("LEAK").asLong(), r.toString());
        assertEquals("[\"multi-v0.example.com@v0\"]", r.path("leaks").toString());
        assertEquals("[\"lo\",\"v0\"]", r.path("interfaces").toString());
    }

    @Test
    @DisplayName("a required device that cannot be opened stops the start with its name")
    void requiredDeviceMissing() throws Exception {
        JsonNode r = capture("lo,missing0");
        assertEquals("No such network interface: 'missing0'.", r.path("error").asText(), r.toString());
    }
}
