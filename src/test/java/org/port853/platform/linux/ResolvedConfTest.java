package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ResolvedConf: systemd's [Resolve] semantics")
class ResolvedConfTest {
    @Test
    void listKeysAccumulateAndEmptyAssignmentResets() {
        ResolvedConf.Parsed p = ResolvedConf.parse("[Resolve]\nDNS=1.1.1.1\nDNS=8.8.8.8 8.8.4.4\nDomains=~corp\n"
                + "Domains=\nDomains=~.\nFallbackDNS=\n");
        assertNull(p.error());
        assertEquals("1.1.1.1 8.8.8.8 8.8.4.4", p.keys().get("DNS"));
        assertEquals("~.", p.keys().get("Domains"));
        assertEquals("", p.keys().get("FallbackDNS"));
    }

    @Test
    void resetThenSet() {
        ResolvedConf.Parsed p = ResolvedConf.parse("[Resolve]\nDNS=192.0.2.1\nDNS=\nDNS=9.9.9.9#dns.quad9.net\n");
        assertEquals("9.9.9.9#dns.quad9.net", p.keys().get("DNS"));
    }

    @Test
    void singleKeysLastWins() {
        ResolvedConf.Parsed p = ResolvedConf.parse("[Resolve]\nDNSOverTLS=opportunistic\nDNSOverTLS=yes\n");
        assertEquals(Map.of("DNSOverTLS", "yes"), p.keys());
    }

    @Test
    void commentsBlankLinesWhitespaceAndCrlf() {
        ResolvedConf.Parsed p = ResolvedConf.parse("# comment\r\n; other\r\n\r\n[Resolve]\r\n  DNSSEC = allow-downgrade \r\n");
        assertNull(p.error());
        assertEquals(Map.of("DNSSEC", "allow-downgrade"), p.keys());
    }

    @Test
    void otherSectionsAreIgnored() {
        ResolvedConf.Parsed p = ResolvedConf.parse("[Other]\nDNS=1.2.3.4\n[Resolve]\nDNS=9.9.9.9\n");
        assertEquals(Map.of("DNS", "9.9.9.9"), p.keys());
    }

    @Test
    void garbageGivesAnErrorWithTheLineButKeepsWhatParsed() {
        ResolvedConf.Parsed p = ResolvedConf.parse("[Resolve]\nDNS=9.9.9.9\nthis is not a setting\n=x\n");
        assertEquals("line 3 is not KEY=VALUE inside a [section]", p.error());
        assertEquals("9.9.9.9", p.keys().get("DNS"));
        assertTrue(ResolvedConf.parse("DNS=1.1.1.1\n").error().contains("line 1"), "outside any section");
    }

    @Test
    void emptyFile() {
        ResolvedConf.Parsed p = ResolvedConf.parse("");
        assertNull(p.error());
        assertTrue(p.keys().isEmpty());
        assertFalse(ResolvedConf.ALWAYS_WRITTEN.isEmpty());
    }

    @Test
    @DisplayName("a value resolved cannot parse (Cache=sometimes) is ignored as resolved ignores it: the earlier one "
            + "stays in force")
    void unparsableValuesDoNotCount() {
        var keys = ResolvedConfFiles.effectiveKeys(java.util.List.of(
                new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/10-a.conf", false, false,
                        Map.of("Cache", "no", "ReadEtcHosts", "no"), null),
                new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zzz-bad.conf", false, false,
                        Map.of("Cache", "sometimes", "ReadEtcHosts", "maybe", "DNSStubListener", "tcp"), null)));
        assertEquals("no", keys.get("Cache"));
        assertEquals("no", keys.get("ReadEtcHosts"));
        assertEquals("tcp", keys.get("DNSStubListener"));
        assertTrue(ResolvedConf.takesEffect("Cache", "no-negative"));
    }

    @Test
    @DisplayName("a DNS= of host names alone is ignored by resolved (every entry fails to parse): it overrides nothing; "
            + "one address among them, or an empty DNS= (which clears the list), does")
    void hostNamesAloneInDnsTakeNoEffect() {
        assertFalse(ResolvedConf.takesEffect("DNS", "dot.test#dot.test"));
        assertFalse(ResolvedConf.takesEffect("FallbackDNS", "dns.quad9.net"));
        assertTrue(ResolvedConf.takesEffect("DNS", "dot.test 192.0.2.1#dot.test"));
        assertTrue(ResolvedConf.takesEffect("DNS", "192.0.2.1:853#dot.test"));
        assertTrue(ResolvedConf.takesEffect("DNS", "[2001:db8::1]:853#dot.test"));
        assertTrue(ResolvedConf.takesEffect("DNS", ""));
    }

    @Test
    @DisplayName("read as systemd reads it: a byte-order mark before [Resolve] and a line continued by a backslash "
            + "(the 247 walkthrough: resolved turned DNS-over-TLS off by such files while Port853 saw nothing)")
    void byteOrderMarkAndContinuedLines() {
        ResolvedConf.Parsed bom = ResolvedConf.parse("\uFEFF[Resolve]\r\nDNSOverTLS=no\r\n");
        assertNull(bom.error());
        assertEquals(Map.of("DNSOverTLS", "no"), bom.keys());
        ResolvedConf.Parsed continued = ResolvedConf.parse("[Resolve]\nDNSOverTLS=no \\\n\nDNS=192.0.2.1 \\\n  192.0.2.2\n"
                + "Domains=a\\\\\n");
        assertNull(continued.error(), continued.toString());
        assertEquals("no", continued.keys().get("DNSOverTLS"));
        assertEquals("192.0.2.1    192.0.2.2", continued.keys().get("DNS"));
        assertEquals("a\\\\", continued.keys().get("Domains"), "an escaped backslash does not continue the line");
        ResolvedConf.Parsed bad = ResolvedConf.parse("[Resolve]\nx \\\nstill x\nDNSSEC=no\n");
        assertEquals("line 2 is not KEY=VALUE inside a [section]", bad.error());
        assertEquals(Map.of("DNSSEC", "no"), bad.keys());
    }

    @Test
    @DisplayName("resolved reads the main file and its drop-ins into the same settings: a list key of a later file (DNS=, "
            + "DNSStubListenerExtra=) adds to the earlier files' values unless it is empty, which clears them")
    void listKeysAddUpAcrossFiles() {
        var keys = ResolvedConfFiles.effectiveKeys(Map.of("DNS", "192.0.2.1", "DNSStubListenerExtra", "192.168.1.5"),
                java.util.List.of(dropIn("10-a.conf", Map.of("DNS", "192.0.2.2#dot.test", "DNSOverTLS", "yes")),
                        dropIn("20-b.conf", Map.of("DNSStubListenerExtra", "127.0.0.2", "Domains", "~."))));
        assertEquals("192.0.2.1 192.0.2.2#dot.test", keys.get("DNS"));
        assertEquals("192.168.1.5 127.0.0.2", keys.get("DNSStubListenerExtra"), "the earlier file's still counts");
        assertEquals("yes", keys.get("DNSOverTLS"));
        var cleared = ResolvedConfFiles.effectiveKeys(Map.of("DNS", "192.0.2.1"),
                java.util.List.of(dropIn("10-a.conf", Map.of("DNS", "")), dropIn("20-b.conf", Map.of("DNS", "192.0.2.3"))));
        assertEquals("192.0.2.3", cleared.get("DNS"));
        assertEquals("127.0.0.2 192.168.1.5", ResolvedConf.parse("[Resolve]\nDNSStubListenerExtra=127.0.0.2\n"
                + "DNSStubListenerExtra=192.168.1.5\n").keys().get("DNSStubListenerExtra"), "within one file too");
    }

    @Test
    @DisplayName("a file that clears a list and sets it again (Port853's own drop-in writes DNS= then its servers) "
            + "replaces the earlier files' values instead of adding to them")
    void aFileThatClearsAListReplacesIt() {
        ResolvedConf.Parsed ours = ResolvedConf.parse(DropInRenderer.render(new org.port853.core.DesiredSettings(
                java.util.List.of(org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                org.port853.core.DotMode.STRICT, null, false, java.util.List.of())));
        ResolvedConf.Parsed stub = ResolvedConf.parse("[Resolve]\nDNSStubListenerExtra=\nDNSStubListenerExtra=127.0.0.2\n"
                + "Domains=\n");
        var keys = ResolvedConfFiles.effectiveKeys(Map.of("DNS", "192.168.1.1", "DNSStubListenerExtra", "192.168.1.5",
                "Domains", "~corp.example"), java.util.List.of(
                new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, ours.keys(), null,
                        false, null, ours.cleared()),
                new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zzz.conf", false, false, stub.keys(), null,
                        false, null, stub.cleared())));
        assertEquals("9.9.9.9#dns.quad9.net", keys.get("DNS"), "the main file's router is not one of resolved's servers");
        assertEquals("127.0.0.2", keys.get("DNSStubListenerExtra"));
        assertEquals("", keys.get("Domains"));
    }

    private static org.port853.core.DropIn dropIn(String name, Map<String, String> keys) {
        return new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/" + name, false, false, keys, null);
    }
}
