package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.port853.cli.AnalyzeCommand;
import picocli.CommandLine;

class AnalyzeCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AnalyzeCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonDocument() throws Exception {
        Run r = run(LabFixturesTest.fixture("lab-any-sll2.pcap").toString(), "--local", "198.18.61.1",
                "--local", "fd00:854:61::1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(71, j.at("/totals/encrypted/packets").asLong());
        assertEquals(18490, j.at("/totals/encrypted/bytes").asLong());
        assertEquals(14, j.at("/totals/localPlaintext/packets").asLong());
        assertEquals(10684, j.at("/totals/leak/bytes").asLong());
        assertEquals(10, j.get("leaks").size());
        JsonNode first = j.get("leaks").get(0);
        assertEquals("leak1.example.com", first.get("name").asText());
        assertEquals("A", first.get("type").asText());
        assertEquals("198.18.61.2", first.get("server").asText());
        assertTrue(first.get("process").isNull());
        assertTrue(first.get("time").asText().endsWith("Z"));
        assertEquals(0, j.get("parseErrors").asLong());
        assertTrue(j.get("interfaces").size() >= 2);
        // queries, as tshark counts them in this file: "tcp.dstport==853 && tcp.len>=5 && tcp.payload[0:2]==17:03",
        // and DNS questions to port 53 between the two local addresses
        assertEquals(9, sum(j.at("/perSecond/queries/encrypted")));
        assertEquals(3, sum(j.at("/perSecond/queries/local")));
        assertEquals(j.at("/perSecond/seconds").asInt(), j.at("/perSecond/queries/local").size());
    }

    private static long sum(JsonNode array) {
        long n = 0;
        for (JsonNode v : array) n += v.asLong();
        return n;
    }

    @Test
    void withoutLocalAddressesOnlyLoopbackIsLocal() throws Exception {
        Run r = run(LabFixturesTest.fixture("lab-any-sll2.pcap").toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("leak1.example.com"), r.out());
        assertTrue(r.out().contains("Parse errors: 0"), r.out());
    }

    /** The lab's client and server: with both local, only the IPv6 queries (3) still leak. */
    private static final String CLIENT = "198.18.61.1";
    private static final String SERVER = "198.18.61.2";

    private static long leaks(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).get("leakCount").asLong();
    }

    @Test
    void localTakesOneAddressPerOccurrenceBeforeOrAfterTheFile() throws Exception {
        String file = LabFixturesTest.fixture("lab-any-sll2.pcap").toString();
        assertEquals(10, leaks(run("--local", CLIENT, file, "--json")));
        assertEquals(10, leaks(run("--local=" + CLIENT, file, "--json")));
        assertEquals(3, leaks(run("--local", CLIENT, "--local", SERVER, file, "--json")));
        assertEquals(3, leaks(run(file, "--local", CLIENT, "--local", SERVER, "--json")));
        assertEquals(3, leaks(run("--local", CLIENT + "," + SERVER, file, "--json")));
        assertEquals(3, leaks(run("--local=" + CLIENT + "," + SERVER, file, "--json")));
        assertEquals(0, leaks(run(file, "--local", CLIENT + "," + SERVER, "--local", "fd00:854:61::1",
                "--local=fd00:854:61::2", "--json")));
    }

    @Test
    @DisplayName("--max-leaks 0 says the leaks are counted and none listed, not a list header and '... and 10 more'")
    void maxLeaksZeroListsNoneInWords() throws Exception {
        Run r = run(LabFixturesTest.fixture("lab-any-sll2.pcap").toString(), "--local", "198.18.61.1",
                "--max-leaks", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("10 leaked queries, none listed (--max-leaks 0; raise it to list them)\n"), r.out());
        assertTrue(!r.out().contains("more (raise --max-leaks)"), r.out());
    }

    @Test
    @DisplayName("an LLMNR lookup in a capture is said as not counted, with why it is no leak, not left out in silence")
    void localLinkLookupsAreSaidNotCounted(@TempDir Path dir) throws Exception {
        byte[] llmnr = Frames.ether(0x0800, Frames.ipv4("10.0.0.5", "224.0.0.252", 17,
                Frames.udp(40000, 5355, Frames.dnsQuery("printer", 1))));
        Path pcapng = Files.write(dir.resolve("llmnr.pcapng"), Frames.pcapng(ByteOrder.LITTLE_ENDIAN, List.of(1),
                List.of("wlan0"), List.of(new Frames.Rec(FileAnalyzerTest.T, 1, llmnr))));
        Run r = run(pcapng.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(joined(r.out()).contains("Frames of other ports or protocols, not counted: 1 (among them any "
                + "multicast DNS (5353), LLMNR (5355) and NetBIOS (137) name lookups: they ask the local network, not a "
                + "DNS server, so they are no leaks, and DNS-over-TLS does not cover them)"), r.out());
    }

    @Test
    @DisplayName("leak packets in which no DNS query could be read (another protocol on port 53) are said to carry none, "
            + "not left as a bare leak count beside 'No leaked queries.'")
    void leakPacketsWithoutAQueryAreSaidSo(@TempDir Path dir) throws Exception {
        byte[] vpn = Frames.ether(0x0800, Frames.ipv4("10.0.0.5", "203.0.113.5", 17,
                Frames.udp(40000, 53, "not dns, a tunnel's random bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        Path pcapng = Files.write(dir.resolve("vpn53.pcapng"), Frames.pcapng(ByteOrder.LITTLE_ENDIAN, List.of(1),
                List.of("wlan0"), List.of(new Frames.Rec(FileAnalyzerTest.T, 1, vpn))));
        Run r = run(pcapng.toString(), "--local", "10.0.0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(joined(r.out()).contains("No leaked queries. 1 leak packet on port 53 carried no DNS query that "
                + "could be read: another protocol run on port 53 (a VPN such as WireGuard or OpenVPN), or queries the "
                + "capture could not read Parse errors: "), r.out());
        Run clean = run(LabFixturesTest.fixture("lab-eth0.pcap").toString());
        assertTrue(!clean.out().contains("carried no DNS query"), "leaked queries were read there: " + clean.out());
    }

    /** The output's lines, each stripped, joined by spaces: a sentence wrapped to 80 columns reads whole. */
    private static String joined(String out) {
        return String.join(" ", out.lines().map(String::strip).toList());
    }

    /** Terminal columns of the test's names: CJK takes two, the combining acute none. */
    private static int columns(String line) {
        return line.codePoints().map(c -> c == 0x301 ? 0 : c >= 0x3000 ? 2 : 1).sum();
    }

    @Test
    @DisplayName("interfaces named in CJK, with a combining mark or at length keep the interface table's columns: "
            + "padded by terminal columns, a name beyond what the counts leave of 80 cut by columns; the leak list names "
            + "each whole")
    void interfaceNamesArePaddedByTerminalColumns(@TempDir Path dir) throws Exception {
        List<String> names = List.of("eth0", "\u7121\u7dda\u30ea\u30f3\u30af\u7121\u7dda\u30ea\u30f3\u30af",
                "cafe\u0301-lan", "\u7121".repeat(10) + "x".repeat(34)); // 64 bytes, as many as a name is read
        List<Frames.IfRec> recs = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            recs.add(new Frames.IfRec(FileAnalyzerTest.T + i, i, 0, Frames.ether(0x0800, Frames.ipv4("10.0.0.5",
                    "203.0.113.5", 17, Frames.udp(40000, 53, Frames.dnsQuery("q" + i + ".example", 1))))));
        }
        Path pcapng = Files.write(dir.resolve("names.pcapng"), Frames.pcapngInterfaces(LinkTypes.ETHERNET, names, recs));
        Run r = run(pcapng.toString(), "--local", "10.0.0.5");
        assertEquals(0, r.code(), r.err());

        List<String> table = r.out().lines().dropWhile(l -> !l.startsWith("interface ")).takeWhile(l -> !l.isEmpty())
                .toList();
        assertEquals(names.size() + 1, table.size(), r.out());
        int end = columns(table.get(0));
        for (String line : table) {
            assertEquals(end, columns(line), "columns in line with the first: " + line + "\n" + r.out());
        }
        String leaks = String.join(" ", r.out().lines().dropWhile(l -> !l.endsWith("leaked queries:"))
                .map(String::strip).toList());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(leaks.contains("q" + i + ".example on " + names.get(i) + " "), names.get(i) + ": " + r.out());
        }
        assertTrue(r.out().contains("\u7121".repeat(10) + "x".repeat(26) + "\u2026 "), "cut to the 47 columns the counts "
                + "leave in 80: " + r.out());
    }

    @Test
    @DisplayName("the interface table fits 80 columns with long interface names and every class shown: a name too wide "
            + "for what the counts leave is cut with '…', the rows keep their columns, --json keeps each name whole")
    void interfaceTableFitsATerminal(@TempDir Path dir) throws Exception {
        List<String> names = List.of("enx00e04c680001", "wlp0s20f3",
                "enx00e04c680001.vlan100-office-uplink-to-the-building-b");
        for (boolean on853 : List.of(false, true)) {
            List<Frames.IfRec> recs = new java.util.ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                for (int n = 0; n < 1200; n++) {
                    recs.add(new Frames.IfRec(FileAnalyzerTest.T + i * 2000 + n, i, 0, Frames.ether(0x0800,
                            Frames.ipv4("10.0.0." + (5 + i), "203.0.113.5", 17, Frames.udp(40000, on853 && n % 2 == 0 ? 853 : 53,
                                    Frames.dnsQuery("q" + n + ".example", 1))))));
                }
            }
            // a local network's own lookup (multicast DNS): the line that says why it is not counted must fit too
            recs.add(new Frames.IfRec(FileAnalyzerTest.T + 9000, 1, 0, Frames.ether(0x0800, Frames.ipv4("10.0.0.6",
                    "224.0.0.251", 17, Frames.udp(5353, 5353, Frames.dnsQuery("printer.local", 1))))));
            Path pcapng = Files.write(dir.resolve("long" + on853 + ".pcapng"), Frames.pcapngInterfaces(LinkTypes.ETHERNET,
                    names, recs));
            Run r = run(pcapng.toString(), "--max-leaks", "0");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Frames of other ports or protocols, not counted: 1 "), r.out());
            r.out().lines().forEach(l -> assertTrue(columns(l) <= 80, columns(l) + " columns: '" + l + "' in\n"
                    + r.out()));
            List<String> table = r.out().lines().dropWhile(l -> !l.startsWith("interface ")).takeWhile(l -> !l.isEmpty())
                    .toList();
            assertEquals(names.size() + 1, table.size(), r.out());
            assertEquals(on853, table.get(0).endsWith("plaintext on 853"), r.out());
            for (String line : table) {
                assertEquals(columns(table.get(0)), columns(line), "columns in line with the first: " + line);
            }
            assertTrue(table.get(1).startsWith("enx00e04c680001 "), r.out());
            assertTrue(table.get(2).startsWith("wlp0s20f3 "), r.out());
            assertTrue(table.get(3).startsWith("enx00e04c680001.vlan") && table.get(3).contains("\u2026 "), r.out());
            JsonNode j = new ObjectMapper().readTree(run(pcapng.toString(), "--json").out());
            names.forEach(n -> assertTrue(j.get("interfaces").has(n), n + " whole in --json: " + j.get("interfaces")));
        }
    }

    @Test
    @DisplayName("plaintext on 853 has its column in the interface table when there is any: its interface read 0 / 0")
    void plaintextOn853ShowsPerInterface(@TempDir Path dir) throws Exception {
        byte[] frame = Frames.ether(0x0800, Frames.ipv4("10.0.0.5", "10.0.0.1", 17,
                Frames.udp(40000, 853, Frames.dnsQuery("plain853.example", 1))));
        Path pcapng = Files.write(dir.resolve("p853.pcapng"), Frames.pcapng(ByteOrder.LITTLE_ENDIAN, List.of(1),
                List.of("wlan0"), List.of(new Frames.Rec(FileAnalyzerTest.T, 1, frame))));
        Run r = run(pcapng.toString());
        assertEquals(0, r.code(), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("wlan0")).findFirst().orElseThrow();
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("interface") && l.endsWith("plaintext on 853")), r.out());
        assertTrue(row.endsWith(" 1 / " + frame.length), r.out());
        Run clean = run(LabFixturesTest.fixture("lab-eth0.pcap").toString());
        assertTrue(clean.out().lines().anyMatch(l -> l.startsWith("interface") && l.endsWith("leak")),
                "no column without such packets: " + clean.out());
    }

    @Test
    void usageShowsOneAddressPerLocal() {
        String usage = new CommandLine(new AnalyzeCommand()).getUsageMessage();
        assertTrue(usage.contains("[--local=ADDR[,ADDR...]]..."), usage);
    }

    @Test
    void badInputExitsTwoWithOneSentence(@TempDir Path dir) throws Exception {
        Run missing = run(dir.resolve("nope.pcap").toString());
        assertEquals(2, missing.code());
        assertEquals("port853 analyze: " + dir.resolve("nope.pcap") + " does not exist.", missing.err().strip());
        Path garbage = Files.writeString(dir.resolve("g.pcap"), "garbage garbage garbage");
        Run g = run(garbage.toString());
        assertEquals(2, g.code());
        assertTrue(g.err().contains("is not a pcap or pcapng capture"), g.err());
        assertEquals(2, run(dir.toString()).code());
        assertEquals(2, run(LabFixturesTest.fixture("lab-eth0.pcap").toString(), "--local", "dns.google").code());
        Run negative = run(LabFixturesTest.fixture("lab-eth0.pcap").toString(), "--max-leaks", "-1");
        assertEquals(2, negative.code(), "not taken as 0: " + negative.out());
        assertEquals("port853 analyze: --max-leaks must be 0 or more (0 lists none and still counts them).",
                negative.err().strip());
        Path empty = Files.write(dir.resolve("e.pcap"), new byte[0]);
        assertEquals(2, run(empty.toString()).code());
    }

    @Test
    @DisplayName("an empty --local entry (',', 'a,,b', 'a,') is refused alike, not taken as no address")
    void emptyLocalEntriesAreRefusedAlike() throws Exception {
        String file = LabFixturesTest.fixture("lab-eth0.pcap").toString();
        for (String given : List.of(",", CLIENT + ",," + SERVER, CLIENT + ",", "")) {
            Run r = run(file, "--local", given);
            assertEquals(2, r.code(), given + ": " + r.out());
            assertEquals("port853 analyze: --local '" + given + "' has an empty entry: give IP addresses separated by "
                    + "single commas.", r.err().strip());
        }
    }

    @Test
    void aHostNameForLocalIsRefusedAsSuch() throws Exception {
        Run r = run(LabFixturesTest.fixture("lab-eth0.pcap").toString(), "--local", "localhost");
        assertEquals(2, r.code());
        assertEquals("port853 analyze: --local takes an IP address, not a host name: localhost.", r.err().strip());
        Run bad = run(LabFixturesTest.fixture("lab-eth0.pcap").toString(), "--local", "10.0.0");
        assertEquals(2, bad.code());
        assertEquals("port853 analyze: --local '10.0.0' is not an IPv4 or IPv6 address.", bad.err().strip());
    }

    @Test
    void anEmptyFileNameIsSaidToBeMissing() {
        Run r = run("");
        assertEquals(2, r.code());
        assertEquals("port853 analyze: no capture file name was given (the FILE argument is empty).", r.err().strip());
    }

    /** As {@code analyze <(cat FILE)} hands it over: a pipe, whose size reads 0. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPipeIsAnalysedLikeItsFile(@TempDir Path dir) throws Exception {
        Path file = LabFixturesTest.fixture("lab-eth0.pcap");
        Run fromFile = run(file.toString(), "--json");
        Path pipe = Pipes.pipeOf(dir, Files.readAllBytes(file));
        Run fromPipe = run(pipe.toString(), "--json");
        assertEquals(0, fromPipe.code(), fromPipe.err());
        assertEquals(fromFile.out().replace(file.toString(), pipe.toString()), fromPipe.out());
    }

    @Test
    @DisplayName("a capture compressed as Wireshark saves it (capture.pcap.gz) is named so, with how to decompress it")
    void aCompressedCaptureSaysHowToDecompressIt(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("capture.pcap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(LabFixturesTest.fixture("lab-eth0.pcap")));
        }
        Run r = run(gz.toString());
        assertEquals(2, r.code());
        assertEquals("port853 analyze: " + gz + " is not a pcap or pcapng capture (it is compressed with gzip: "
                + "decompress it first, e.g. zcat FILE > capture.pcap).", r.err().strip());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceGetsTheReasonItsBytesGive() {
        Run r = run("/dev/zero");
        assertEquals(2, r.code());
        assertEquals("port853 analyze: /dev/zero is not a pcap or pcapng capture (its first four bytes are no pcap "
                + "or pcapng magic number).", r.err().strip());
    }

    /** Every frame would be a parse error: said as bad input, never as "No leaked queries." with exit 0. */
    @Test
    void aCaptureOfAnUnreadableLinkTypeIsRefused(@TempDir Path dir) throws Exception {
        String supported = "(it reads link types 0 NULL, 1 ETHERNET, 12 RAW, 14 RAW, 101 RAW, 108 LOOP, 113 LINUX_SLL, "
                + "228 IPV4, 229 IPV6, 276 LINUX_SLL2).";
        byte[] query = FileAnalyzerTest.QUERY;
        Path pcap = Files.write(dir.resolve("9999.pcap"), Frames.pcap(ByteOrder.BIG_ENDIAN, false, 9999,
                List.of(new Frames.Rec(FileAnalyzerTest.T, 9999, query))));
        for (Run r : List.of(run(pcap.toString()), run(pcap.toString(), "--json"))) {
            assertEquals(2, r.code());
            assertEquals("", r.out());
            assertEquals("port853 analyze: " + pcap + " has link type 9999, which Port853 cannot read " + supported,
                    r.err().strip());
        }
        Path pcapng = Files.write(dir.resolve("wifi.pcapng"), Frames.pcapng(ByteOrder.LITTLE_ENDIAN,
                List.of(105, 127), List.of("wlan0", "mon0"),
                List.of(new Frames.Rec(FileAnalyzerTest.T, 127, query))));
        Run r = run(pcapng.toString(), "--json");
        assertEquals(2, r.code());
        assertEquals("port853 analyze: " + pcapng + " has link types 105 and 127, which Port853 cannot read "
                + supported, r.err().strip());
    }

    @Test
    void damagedTailIsReportedButAnalysed(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(LabFixturesTest.fixture("lab-eth0.pcap"));
        Path cut = Files.write(dir.resolve("cut.pcap"), java.util.Arrays.copyOf(all, all.length - 7));
        Run r = run(cut.toString(), "--json");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("is damaged (truncated record at offset ") && r.err().contains(
                " frames before that point were analysed, nothing after it."), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("fileError").asText().contains("truncated"));
    }
}
