package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real DNS traffic (unbound server + unbound DoT stub + dig/kdig, IPv4 and IPv6, UDP and TCP 53, TCP 853, IP
 * fragments) in two fresh network namespaces, captured by tcpdump and by our live capture at the same time.
 * Our file analysis must equal tshark's counts on the same files exactly, and our live counts must equal the
 * file's. tshark runs with IP reassembly off ({@code ip.defragment:FALSE}, {@code ipv6.defragment:FALSE}) so
 * that, as in our rule, a first fragment shows its UDP ports and later fragments show none (with reassembly on,
 * tshark would move the UDP layer to the last fragment instead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("canRun")
class CaptureVsTsharkIT {
    static final int NET = 200 + ThreadLocalRandom.current().nextInt(50);
    static final String ID = "capit" + NET;
    static final String C4 = "198.18." + NET + ".1";
    static final String C6 = "fd00:854:" + NET + "::1";
    static final String DNS53 = "(tcp.port==53 || udp.port==53)";
    /** Port 853 and not 53 (53 wins); the lab's 853 traffic is all TLS, so none of it is plaintext on 853. */
    static final String ENC = "(tcp.port==853 || udp.port==853) && !" + DNS53 + " && !icmp && !icmpv6";
    static final String DNS = DNS53 + " && !icmp && !icmpv6";
    static final String LOCAL = "(((ip.src==127.0.0.0/8 || ip.src==" + C4 + ") && (ip.dst==127.0.0.0/8 || ip.dst=="
            + C4 + ")) || ((ipv6.src==::1 || ipv6.src==" + C6 + ") && (ipv6.dst==::1 || ipv6.dst==" + C6 + ")))";

    @TempDir
    static Path dir;
    Path lab;

    static boolean canRun() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        for (String tool : List.of("tshark", "tcpdump", "unbound", "dig", "kdig", "ip", "editcap", "openssl")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool)) && !Files.isExecutable(Path.of("/usr/sbin", tool))
                    && !Files.isExecutable(Path.of("/sbin", tool))) {
                return false;
            }
        }
        return true;
    }

    @BeforeAll
    void startLab() throws Exception {
        lab = dir.resolve("dns-lab.sh");
        try (InputStream in = getClass().getResourceAsStream("/org/port853/capture/dns-lab.sh")) {
            Files.write(lab, in.readAllBytes());
        }
        Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwx------"));
        sh("start");
    }

    @AfterAll
    void stopLab() throws Exception {
        sh("stop");
    }

    String sh(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", lab.toString()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LAB_ID", ID);
        pb.environment().put("LAB_NET", String.valueOf(NET));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lab timed out: " + out);
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
        return out;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    /** tshark's packets/bytes for a display filter. */
    static String tshark(Path file, String filter) throws Exception {
        String out = run(List.of("tshark", "-n", "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE", "-r",
                file.toString(), "-Y", filter, "-T", "fields", "-e", "frame.len"));
        long n = 0;
        long bytes = 0;
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                n++;
                bytes += Long.parseLong(line.trim());
            }
        }
        return n + "/" + bytes;
    }

    /** Query names of leaked DNS queries as tshark decodes them (TCP reassembly on: one entry per message). */
    static List<String> tsharkLeakNames(Path file) throws Exception {
        String out = run(List.of("tshark", "-n", "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
                "-r", file.toString(), "-Y", DNS + " && !" + LOCAL + " && dns.flags.response==0",
                "-T", "fields", "-e", "dns.qry.name", "-e", "dns.flags.response"));
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String[] qn = f[0].split(",");
            String[] resp = f.length > 1 ? f[1].split(",") : new String[0];
            for (int i = 0; i < qn.length; i++) {
                if (i < resp.length && (resp[i].equals("0") || resp[i].equals("False"))) {
                    names.add(qn[i]);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static long packets(String tsharkCount) {
        return Long.parseLong(tsharkCount.substring(0, tsharkCount.indexOf('/')));
    }

    static String ours(FileAnalyzer.Result r, TrafficClass c) {
        return r.total(c).packets() + "/" + r.total(c).bytes();
    }

    void assertEqualsTshark(Path file, boolean names) throws Exception {
        FileAnalyzer.Result r = FileAnalyzer.analyze(file,
                List.of(InetAddress.getByName(C4), InetAddress.getByName(C6)), 100_000);
        assertEquals(tshark(file, ENC), ours(r, TrafficClass.ENCRYPTED), file + " encrypted");
        assertEquals(tshark(file, DNS + " && " + LOCAL), ours(r, TrafficClass.LOCAL_PLAINTEXT), file + " local");
        assertEquals(tshark(file, DNS + " && !" + LOCAL), ours(r, TrafficClass.LEAK), file + " leak");
        assertEquals("0/0", ours(r, TrafficClass.PLAINTEXT_853), file + " plaintext on 853 (the lab's 853 is TLS)");
        // the window's unit: queries (a TLS application record starting a client's segment; a DNS question)
        assertEquals(packets(tshark(file, ENC + " && tcp.dstport==853 && tcp.len>=5 && tcp.payload[0:2]==17:03")),
                Arrays.stream(r.perSecond().queries().encrypted()).sum(), file + " encrypted queries");
        assertEquals(packets(tshark(file, DNS + " && " + LOCAL + " && (udp.dstport==53 && len(udp.payload)>=12 && "
                        + "!(udp.payload[2] & 0x80) || tcp.dstport==53 && len(tcp.payload)>=14 && !(tcp.payload[4] & 0x80))")),
                Arrays.stream(r.perSecond().queries().local()).sum(), file + " local queries");
        assertTrue(Arrays.stream(r.perSecond().queries().encrypted()).sum() > 0 || file.endsWith("cut.pcap"),
                "encrypted queries present (the cut file has no TLS bytes left)");
        assertTrue(r.total(TrafficClass.ENCRYPTED).packets() > 0 && r.total(TrafficClass.LEAK).packets() > 0
                && (r.total(TrafficClass.LOCAL_PLAINTEXT).packets() > 0 || !file.toString().contains("any")),
                "all classes present");
        if (names) {
            assertEquals(tsharkLeakNames(file), r.leaks().stream().map(LeakRecord::name).sorted().toList(),
                    file + " leaked query names");
        }
    }

    @Test
    void tcpdumpFilesAndLiveCaptureAgreeWithTshark() throws Exception {
        Path sll2 = dir.resolve("any-sll2.pcap");
        Path eth = dir.resolve("eth0.pcap");
        Path sll = dir.resolve("any-sll.pcap");
        List<String> live = new ArrayList<>(List.of("ip", "netns", "exec", ID + "-c",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.pcap4j.core.pcapLibName=" + System.getProperty("org.pcap4j.core.pcapLibName", "libpcap.so.0.8"),
                "-cp", System.getProperty("java.class.path"), LiveCaptureMain.class.getName()));
        Process ours = new ProcessBuilder(live).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(ours.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", r.readLine());
            sh("capture-start", sll2.toString());
            Process ethDump = new ProcessBuilder("ip", "netns", "exec", ID + "-c", "tcpdump", "-i", "eth0",
                    "--immediate-mode", "-U", "-n", "-s", "0", "-w", eth.toString(),
                    "port 53 or port 853 or (ip and ip[6:2] & 0x3fff != 0) or (ip6 and ip6[6] == 44)")
                    .redirectErrorStream(true).start();
            Process sllDump = new ProcessBuilder("ip", "netns", "exec", ID + "-c", "tcpdump", "-i", "any",
                    "--immediate-mode", "-U", "-n", "-s", "0", "-w", sll.toString(), "port 53 or port 853")
                    .redirectErrorStream(true).start();
            try {
                Thread.sleep(1000);
                sh("traffic", "3");
                Thread.sleep(500);
            } finally {
                sh("capture-stop");
                for (Process p : List.of(ethDump, sllDump)) {
                    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
            ours.getOutputStream().close();
            String json = r.readLine();
            assertTrue(ours.waitFor(30, TimeUnit.SECONDS));
            for (Path f : List.of(sll2, eth, sll)) {
                assertEqualsTshark(f, true);
            }
            Path mixed = dir.resolve("mixed.pcapng");
            run(List.of("mergecap", "-F", "pcapng", "-w", mixed.toString(), sll2.toString(), eth.toString()));
            assertEqualsTshark(mixed, false);
            Path cut = dir.resolve("cut.pcap");
            run(List.of("editcap", "-s", "58", sll2.toString(), cut.toString()));
            assertEqualsTshark(cut, false);
            Path ng = dir.resolve("any.pcapng");
            run(List.of("editcap", "-F", "pcapng", sll2.toString(), ng.toString()));
            assertEqualsTshark(ng, true);
            Path ns = dir.resolve("nsec.pcap");
            run(List.of("editcap", "-F", "nsecpcap", eth.toString(), ns.toString()));
            assertEqualsTshark(ns, true);

            // live == file (same filter, same namespace; the file's extra fragments are not counted anyway)
            JsonNode j = new ObjectMapper().readTree(json);
            FileAnalyzer.Result file = FileAnalyzer.analyze(sll2,
                    List.of(InetAddress.getByName(C4), InetAddress.getByName(C6)), 100_000);
            assertEquals(0, j.get("drops").asLong());
            // the stub's DoT connections idle out (TLS close, FIN) outside tcpdump's window but inside ours
            long liveEnc = Long.parseLong(j.get("ENCRYPTED").asText().split("/")[0]);
            assertTrue(liveEnc >= file.total(TrafficClass.ENCRYPTED).packets(), "live encrypted " + liveEnc);
            // the live window opens before and closes after tcpdump's: connection teardowns may add packets
            assertTrue(Long.parseLong(j.get("LOCAL_PLAINTEXT").asText().split("/")[0])
                    >= file.total(TrafficClass.LOCAL_PLAINTEXT).packets(), "live local " + j);
            // TCP-53 teardowns can also fall outside tcpdump's window; the leaked queries themselves must match
            // exactly (names below), and the file's counts already equal tshark's exactly above.
            assertTrue(Long.parseLong(j.get("LEAK").asText().split("/")[0])
                    >= file.total(TrafficClass.LEAK).packets(), "live leak " + j);
            List<String> liveNames = new ArrayList<>();
            j.get("leaks").forEach(n -> liveNames.add(n.asText()));
            // Two independent captures (tcpdump's file and ours) cannot share an exact window, so a leak at the
            // edge may be in one only: every leak in the file must be in the live list, and the live list may hold
            // at most a couple more (the file's own counts are compared exactly with tshark above).
            List<String> fileNames = file.leaks().stream().map(LeakRecord::name).sorted().toList();
            List<String> missing = new ArrayList<>(fileNames);
            liveNames.forEach(missing::remove);
            assertTrue(missing.isEmpty(), "leaks in the file but not seen live: " + missing);
            assertTrue(liveNames.size() <= fileNames.size() + 2, "live saw far more leaks: " + liveNames);
            assertEquals("[\"eth0\"]", j.get("ifaces").toString());
        } finally {
            ours.destroy();
            ours.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
