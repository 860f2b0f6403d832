package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory whatever arrives, at the packaged heap ({@code -Xmx128m}, installer/linux/jvm-options): a capture
 * made by a remote sender that opens 1,024 TCP-53 connections (no handshake) and sends on each a 65,535-byte
 * message in two large segments (so every flow's buffer grows to 128 KiB: 128 MiB in all without a budget), and a pcapng that declares tens of thousands of interfaces, must be
 * analysed by {@code port853 analyze} in a JVM limited to 128 MB, with the drops counted.
 */
class HostileCaptureMemoryIT {
    static final int FLOWS = 1024;
    static final int SEGMENTS = 2;
    static final int[] SEGMENT_BYTES = {64_000, 2_000}; // 66,000 bytes: one 65,537-byte message and then some

    @TempDir
    Path dir;

    static void writeHostileTcp(Path file) throws Exception {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                    .putInt(LinkTypes.RAW);
            o.write(h.array());
            long t = 1_700_000_000L;
            for (int s = 0; s < SEGMENTS; s++) {
                byte[] seg = new byte[SEGMENT_BYTES[s]];
                seg[0] = (byte) (s == 0 ? 0xff : 0x41);
                seg[1] = (byte) (s == 0 ? 0xff : 0x41);
                for (int f = 0; f < FLOWS; f++) {
                    byte[] ip = Frames.ipv4("198.19." + (f >> 8) + "." + (f & 0xff), "198.18.0.2", 6,
                            Frames.tcp(20000 + f, 53, 1 + s * (long) SEGMENT_BYTES[0], 0x18, seg));
                    ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                    r.putInt((int) t).putInt(s).putInt(ip.length).putInt(ip.length);
                    o.write(r.array());
                    o.write(ip);
                }
            }
        }
    }

    static void writeManyInterfaces(Path file) throws Exception {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                    .putInt(28);
            o.write(b.array());
            byte[] name = "x".repeat(4000).getBytes(StandardCharsets.US_ASCII); // a long if_name on each
            for (int i = 0; i < 50_000; i++) {
                int len = 20 + 4 + name.length + 4;
                ByteBuffer idb = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
                idb.putInt(1).putInt(len).putShort((short) 1).putShort((short) 0).putInt(0)
                        .putShort((short) 2).putShort((short) name.length).put(name).putInt(0);
                idb.putInt(len);
                o.write(idb.array(), 0, len);
            }
        }
    }

    static JsonNode analyzeAtPackagedHeap(Path file, List<String> out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.port853.app.Launcher", "analyze", "--json", "--max-leaks", "10", file.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        out.add(String.valueOf(p.exitValue()));
        return json.isBlank() ? null : new ObjectMapper().readTree(json);
    }

    @Test
    void hostileTcpStreamsStayWithinTheBudgetAtTheDesktopHeap() throws Exception {
        Path f = dir.resolve("hostile-tcp.pcap");
        writeHostileTcp(f);
        List<String> exit = new ArrayList<>();
        JsonNode j = analyzeAtPackagedHeap(f, exit);
        assertEquals("0", exit.get(0), "analyze at -Xmx128m");
        assertEquals((long) FLOWS * SEGMENTS, j.get("totals").get("leak").get("packets").asLong());
        assertTrue(j.get("reassemblyDroppedFlows").asLong() > 0, "drops counted: " + j.get("reassemblyDroppedFlows"));
    }

    @Test
    void aPcapngDeclaringTensOfThousandsOfInterfacesIsRefusedNotAllocated() throws Exception {
        Path f = dir.resolve("many-ifaces.pcapng");
        writeManyInterfaces(f);
        List<String> exit = new ArrayList<>();
        JsonNode j = analyzeAtPackagedHeap(f, exit);
        // no packet at all before the damage: bad input, one sentence, no OutOfMemoryError
        assertEquals("2", exit.get(0));
        assertEquals(2, j.at("/error/exitCode").asInt(), "--json: the error as a document, not a capture's: " + j);
        assertTrue(j.path("totals").isMissingNode(), String.valueOf(j));
        assertFalse(j.at("/error/message").asText().contains("OutOfMemory"), String.valueOf(j));
    }
}
