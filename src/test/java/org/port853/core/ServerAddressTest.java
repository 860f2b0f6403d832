package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ServerAddress, IpAddresses and DnsNames")
class ServerAddressTest {

    @Nested
    @DisplayName("parse accepts ADDR[:PORT][#NAME]")
    class Accepts {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "9.9.9.9                           | 9.9.9.9          | 0   |                     | 9.9.9.9",
                "9.9.9.9#dns.quad9.net             | 9.9.9.9          | 0   | dns.quad9.net       | 9.9.9.9#dns.quad9.net",
                "1.1.1.1:853#cloudflare-dns.com    | 1.1.1.1          | 853 | cloudflare-dns.com  | 1.1.1.1:853#cloudflare-dns.com",
                "1.1.1.1:5353                      | 1.1.1.1          | 5353|                     | 1.1.1.1:5353",
                "2620:fe::fe#dns.quad9.net         | 2620:fe::fe      | 0   | dns.quad9.net       | 2620:fe::fe#dns.quad9.net",
                "[2620:fe::fe]:853#dns.quad9.net   | 2620:fe::fe      | 853 | dns.quad9.net       | [2620:fe::fe]:853#dns.quad9.net",
                "[2620:fe::fe]                     | 2620:fe::fe      | 0   |                     | 2620:fe::fe",
                "2606:4700:4700:0:0:0:0:1111       | 2606:4700:4700::1111 | 0 |                   | 2606:4700:4700::1111",
                "1.1.1.1#Cloudflare-DNS.com.       | 1.1.1.1          | 0   | cloudflare-dns.com  | 1.1.1.1#cloudflare-dns.com",
        })
        void parsesAndFormats(String spec, String address, int port, String name, String resolved) {
            ServerAddress s = ServerAddress.parse(spec);
            assertEquals(address, s.addressText());
            assertEquals(port, s.port());
            assertEquals(name, s.tlsName());
            assertEquals(resolved, s.toResolvedSyntax());
            assertEquals(s, ServerAddress.parse(s.toResolvedSyntax()), "round trip");
        }

        @Test
        void dotPortDefaultsTo853() {
            assertEquals(853, ServerAddress.parse("9.9.9.9#dns.quad9.net").dotPort());
            assertEquals(8853, ServerAddress.parse("9.9.9.9:8853#dns.quad9.net").dotPort());
        }

        @Test
        void ipv6WithPortIsBracketedIpv6WithoutPortIsNot() {
            assertTrue(ServerAddress.parse("[::1]:53").toResolvedSyntax().startsWith("[::1]:"));
            assertEquals("::1", ServerAddress.parse("::1").toResolvedSyntax());
            assertTrue(ServerAddress.parse("::1").isIpv6());
            assertFalse(ServerAddress.parse("127.0.0.1").isIpv6());
        }

        @Test
        void ofBuildsWithoutPort() {
            ServerAddress s = ServerAddress.of("9.9.9.9", "dns.quad9.net");
            assertEquals(0, s.port());
            assertEquals("9.9.9.9#dns.quad9.net", s.toString());
        }

        @Test
        void emptyNameInConstructorMeansNone() throws Exception {
            assertNull(new ServerAddress(InetAddress.getByName("1.1.1.1"), 0, "").tlsName());
        }
    }

    @Nested
    @DisplayName("parse refuses")
    class Refuses {
        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", " ", "9.9.9.9 #dns.quad9.net", "9.9.9.9#dns\nquad9.net", "9.9.9.9#dns quad9.net",
                "9.9.9.9\t", "9.9.9.9#", "9.9.9.9%eth0#dns.quad9.net", "[2620:fe::fe", "[2620:fe::fe]853",
                "9.9.9.9:0", "9.9.9.9:65536", "9.9.9.9:abc", "9.9.9.9:", "9.9.9.9:123456", "256.1.1.1", "1.2.3",
                "01.2.3.4", "0.0.0.0", "::", "224.0.0.1", "ff02::1", "9.9.9.9#-bad-.example", "9.9.9.9#a..b",
                "9.9.9.9#1.2.3.4", "9.9.9.9#a/b", "9.9.9.9#dns.quad9.net#x", ":::", "gggg::1", "1.1.1.1:53:53",
                "[1.1.1.1]x"})
        void refusesWithInvalidInput(String spec) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServerAddress.parse(spec));
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }

        @Test
        @DisplayName("a name with a character no host name has names that character (two servers in one, an underscore)")
        void aBadCharacterInTheNameIsNamed() {
            assertEquals("TLS name 'dot.example,198.18.0.3#dot.example' is not a valid host name: ',' cannot be in one "
                    + "(letters, digits, hyphens and dots only)", assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("198.18.0.2#dot.example,198.18.0.3#dot.example")).getMessage());
            assertEquals("TLS name 'dns_x.example' is not a valid host name: '_' cannot be in one (letters, digits, hyphens "
                    + "and dots only)", assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("198.18.0.2#dns_x.example")).getMessage());
            assertEquals("TLS name 'a..b' is not a valid host name: it has an empty label (two dots in a row, or a dot at "
                    + "the start)",
                    assertThrows(InvalidInputException.class, () -> ServerAddress.parse("198.18.0.2#a..b")).getMessage());
        }

        @Test
        @DisplayName("a port out of range or not a number is named, with the range to type instead")
        void aBadPortSaysTheRange() {
            assertEquals("server '198.18.0.2:99999#dns.example' has port 99999, out of range: a port is a number from 1 to "
                    + "65535 (DNS-over-TLS uses 853)",
                    assertThrows(InvalidInputException.class, () -> ServerAddress.parse("198.18.0.2:99999#dns.example")).getMessage());
            assertEquals("server '198.18.0.2:x#dns.example' has an invalid port 'x': a port is a number from 1 to 65535 "
                    + "(DNS-over-TLS uses 853)",
                    assertThrows(InvalidInputException.class, () -> ServerAddress.parse("198.18.0.2:x#dns.example")).getMessage());
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"9.9.9.9#%s.example", "9.9.9.9#a%s", "9.9.9.9#%s", "9.9.9.9:%s#x.example",
                "9.9.9.9%%%s#x.example", "[%s", "[2620:fe::fe]%s#x.example", "9.9.9.9#%s#x.example"})
        @DisplayName("a very long server or name is shown shortened in the refusal, as an address is, not in full")
        void longInputIsShortened(String pattern) {
            String spec = pattern.formatted("x".repeat(100_000));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServerAddress.parse(spec));
            assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
            assertTrue(e.getMessage().contains("…"), e.getMessage());
        }

        @Test
        @DisplayName("an IPv6 address with a zone (%eth0) is refused as such, with the address to write, not as 'not an address'")
        void zoneIsNamed() {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> IpAddresses.parse("fe80::1%eth0"));
            assertEquals("'fe80::1%eth0' names an interface (%eth0), which an address here cannot carry: write the "
                    + "address alone, fe80::1", e.getMessage());
            assertEquals("address.zone", e.words().wording());
            InvalidInputException bad = assertThrows(InvalidInputException.class, () -> IpAddresses.parse("fe80::g%eth0"));
            assertEquals("'fe80::g%eth0' is not an IPv4 or IPv6 address", bad.getMessage());
        }

        @Test
        @DisplayName("the limited broadcast address is refused as the wildcard and multicast addresses are")
        void limitedBroadcastIsNotAServer() {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("255.255.255.255#x.example"));
            assertEquals("'255.255.255.255' cannot be a DNS server address", e.getMessage());
            assertEquals("255.255.255.254#x.example", ServerAddress.parse("255.255.255.254#x.example").toString());
        }

        @Test
        @DisplayName("an IPv6 link-local server is refused with and without its interface; IPv4 link-local is routed")
        void linkLocalIsNotAGlobalServer() {
            InvalidInputException bare = assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("fe80::1#x.example"));
            assertEquals("'fe80::1' is a link-local address, which reaches a server only through one interface "
                    + "(%IFACE); use global servers", bare.getMessage());
            assertThrows(InvalidInputException.class, () -> ServerAddress.parse("[fe80::1]:853#x.example"));
            InvalidInputException zoned = assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("fe80::1%eth0#x.example"));
            assertTrue(zoned.getMessage().endsWith("use global servers"), zoned.getMessage());
            assertEquals("169.254.169.253#x.example", ServerAddress.parse("169.254.169.253#x.example").toString());
            // what the resolver reports for a link (its router's address) is still read
            assertEquals("fe80::1", ServerAddress.parseReported("fe80::1").toString());
            assertThrows(InvalidInputException.class, () -> ServerAddress.parseReported("255.255.255.255"));
        }

        @Test
        @DisplayName("a TLS name without an address says what to write, not \"'' is not an IP address\"")
        void nameWithoutAddress() {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServerAddress.parse("#dot.test"));
            assertEquals("server '#dot.test' has no address before '#': write it as ADDRESS#NAME, e.g. "
                    + "198.51.100.1#dns.example", e.getMessage());
        }

        @Test
        void nullIsRefused() {
            assertThrows(InvalidInputException.class, () -> ServerAddress.parse(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"dns.quad9.net", "dns.google:853", "one.one.one.one#one.one.one.one", "localhost"})
        void hostNamesAreACircularDependency(String spec) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServerAddress.parse(spec));
            assertTrue(e.getMessage().contains("circular dependency"), e.getMessage());
        }

        @Test
        void controlCharactersAreEscapedInTheMessage() {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ServerAddress.parse("1.1.1.1#a\u0007b"));
            assertTrue(e.getMessage().contains("\\x07"), e.getMessage());
        }

        @Test
        void portOutOfRangeInConstructor() throws Exception {
            InetAddress a = InetAddress.getByName("1.1.1.1");
            assertThrows(InvalidInputException.class, () -> new ServerAddress(a, 70000, null));
            assertThrows(InvalidInputException.class, () -> new ServerAddress(a, -1, null));
        }
    }

    @Nested
    class IpAddressesTest {
        @Test
        void formatsIpv6Canonically() {
            assertEquals("2001:db8::1", IpAddresses.format(IpAddresses.parse("2001:0DB8:0000:0000:0000:0000:0000:0001")));
            assertEquals("2001:db8:0:1:1:1:1:1", IpAddresses.format(IpAddresses.parse("2001:db8:0:1:1:1:1:1")));
            assertEquals("2001:0:0:1::1", IpAddresses.format(IpAddresses.parse("2001:0:0:1:0:0:0:1")));
            assertEquals("::", IpAddresses.format(IpAddresses.fromBytes(new byte[16])));
            assertEquals("::1", IpAddresses.format(IpAddresses.parse("::1")));
            assertEquals("1::", IpAddresses.format(IpAddresses.parse("1:0:0:0:0:0:0:0")));
        }

        @Test
        void neverLooksUpNames() {
            long t0 = System.nanoTime();
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> IpAddresses.parse("this-name-does-not-exist.invalid"));
            assertTrue(e.getMessage().contains("circular dependency"));
            assertFalse(IpAddresses.isAddress("example.com"));
            assertFalse(IpAddresses.isAddress(null));
            assertTrue(IpAddresses.isAddress("192.0.2.1"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "no resolver timeout");
        }

        @Test
        @DisplayName("an address with a port says to leave the port out, naming the address to write")
        void addressWithPortSaysWhatToWrite() {
            assertEquals("'10.0.0.1:853' has a port: write the address alone, 10.0.0.1", assertThrows(InvalidInputException.class, () -> IpAddresses.parse("10.0.0.1:853"))
                    .getMessage());
            assertTrue(assertThrows(InvalidInputException.class, () -> IpAddresses.parse("[2001:db8::1]:853"))
                    .getMessage().contains("write the address alone, 2001:db8::1"));
            assertTrue(assertThrows(InvalidInputException.class, () -> IpAddresses.parse("999.0.0.1:853"))
                    .getMessage().contains("'999.0.0.1' is not an IPv4 or IPv6 address"), "a bad address first");
        }

        @Test
        void fromBytesRefusesOddLengths() {
            assertThrows(InvalidInputException.class, () -> IpAddresses.fromBytes(new byte[5]));
            assertEquals("192.0.2.1", IpAddresses.format(IpAddresses.fromBytes(new byte[]{(byte) 192, 0, 2, 1})));
        }
    }

    @Nested
    @DisplayName("a look-alike name is refused from the user, kept from the system")
    class LookAlikes {
        static final String APPLE = "\u0430\u0440\u0440\u04cf\u0435.com"; // Cyrillic а, р, р, ӏ, е read as "apple"
        static final String QUAD9 = "dns.qu\u0430d9.net"; // a Cyrillic а among Latin letters

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {APPLE, QUAD9})
        void chosenIsRefused(String name) throws Exception {
            assertThrows(InvalidInputException.class, () -> ServerAddress.parse("198.18.0.2#" + name));
            assertThrows(InvalidInputException.class, () -> ServerAddress.of("198.18.0.2", name));
            InetAddress a = InetAddress.getByAddress(new byte[]{(byte) 198, 18, 0, 2});
            assertThrows(InvalidInputException.class, () -> new ServerAddress(a, 0, name));
        }

        @Test
        void reportedIsKeptInItsAsciiForm() throws Exception {
            InetAddress a = InetAddress.getByAddress(new byte[]{(byte) 198, 18, 0, 2});
            assertEquals("198.18.0.2#xn--80ak6aa92e.com", ServerAddress.reported(a, 0, APPLE).toString());
            assertEquals("198.18.0.2:853#dns.xn--qud9-63d.net", ServerAddress.parseReported("198.18.0.2:853#" + QUAD9).toString());
            assertNull(ServerAddress.reported(a, 0, "").tlsName());
        }

        @Test
        @DisplayName("a name the system has in Unicode is kept in its ASCII form, which Port853 writes, and shown as written")
        void reportedInUnicodeIsWrittenInItsAsciiFormAndShownAsWritten() {
            // resolved built with OpenSSL checks "bücher.example" as written: strict mode failed in the rig (252)
            ServerAddress unicode = ServerAddress.parseReported("198.18.0.2:853#B\u00dccher.example");
            assertEquals("xn--bcher-kva.example", unicode.tlsName());
            assertEquals("B\\xdccher.example", unicode.unicodeName(), "as written, escaped");
            assertEquals("198.18.0.2:853#xn--bcher-kva.example", unicode.toResolvedSyntax());
            assertEquals("198.18.0.2:853#B\\xdccher.example", unicode.toShownSyntax());
            assertEquals("198.18.0.2#B\\xdccher.example", unicode.withoutDotPort().toShownSyntax());
            assertEquals(ServerAddress.parse("198.18.0.2:853#xn--bcher-kva.example"), unicode.written());
            assertEquals(unicode.written(), unicode, "one server, whatever the spelling: the provider's, the pin's");
            assertEquals(unicode.written().hashCode(), unicode.hashCode());
            assertNotEquals(unicode.written().toShownSyntax(), unicode.toShownSyntax(), "shown as the system has it");
            assertEquals(java.util.List.of(unicode.written()), ServerAddress.writtenOnce(java.util.List.of(unicode, unicode.written())),
                    "listed by the system in both spellings, written once");
            ServerAddress ascii = ServerAddress.parseReported("198.18.0.2#xn--bcher-kva.example");
            assertNull(ascii.unicodeName());
            assertSame(ascii, ascii.written());
            assertNull(ServerAddress.parse("198.18.0.2#b\u00fccher.example").unicodeName(), "typed: Port853 writes it so");
            InetAddress a = unicode.address();
            assertThrows(IllegalArgumentException.class, () -> new ServerAddress(a, 0, null, null, "b\\xfccher.example"));
        }

        @Test
        void reportedNameThatIsNoHostNameIsOnlyShown() throws Exception {
            InetAddress a = InetAddress.getByAddress(new byte[]{(byte) 198, 18, 0, 2});
            ServerAddress spaced = ServerAddress.reported(a, 0, "bad name!");
            assertNull(spaced.tlsName());
            assertEquals("bad\\x20name!", spaced.nonHostName());
            assertEquals("198.18.0.2", spaced.toResolvedSyntax(), "never written back");
            ServerAddress emptyLabel = ServerAddress.parseReported("198.18.0.2#a..b");
            assertNull(emptyLabel.tlsName());
            assertEquals("198.18.0.2#a..b", emptyLabel.toShownSyntax());
            assertThrows(InvalidInputException.class, () -> ServerAddress.parse("198.18.0.2#a..b"), "typed: refused");
            assertThrows(IllegalArgumentException.class, () -> new ServerAddress(a, 0, null, "a\u202eb"));
        }

        @Test
        void reportedNameWithATrailingDotIsOnlyShownAsWritten() throws Exception {
            // resolved checks the certificate against "dot.test." as written: strict mode failed in the rig
            ServerAddress dotted = ServerAddress.parseReported("198.18.0.2#dot.test.");
            assertNull(dotted.tlsName());
            assertEquals("198.18.0.2#dot.test.", dotted.toShownSyntax());
            assertEquals("dot.test", ServerAddress.parse("198.18.0.2#dot.test.").tlsName(), "typed: the root's dot goes");
        }
    }

    @Nested
    class DnsNamesTest {
        @Test
        void normalises() {
            assertEquals("dns.quad9.net", DnsNames.requireHostName("DNS.Quad9.NET.", "n"));
            assertTrue(DnsNames.isHostName("a-b.example"));
            assertTrue(DnsNames.isHostName("localhost"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", ".", "a b", "a\nb", "-a.example", "a-.example", "a..b", "1.2.3.4", "123",
                "a_b.example", "é.example", "a/b"})
        void refuses(String name) {
            assertFalse(DnsNames.isHostName(name));
            assertThrows(InvalidInputException.class, () -> DnsNames.requireHostName(name, "name"));
        }

        @Test
        void lengthLimits() {
            String label63 = "a".repeat(63);
            assertTrue(DnsNames.isHostName(label63 + ".example"));
            assertFalse(DnsNames.isHostName("a".repeat(64) + ".example"));
            String long254 = (label63 + ".").repeat(4).substring(0, 254);
            assertFalse(DnsNames.isHostName(long254.endsWith(".") ? long254 + "a" : long254));
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("an international TLS name is taken in its ASCII form, as the window takes it")
    void internationalNameBecomesPunycode() {
        org.junit.jupiter.api.Assertions.assertEquals("xn--dt-8ja.test", ServerAddress.parse("198.51.100.1#dôt.test").tlsName());
        org.junit.jupiter.api.Assertions.assertEquals("dns.xn--bcher-kva.example",
                org.port853.core.DnsNames.toAscii("dns.bücher.example", "TLS name"));
        org.junit.jupiter.api.Assertions.assertEquals("dot.test", ServerAddress.parse("198.51.100.1#dot.test").tlsName());
    }

    @org.junit.jupiter.api.Test
    void ipv4MappedAddressIsRefusedWithTheRightReason() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ServerAddress.parse("::ffff:1.2.3.4#dot.test"));
        org.junit.jupiter.api.Assertions.assertEquals("'::ffff:1.2.3.4' is an IPv4-mapped IPv6 address, which is not "
                + "accepted: write the IPv4 address 1.2.3.4", e.getMessage());
    }

    @Test
    void ipv4CompatibleAddressIsRefusedNotRewritten() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ServerAddress.parse("::1.2.3.4#dot.test"));
        org.junit.jupiter.api.Assertions.assertEquals("'::1.2.3.4' is an IPv4-compatible IPv6 address (deprecated), "
                + "which is not accepted: write the IPv4 address 1.2.3.4", e.getMessage());
        // the loopback and the unspecified address are written without dots and stay what they are
        org.junit.jupiter.api.Assertions.assertEquals("::1", IpAddresses.parse("::1").getHostAddress().replace(
                "0:0:0:0:0:0:0:1", "::1"));
    }
}
