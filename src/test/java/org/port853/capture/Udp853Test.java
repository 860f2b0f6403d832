package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UDP port 853 carries DNS-over-QUIC (RFC 9250) and DNS-over-DTLS (RFC 8094): encrypted, unless the payload is a DNS
 * message. The frames are those tshark 4.0 dissects (by hand, see the commit) as two DTLS records, a QUIC Initial, a
 * QUIC short header, an unknown payload and a DNS query for plain.on853.test.
 */
class Udp853Test {
    private static final String HOST = "198.18.0.1";
    private static final String SERVER = "198.18.9.9";

    static List<byte[]> frames() {
        List<byte[]> f = new ArrayList<>();
        f.add(ipv4(HOST, SERVER, 17, udp(40002, 853, cat(bytes(0x16, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40),
                bytes(1), new byte[39]))));                                                   // DTLS ClientHello
        f.add(ipv4(HOST, SERVER, 17, udp(40002, 853, cat(bytes(0x17, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0, 1, 0, 32),
                new byte[32]))));                                                             // DTLS application data
        f.add(ipv4(HOST, SERVER, 17, udp(40003, 853, cat(bytes(0xc3, 0, 0, 0, 1, 8, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0,
                0x41, 0), new byte[1182]))));                                                  // QUIC Initial
        f.add(ipv4(HOST, SERVER, 17, udp(40003, 853, cat(bytes(0x41, 0, 1, 2, 3, 4, 5, 6, 7), new byte[30])))); // short
        f.add(ipv4(HOST, SERVER, 17, udp(40004, 853, cat(bytes(0x9a), new byte[30]))));  // encrypted, unknown
        f.add(ipv4(HOST, SERVER, 17, udp(40005, 853, dnsQuery("plain.on853.test", 1)))); // plaintext DNS to 853
        return f;
    }

    private static Path pcapOf(Path dir, List<byte[]> frames) throws Exception {
        return rawIpPcap(dir, "udp853.pcap", frames);
    }

    @Test
    @DisplayName("QUIC, DTLS and unknown payloads on UDP 853 are encrypted, each named; a DNS message there is plaintext")
    void udp853IsEncryptedUnlessItIsDns(@TempDir Path dir) throws Exception {
        FileAnalyzer.Result r = FileAnalyzer.analyze(pcapOf(dir, frames()), List.of(InetAddress.getByName(HOST)), 100);
        assertEquals(5, r.total(TrafficClass.ENCRYPTED).packets());
        assertEquals(1, r.total(TrafficClass.PLAINTEXT_853).packets());
        assertEquals(Map.of(EncryptedProtocol.DOT, 0L, EncryptedProtocol.DTLS, 2L, EncryptedProtocol.DOQ, 2L,
                EncryptedProtocol.UNKNOWN, 1L), r.encryptedProtocols());
        assertEquals(1, r.leakCount(), "the DNS query to port 853 leaves in plaintext");
        assertEquals("plain.on853.test", r.leaks().get(0).name());
        assertEquals(2, java.util.Arrays.stream(r.perSecond().queries().encrypted()).sum(),
                "queries: the DTLS application record and the QUIC short-header packet");
    }

    @Test
    void analyzeNamesTheProtocols(@TempDir Path dir) throws Exception {
        Path file = pcapOf(dir, frames());
        AnalyzeCommandTest.Run text = AnalyzeCommandTest.run(file.toString(), "--local", HOST);
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Encrypted on port 853: 2 DNS-over-QUIC, 2 DTLS, 1 encrypted, unknown protocol "
                + "(packets)"), text.out());
        assertTrue(text.out().contains("plain.on853.test"), text.out());
        AnalyzeCommandTest.Run json = AnalyzeCommandTest.run(file.toString(), "--local", HOST, "--json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("{\"dot\":0,\"doq\":2,\"dtls\":2,\"unknown\":1}", j.get("encryptedProtocols").toString());
        assertEquals(5, j.at("/totals/encrypted/packets").asLong());
        assertEquals(1, j.at("/totals/plaintextOn853/packets").asLong());
    }

    @Test
    @DisplayName("TLS over TCP alone prints no protocol line: encrypted means DNS-over-TLS there, as before")
    void tlsAloneAddsNoLine() throws Exception {
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.run(LabFixturesTest.fixture("lab-eth0.pcap").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().contains("Encrypted on port 853"), r.out());
        AnalyzeCommandTest.Run j = AnalyzeCommandTest.run(LabFixturesTest.fixture("lab-eth0.pcap").toString(), "--json");
        assertEquals(71, new ObjectMapper().readTree(j.out()).at("/encryptedProtocols/dot").asLong());
    }
}
