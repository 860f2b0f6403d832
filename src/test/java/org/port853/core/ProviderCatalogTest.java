package org.port853.core;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderCatalogTest {

    static ProviderCatalog parse(String json, boolean custom) {
        return ProviderCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), custom);
    }

    static String entry(String overrides) {
        return "{\"id\":\"x1\",\"displayName\":\"X\",\"ipv4\":[\"192.0.2.1\"],\"ipv6\":[\"2001:db8::1\"],"
                + "\"tlsName\":\"dns.example.net\",\"dohTemplate\":\"https://dns.example.net/dns-query\","
                + "\"filtering\":\"none\",\"operator\":\"Example\",\"jurisdiction\":\"Nowhere\","
                + "\"sourceUrl\":\"https://example.net/dns\"" + overrides + "}";
    }

    @Nested
    @DisplayName("the bundled catalogue")
    class Bundled {
        final ProviderCatalog cat = ProviderCatalog.bundled();

        @Test
        void loadsWithoutProblems() {
            assertTrue(cat.all().size() >= 15);
            assertTrue(cat.problems().isEmpty());
        }

        @Test
        void idsAreUnique() {
            Set<String> ids = new HashSet<>();
            cat.all().forEach(p -> assertTrue(ids.add(p.id()), p.id()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"cloudflare", "cloudflare-malware", "cloudflare-family", "quad9", "quad9-unfiltered",
                "google", "adguard", "adguard-unfiltered", "mullvad", "mullvad-adblock", "cleanbrowsing-family",
                "cleanbrowsing-security", "dnsforge", "digitale-gesellschaft", "applied-privacy", "dns4eu-unfiltered"})
        void requiredProviderIsPresent(String id) {
            assertTrue(cat.find(id).isPresent(), id);
        }

        @Test
        void dns0IsLeftOutBecauseItShutDown() {
            assertTrue(cat.all().stream().noneMatch(p -> p.tlsName().endsWith("dns0.eu")));
        }

        @Test
        void everyEntryIsCompleteCanonicalAndNotCustom() {
            for (Provider p : cat.all()) {
                assertFalse(p.custom(), p.id());
                assertNotNull(p.dohTemplate(), p.id() + " needs a DoH template (Windows falls back to DoH)");
                assertTrue(p.sourceUrl().startsWith("https://"), p.id());
                assertFalse(p.servers().isEmpty(), p.id());
                assertTrue(p.servers().size() <= ProviderJson.MAX_ADDRESSES, p.id());
                // revalidating a serialised entry gives the same value: the file is already canonical
                assertEquals(p, ProviderJson.fromJson(ProviderJson.toJson(p), 1, false), p.id());
                p.servers().forEach(s -> assertEquals(p.tlsName(), s.tlsName()));
            }
        }

        @Test
        void knownValues() {
            Provider cf = cat.find("cloudflare").orElseThrow();
            assertEquals(List.of("1.1.1.1", "1.0.0.1"), cf.ipv4());
            assertEquals(List.of("2606:4700:4700::1111", "2606:4700:4700::1001"), cf.ipv6());
            assertEquals("1.1.1.1#cloudflare-dns.com", cf.servers().get(0).toResolvedSyntax());
            Provider q9 = cat.find("quad9").orElseThrow();
            assertEquals(Filtering.MALWARE, q9.filtering());
            assertEquals("Switzerland", q9.jurisdiction());
            assertEquals("dns.quad9.net", q9.tlsName());
            assertEquals(Filtering.ADS, cat.find("adguard").orElseThrow().filtering());
            assertEquals(Filtering.FAMILY, cat.find("cloudflare-family").orElseThrow().filtering());
        }

        @Test
        void bundledIsCached() {
            assertTrue(ProviderCatalog.bundled() == ProviderCatalog.bundled());
        }
    }

    @Nested
    @DisplayName("parse")
    class Parse {
        @Test
        void acceptsBareArray() {
            ProviderCatalog c = parse("[" + entry("") + "]", false);
            assertEquals(1, c.all().size());
            assertEquals("dns.example.net", c.find("x1").orElseThrow().tlsName());
        }

        @Test
        void canonicalisesAddressesAndNames() {
            Provider p = parse("[" + entry("").replace("\"2001:db8::1\"", "\"2001:DB8:0:0::1\"")
                    .replace("\"tlsName\":\"dns.example.net\"", "\"tlsName\":\"DNS.Example.NET.\"") + "]", false).all().get(0);
            assertEquals(List.of("2001:db8::1"), p.ipv6());
            assertEquals("dns.example.net", p.tlsName());
        }

        @Test
        void refusesDuplicateIds() {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> parse("[" + entry("") + "," + entry("") + "]", false));
            assertTrue(e.getMessage().contains("entry 2 (\"x1\")"), e.getMessage());
            assertTrue(e.getMessage().contains("field id"), e.getMessage());
        }

        @Test
        @DisplayName("other TLS names are read in canonical form; a look-alike, a repeat or the primary name is refused")
        void otherTlsNames() {
            Provider p = parse("[" + entry(",\"otherTlsNames\":[\"Alt.Example.NET.\"]") + "]", false).all().get(0);
            assertEquals(List.of("alt.example.net"), p.otherTlsNames());
            assertEquals("dns.example.net", p.tlsName());
            assertEquals(List.of(), parse("[" + entry("") + "]", false).all().get(0).otherTlsNames(), "optional");
            InvalidInputException lookAlike = assertThrows(InvalidInputException.class,
                    () -> parse("[" + entry(",\"otherTlsNames\":[\"\u0430\u0440\u0440\u04cf\u0435.com\"]") + "]", false));
            assertTrue(lookAlike.getMessage().startsWith("entry 1 (\"x1\"): field otherTlsNames: "),
                    lookAlike.getMessage());
            assertTrue(lookAlike.getMessage().contains("look"), lookAlike.getMessage());
            InvalidInputException primary = assertThrows(InvalidInputException.class,
                    () -> parse("[" + entry(",\"otherTlsNames\":[\"DNS.example.net\"]") + "]", false));
            assertEquals("entry 1 (\"x1\"): field otherTlsNames: TLS name dns.example.net is listed twice",
                    primary.getMessage());
            Provider custom = parse("[" + entry(",\"otherTlsNames\":[\"alt.example.net\"]") + "]", true).all().get(0);
            assertEquals(List.of("alt.example.net"), ProviderJson.fromJson(ProviderJson.toJson(custom), 1, true)
                    .otherTlsNames(), "written and read back");
            assertFalse(ProviderJson.toJson(parse("[" + entry("") + "]", true).all().get(0)).has("otherTlsNames"),
                    "a provider without them is written as before");
        }

        // Jackson refuses duplicate keys, so each override replaces the field by rebuilding the entry
        @Test
        @DisplayName("published SPKI pins are read, and anything but base64 of 32 bytes is refused")
        void spkiPins() {
            String pin = java.util.Base64.getEncoder().encodeToString(new byte[32]);
            Provider p = parse("[" + entry(",\"spkiPins\":[\"" + pin + "\"]") + "]", false).all().get(0);
            assertEquals(List.of(pin), p.spkiPins());
            assertEquals(List.of(), parse("[" + entry("") + "]", false).all().get(0).spkiPins(), "optional");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> parse("[" + entry(",\"spkiPins\":[\"AAAA\"]") + "]", false));
            assertEquals("entry 1 (\"x1\"): field spkiPins: 'AAAA' is not a SHA-256 SPKI pin (base64 of 32 bytes)",
                    e.getMessage());
        }

        @Test
        void refusesBadAddress() {
            String json = "[" + entry("").replace("192.0.2.1", "999.1.1.1") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertEquals("entry 1 (\"x1\"): field ipv4: '999.1.1.1' is not an IPv4 or IPv6 address", e.getMessage());
        }

        @Test
        void refusesHostNameAsAddress() {
            String json = "[" + entry("").replace("\"192.0.2.1\"", "\"dns.example.net\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("field ipv4: 'dns.example.net' is a host name"), e.getMessage());
        }

        @Test
        void refusesIpv6InIpv4List() {
            String json = "[" + entry("").replace("\"192.0.2.1\"", "\"2001:db8::2\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("field ipv4: '2001:db8::2' is an IPv6 address"), e.getMessage());
        }

        @Test
        void refusesAddressAsTlsName() {
            String json = "[" + entry("").replace("\"tlsName\":\"dns.example.net\"", "\"tlsName\":\"192.0.2.1\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("field tlsName: "), e.getMessage());
        }

        @Test
        void refusesUnknownFiltering() {
            String json = "[" + entry("").replace("\"filtering\":\"none\"", "\"filtering\":\"porn\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("field filtering: filtering 'porn' must be one of none, malware, ads, family"),
                    e.getMessage());
        }

        @Test
        void refusesPlainHttpUrls() {
            String json = "[" + entry("").replace("https://example.net/dns", "http://example.net/dns") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("field sourceUrl: source URL 'http://example.net/dns' must start with https://"),
                    e.getMessage());
            String doh = "[" + entry("").replace("https://dns.example.net/dns-query", "https://1.2.3.4/dns-query") + "]";
            e = assertThrows(InvalidInputException.class, () -> parse(doh, false));
            assertTrue(e.getMessage().contains("field dohTemplate"), e.getMessage());
        }

        @Test
        void acceptsRfc8484TemplateSuffix() {
            String json = "[" + entry("").replace("dns-query\"", "dns-query{?dns}\"") + "]";
            assertEquals("https://dns.example.net/dns-query{?dns}", parse(json, false).all().get(0).dohTemplate());
        }

        @Test
        void refusesMissingRequiredField() {
            String json = "[" + entry("").replace("\"operator\":\"Example\",", "") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertEquals("entry 1 (\"x1\"): field operator: is missing", e.getMessage());
        }

        @Test
        void aDocumentBeyondTheParsersLimitsIsRefusedInOneSentence() {
            // Jackson's limits (nesting depth, number length) throw without a position: that read as a bare
            // NullPointerException's text ("Cannot invoke ... getLineNr()") with exit 1
            String deep = "[".repeat(5000) + "]".repeat(5000);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(deep, true));
            assertEquals("the provider list is not valid JSON: it nests too deeply or holds too long a number or "
                    + "name to be a provider list", e.getMessage());
            String longNumber = "{\"version\":" + "9".repeat(5000) + ",\"providers\":[]}";
            e = assertThrows(InvalidInputException.class, () -> parse(longNumber, true));
            assertEquals("the provider list is not valid JSON: it nests too deeply or holds too long a number or "
                    + "name to be a provider list", e.getMessage());
        }

        @Test
        void refusesUnknownFieldInBundledButNotInCustom() {
            String json = "[" + entry(",\"ipV4\":[]") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json, false));
            assertTrue(e.getMessage().contains("unknown field 'ipV4'"), e.getMessage());
            assertEquals(1, parse(json, true).all().size());
        }

        @Test
        void refusesBadIdAndControlCharactersInNames() {
            String badId = "[" + entry("").replace("\"id\":\"x1\"", "\"id\":\"X 1\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(badId, false));
            assertTrue(e.getMessage().startsWith("entry 1 (\"X 1\"): field id: "), e.getMessage());
            String newline = "[" + entry("").replace("\"displayName\":\"X\"", "\"displayName\":\"X\\nY\"") + "]";
            e = assertThrows(InvalidInputException.class, () -> parse(newline, false));
            assertTrue(e.getMessage().contains("field displayName: display name 'X\\nY' contains a line break"),
                    e.getMessage());
        }

        @Test
        void refusesNoAddressesAndTooMany() {
            String none = "[" + entry("").replace("\"192.0.2.1\"", "").replace("\"2001:db8::1\"", "") + "]";
            assertThrows(InvalidInputException.class, () -> parse(none, false));
            String many = "[" + entry("").replace("\"192.0.2.1\"",
                    "\"192.0.2.1\",\"192.0.2.2\",\"192.0.2.3\",\"192.0.2.4\",\"192.0.2.5\",\"192.0.2.6\",\"192.0.2.7\",\"192.0.2.8\"") + "]";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(many, false));
            assertTrue(e.getMessage().contains("at most 8 addresses"), e.getMessage());
        }

        @Test
        void refusesWrongShapes() {
            assertThrows(InvalidInputException.class, () -> parse("{\"providers\":{}}", false));
            assertThrows(InvalidInputException.class, () -> parse("[1]", false));
            assertThrows(InvalidInputException.class, () -> parse("", false));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("[{,", false));
            assertTrue(e.getMessage().startsWith("the provider list is not valid JSON (line 1"), e.getMessage());
            String dupKey = "[" + entry(",\"id\":\"x2\"") + "]";
            assertThrows(InvalidInputException.class, () -> parse(dupKey, false));
            String ipv4NotArray = "[" + entry("").replace("[\"192.0.2.1\"]", "\"192.0.2.1\"") + "]";
            e = assertThrows(InvalidInputException.class, () -> parse(ipv4NotArray, false));
            assertTrue(e.getMessage().contains("field ipv4: must be an array"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("with custom providers")
    class WithCustom {
        @TempDir
        Path dir;

        @Test
        void customsComeLast() {
            CustomProviders store = new CustomProviders(dir.resolve("c.json"));
            store.save(CustomProviders.validate("home", "Home", "192.168.1.2", "dns.home.arpa"));
            ProviderCatalog c = ProviderCatalog.withCustom(store);
            assertEquals("home", c.all().get(c.all().size() - 1).id());
            assertEquals(ProviderCatalog.bundled().all().size() + 1, c.all().size());
            assertTrue(c.problems().isEmpty());
        }

        @Test
        void brokenUserFileKeepsBundledAndReportsProblem() throws Exception {
            Path f = dir.resolve("c.json");
            Files.writeString(f, "garbage");
            ProviderCatalog c = ProviderCatalog.withCustom(new CustomProviders(f));
            assertEquals(ProviderCatalog.bundled().all(), c.all());
            assertEquals(1, c.problems().size());
            assertTrue(c.problems().get(0).contains(f.toString()), c.problems().get(0));
            assertEquals("garbage", Files.readString(f));
        }

        @Test
        void withRefusesDuplicateIds() {
            Provider dup = ProviderCatalog.bundled().find("google").orElseThrow();
            assertThrows(InvalidInputException.class, () -> ProviderCatalog.bundled().with(List.of(dup)));
        }

        @Test
        void findUnknownIsEmpty() {
            assertTrue(ProviderCatalog.bundled().find("nope").isEmpty());
            assertTrue(ProviderCatalog.bundled().find(null).isEmpty());
        }
    }
}
