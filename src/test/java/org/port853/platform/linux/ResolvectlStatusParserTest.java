package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ServerAddress;

@DisplayName("ResolvectlStatusParser: systemd 252 'resolvectl status' text")
class ResolvectlStatusParserTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = ResolvectlStatusParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> texts(List<ServerAddress> list) {
        return list.stream().map(ServerAddress::toResolvedSyntax).toList();
    }

    @Test
    void globalSection() throws IOException {
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(fixture("resolvectl-status-252.txt"));
        GlobalState g = p.global();
        assertEquals(DotMode.OFF, g.dnsOverTls());
        assertEquals(DnssecMode.NO, g.dnssec());
        assertFalse(g.dnssecSupported());
        assertEquals("stub", g.resolvConfMode());
        assertEquals("9.9.9.9#dns.quad9.net", g.currentServer().toResolvedSyntax());
        assertEquals(List.of("9.9.9.9#dns.quad9.net", "149.112.112.112#dns.quad9.net", "[2620:fe::fe]:853#dns.quad9.net"),
                texts(g.servers()), "continuation lines belong to DNS Servers");
        assertEquals(List.of(new DomainEntry(".", true), new DomainEntry("example.org", false)), g.domains());
        assertTrue(g.routesEverything());
    }

    @Test
    void linkSections() throws IOException {
        List<LinkState> links = ResolvectlStatusParser.parse(fixture("resolvectl-status-252.txt")).links();
        assertEquals(2, links.size());
        LinkState eth0 = links.get(0);
        assertEquals(2, eth0.index());
        assertEquals("eth0", eth0.name());
        assertTrue(eth0.defaultRoute());
        assertEquals(DotMode.OFF, eth0.dnsOverTls());
        assertEquals(List.of("192.168.1.1", "fd00::1"), texts(eth0.servers()), "interface suffix dropped");
        assertEquals("192.168.1.1", eth0.currentServer().toResolvedSyntax());
        assertEquals(List.of(new DomainEntry("lan", false), new DomainEntry("corp.example", true)), eth0.domains());
        LinkState wlan0 = links.get(1);
        assertEquals("wlan0", wlan0.name());
        assertFalse(wlan0.defaultRoute());
        assertTrue(wlan0.servers().isEmpty());
        assertNull(wlan0.currentServer());
    }

    @Test
    void opportunisticAndStrictSpellings() throws IOException {
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(fixture("resolvectl-status-252-opportunistic.txt"));
        assertEquals(DotMode.OPPORTUNISTIC, p.global().dnsOverTls());
        assertEquals(DnssecMode.ALLOW_DOWNGRADE, p.global().dnssec());
        assertTrue(p.global().dnssecSupported());
        assertEquals("uplink", p.global().resolvConfMode());
        assertNull(p.global().currentServer());
        LinkState tun = p.links().get(0);
        assertEquals(5, tun.index());
        assertEquals(DotMode.STRICT, tun.dnsOverTls());
        assertEquals(DnssecMode.YES, tun.dnssec());
        assertEquals(List.of("10.8.0.1:5353"), texts(tun.servers()));
        assertEquals(List.of(new DomainEntry("vpn.example", true)), tun.domains());
    }

    @Test
    void emptyAndUnknownTextGivesAnEmptyOffState() {
        for (String text : new String[]{"", "\n\n", "Failed to get global data: Unit dbus-org.freedesktop.resolve1.service not found.\n",
                "Link x (broken\n  weird line\nDNS Servers: not-an-address dns.google\n"}) {
            ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(text);
            assertEquals(DotMode.OFF, p.global().dnsOverTls());
            assertEquals(DnssecMode.NO, p.global().dnssec());
            assertTrue(p.global().servers().isEmpty(), text);
            assertTrue(p.links().isEmpty());
        }
    }

    @Test
    void aLookAlikeNameTheSystemUsesKeepsItsServer() {
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse("Global\n       Protocols: +DNSOverTLS\n"
                + "Current DNS Server: 198.18.0.2#\u0430\u0440\u0440\u04cf\u0435.com\n"
                + "     DNS Servers: 198.18.0.2#\u0430\u0440\u0440\u04cf\u0435.com 9.9.9.9#dns.quad9.net\n");
        assertEquals(List.of("198.18.0.2#xn--80ak6aa92e.com", "9.9.9.9#dns.quad9.net"), texts(p.global().servers()));
        assertEquals("198.18.0.2#xn--80ak6aa92e.com", p.global().currentServer().toString());
    }

    @Test
    void aNameThatIsNoHostNameKeepsItsServerWithTheNameEscaped() {
        // resolvectl prints the name as resolved holds it, a control character and a bidi override as they are
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse("Global\n       Protocols: +DNSOverTLS\n"
                + "Current DNS Server: 198.18.0.2#dns_x.example\n"
                + "     DNS Servers: 198.18.0.2#dns_x.example 198.18.0.5:853#dns\u0001x\u202eelpmaxe.test 9.9.9.9#dns.quad9.net\n");
        assertEquals(List.of("198.18.0.2#dns_x.example", "198.18.0.5:853#dns\\x01x\\u202eelpmaxe.test",
                "9.9.9.9#dns.quad9.net"), p.global().servers().stream().map(ServerAddress::toShownSyntax).toList());
        assertEquals("198.18.0.2#dns_x.example", p.global().currentServer().toShownSyntax());
    }

    @Test
    void unexpectedProtocolValuesAreSkippedNotThrown() {
        // The text is not a stable interface: an unknown value must not escape as an exception.
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(
                "Global\n       Protocols: +LLMNR DNSOverTLS=sometimes DNSSEC=maybe/unsupported\n"
                        + "     DNS Servers: 9.9.9.9\n");
        assertEquals(List.of("9.9.9.9"), texts(p.global().servers()));
    }
}
