package org.port853.core;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomProvidersTest {

    @Nested
    @DisplayName("validate")
    class Validate {
        @Test
        void buildsACustomProvider() {
            Provider p = CustomProviders.validate("my-dns", "My DNS", "192.0.2.1, 2001:DB8::53\n198.51.100.7",
                    "DNS.Example.org");
            assertEquals("my-dns", p.id());
            assertEquals("My DNS", p.displayName());
            assertEquals(List.of("192.0.2.1", "198.51.100.7"), p.ipv4());
            assertEquals(List.of("2001:db8::53"), p.ipv6());
            assertEquals("dns.example.org", p.tlsName());
            assertTrue(p.custom());
            assertEquals(Filtering.NONE, p.filtering());
            assertEquals("user-defined", p.operator());
            assertEquals("user-defined", p.jurisdiction());
            assertNull(p.dohTemplate());
            assertNull(p.sourceUrl());
            assertEquals("192.0.2.1#dns.example.org", p.servers().get(0).toResolvedSyntax());
        }

        @Test
        void acceptsDohTemplateWhenGiven() {
            Provider p = CustomProviders.validate("d", "D", "192.0.2.1", "dns.example.org",
                    "https://dns.example.org/dns-query");
            assertEquals("https://dns.example.org/dns-query", p.dohTemplate());
        }

        private String refused(String id, String name, String addresses, String tls) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> CustomProviders.validate(id, name, addresses, tls));
            String m = e.getMessage();
            assertFalse(m.contains("\n"), "one line: " + m);
            assertTrue(m.endsWith("."), "a sentence: " + m);
            return m;
        }

        @Test
        void newlineInDisplayName() {
            assertEquals("Display name 'My\\nDNS' contains a line break, control or invisible formatting character.",
                    refused("my", "My\nDNS", "192.0.2.1", "dns.example.org"));
        }

        @Test
        void newlineInTlsName() {
            assertEquals("TLS name 'dns.example.org\\nevil' contains a control character or one a host name cannot have.",
                    refused("my", "My", "192.0.2.1", "dns.example.org\nevil"));
        }

        @Test
        void spaceInTlsName() {
            assertEquals("TLS name 'dns example.org' contains a space.",
                    refused("my", "My", "192.0.2.1", "dns example.org"));
        }

        @Test
        @DisplayName("an international TLS name is taken in its ASCII form, as on the command line")
        void internationalTlsNameBecomesAscii() {
            Provider p = CustomProviders.validate("my", "My", "192.0.2.1", "DNS.Bücher.example");
            assertEquals("dns.xn--bcher-kva.example", p.tlsName());
            assertEquals(ServerAddress.parse("192.0.2.1#dns.bücher.example"), p.servers().get(0));
            assertTrue(refused("my", "My", "192.0.2.1", "a\u3002\u3002b").startsWith("TLS name"));
        }

        @Test
        void bidiOverrideInDisplayName() {
            assertTrue(refused("my", "My\u202Egpj.exe", "192.0.2.1", "dns.example.org").startsWith("Display name"));
        }

        @Test
        void hostnameAsAddress() {
            assertEquals("Address 'dns.google' is a host name, not an IP address: a resolver cannot look up its own "
                    + "server's name without a circular dependency.", refused("my", "My", "dns.google", "dns.google"));
        }

        @Test
        void outOfRangeOctet() {
            assertEquals("Address '999.1.1.1' is not an IPv4 or IPv6 address.",
                    refused("my", "My", "192.0.2.1, 999.1.1.1", "dns.example.org"));
        }

        @Test
        void wildcardAndMulticastAreNotServers() {
            assertEquals("Address '0.0.0.0' cannot be a DNS server address.", refused("my", "My", "0.0.0.0", "dns.example.org"));
            assertTrue(refused("my", "My", "ff02::1", "dns.example.org").startsWith("Address 'ff02::1' cannot"));
        }

        @Test
        @DisplayName("systemd-resolved's own stub addresses are refused when the provider is saved, not at apply")
        void resolvedStubRefused() {
            assertEquals("Address 127.0.0.53 is systemd-resolved's own stub listener: as its server every query would "
                    + "loop back into it; use the provider's address.", refused("my", "My", "127.0.0.53", "dns.example.org"));
            assertEquals("Address 127.0.0.54 is systemd-resolved's own stub listener: as its server every query would "
                    + "loop back into it; use the provider's address.",
                    refused("my", "My", "192.0.2.1 127.0.0.54", "dns.example.org"));
        }

        @Test
        @DisplayName("the broadcast and IPv6 link-local addresses are refused as on the command line")
        void broadcastAndLinkLocalAreNotServers() {
            assertEquals("Address '255.255.255.255' cannot be a DNS server address.",
                    refused("my", "My", "255.255.255.255", "dns.example.org"));
            assertEquals("Address 'fe80::1' is a link-local address, which reaches a server only through one interface "
                    + "(%IFACE); use global servers.", refused("my", "My", "fe80::1", "dns.example.org"));
            // with its interface: refused as link-local at once, not "write the address alone" and then refused again
            assertEquals("Address 'fe80::1%eth0' is a link-local address, which reaches a server only through one "
                    + "interface (%IFACE); use global servers.", refused("my", "My", "fe80::1%eth0", "dns.example.org"));
            assertTrue(refused("my", "My", "2001:db8::1%eth0", "dns.example.org").contains("write the address alone, "
                    + "2001:db8::1"), "a global address with an interface is told what to write");
            assertEquals(List.of("169.254.169.253"), CustomProviders.validate("my", "My", "169.254.169.253",
                    "dns.example.org").ipv4());
        }

        @Test
        void emptyFields() {
            assertEquals("Id is empty.", refused("", "My", "192.0.2.1", "dns.example.org"));
            assertEquals("Display name is empty.", refused("my", "  ", "192.0.2.1", "dns.example.org"));
            assertEquals("Addresses are empty: enter at least one IPv4 or IPv6 address.",
                    refused("my", "My", " , ", "dns.example.org"));
            assertEquals("Addresses are empty: enter at least one IPv4 or IPv6 address.",
                    refused("my", "My", null, "dns.example.org"));
            assertEquals("TLS name is empty.", refused("my", "My", "192.0.2.1", ""));
            assertEquals("TLS name is empty.", refused("my", "My", "192.0.2.1", null));
        }

        @Test
        void tooManyAddresses() {
            assertEquals("Addresses: enter at most 8 addresses, not 9.", refused("my", "My",
                    "192.0.2.1 192.0.2.2 192.0.2.3 192.0.2.4 192.0.2.5 192.0.2.6 192.0.2.7 192.0.2.8 2001:db8::1",
                    "dns.example.org"));
        }

        @Test
        void repeatedAddress() {
            assertEquals("Addresses: address 2001:db8::1 is listed twice.",
                    refused("my", "My", "2001:db8::1, 2001:DB8:0:0::1", "dns.example.org"));
            assertEquals("Address '192.0.2.01' is not an IPv4 or IPv6 address.",
                    refused("my", "My", "192.0.2.01", "dns.example.org"));
        }

        @Test
        void badIds() {
            assertTrue(refused("My DNS", "My", "192.0.2.1", "dns.example.org").startsWith("Id 'My DNS' must be 1 to 40"));
            assertTrue(refused("-x", "My", "192.0.2.1", "dns.example.org").startsWith("Id '-x' must"));
            assertTrue(refused("a".repeat(41), "My", "192.0.2.1", "dns.example.org").startsWith("Id '"));
        }

        @Test
        void duplicateOfCatalogueId() {
            assertEquals("Id 'quad9' is already used by the built-in catalogue; choose another.",
                    refused("quad9", "My Quad9", "9.9.9.9", "dns.quad9.net"));
        }

        @Test
        void ipAsTlsName() {
            assertTrue(refused("my", "My", "192.0.2.1", "192.0.2.1").startsWith("TLS name '192.0.2.1' looks like an address"));
        }
    }

    @Nested
    @DisplayName("storage")
    class Storage {
        @TempDir
        Path dir;

        @Test
        @DisplayName("a file with more providers than a save allows is refused whole, and no save or removal rewrites it")
        void aFileOverTheLimitIsRefusedAndKept() throws Exception {
            Path file = dir.resolve("custom-providers.json");
            String text = ProviderFiles.withProviders(CustomProviders.MAX_PROVIDERS + 1);
            Files.writeString(file, text);
            CustomProviders custom = new CustomProviders(file);
            CustomProviders.Refused refused = assertThrows(CustomProviders.Refused.class, custom::load);
            assertEquals("Custom providers file " + file + " has 101 providers, more than the 100 Port853 takes: remove "
                    + "1 provider from it.", refused.getMessage());
            assertThrows(CustomProviders.Refused.class, () -> custom.remove("own-1"));
            assertThrows(CustomProviders.Refused.class, () -> custom.save(CustomProviders.validate("own-2", "Renamed",
                    "198.18.0.3", "dot.test")));
            assertEquals(text, Files.readString(file), "left as it is");

            Files.writeString(file, ProviderFiles.withProviders(CustomProviders.MAX_PROVIDERS));
            assertEquals(CustomProviders.MAX_PROVIDERS, custom.load().size(), "the limit itself loads");
        }

        @Test
        void missingFileIsEmpty() {
            assertEquals(List.of(), new CustomProviders(dir.resolve("none.json")).load());
        }

        @Test
        @DisplayName("providers saved at the same moment from several threads are all kept (the window saves on workers)")
        void concurrentSavesKeepEveryProvider() throws Exception {
            Path file = dir.resolve("port853/custom-providers.json");
            int threads = 6;
            int each = 5;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) { // a store of its own, as a second window or command has
                            new CustomProviders(file).save(CustomProviders.validate("p" + thread + "-" + i, "P",
                                    "192.0.2." + (thread * each + i + 1), "dns.example.org"));
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * each, new CustomProviders(file).load().size());
        }

        @Test
        @EnabledOnOs({OS.LINUX, OS.MAC})
        void roundTripWithPrivateModes() throws Exception {
            Path file = dir.resolve("sub/port853/custom-providers.json");
            CustomProviders store = new CustomProviders(file);
            Provider a = CustomProviders.validate("a", "A", "192.0.2.1 2001:db8::1", "dns.a.example");
            Provider b = CustomProviders.validate("b", "Bé DNS", "192.0.2.2", "dns.b.example", "https://dns.b.example/q");
            store.save(a);
            store.save(b);
            assertEquals(List.of(a, b), store.load());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            try (var files = Files.list(file.getParent())) {
                assertEquals(List.of(".custom-providers.json.lock", "custom-providers.json"),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left behind");
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    file.resolveSibling(".custom-providers.json.lock"))));
        }

        @Test
        void saveReplacesSameIdInPlace() {
            CustomProviders store = new CustomProviders(dir.resolve("c.json"));
            store.save(CustomProviders.validate("a", "A", "192.0.2.1", "dns.a.example"));
            store.save(CustomProviders.validate("b", "B", "192.0.2.2", "dns.b.example"));
            Provider a2 = CustomProviders.validate("a", "A2", "192.0.2.9", "dns.a.example");
            store.save(a2);
            List<Provider> all = store.load();
            assertEquals(2, all.size());
            assertEquals(a2, all.get(0));
        }

        @Test
        void removeDeletesOnlyThatId() {
            CustomProviders store = new CustomProviders(dir.resolve("c.json"));
            store.save(CustomProviders.validate("a", "A", "192.0.2.1", "dns.a.example"));
            store.save(CustomProviders.validate("b", "B", "192.0.2.2", "dns.b.example"));
            assertTrue(store.remove("a"));
            assertFalse(store.remove("a"));
            assertEquals(List.of("b"), store.load().stream().map(Provider::id).toList());
        }

        @Test
        void saveRevalidatesAProviderBuiltByHand() {
            CustomProviders store = new CustomProviders(dir.resolve("c.json"));
            Provider bad = new Provider("x", "X", List.of("dns.example"), List.of(), "dns.example", null,
                    Filtering.NONE, "user-defined", "user-defined", null, true);
            assertThrows(InvalidInputException.class, () -> store.save(bad));
            Provider catalogueId = new Provider("google", "G", List.of("192.0.2.1"), List.of(), "dns.example", null,
                    Filtering.NONE, "user-defined", "user-defined", null, true);
            assertThrows(InvalidInputException.class, () -> store.save(catalogueId));
            assertFalse(Files.exists(dir.resolve("c.json")));
        }

        @Test
        void garbageIsReportedAndNeverOverwritten() throws Exception {
            Path file = dir.resolve("c.json");
            Files.writeString(file, "{not json");
            CustomProviders store = new CustomProviders(file);
            InvalidInputException e = assertThrows(InvalidInputException.class, store::load);
            assertTrue(e.getMessage().startsWith("Custom providers file " + file + " is not valid: the provider list is not valid JSON"),
                    e.getMessage());
            assertThrows(InvalidInputException.class,
                    () -> store.save(CustomProviders.validate("a", "A", "192.0.2.1", "dns.a.example")));
            assertThrows(InvalidInputException.class, () -> store.remove("a"));
            assertEquals("{not json", Files.readString(file));
        }

        @Test
        @DisplayName("a key given twice in an entry is said with the key, the entry and the line, and the file is kept")
        void aKeyTwiceIsSaidWhereItIs() throws Exception {
            Path file = dir.resolve(CustomProviders.FILE_NAME);
            String text = "{\n  \"version\": 1,\n  \"providers\": [\n"
                    + "    {\"id\": \"a\", \"displayName\": \"A\", \"ipv4\": [\"192.0.2.1\"], \"tlsName\": \"a.example\"},\n"
                    + "    {\"id\": \"b\", \"displayName\": \"B\", \"ipv4\": [\"192.0.2.2\"],\n"
                    + "     \"displayName\": \"B again\", \"tlsName\": \"b.example\"}\n  ]\n}\n";
            Files.writeString(file, text);
            CustomProviders store = new CustomProviders(file);
            InvalidInputException e = assertThrows(InvalidInputException.class, store::load);
            assertEquals("Custom providers file " + file + " is not valid: the key \"displayName\" appears twice in "
                    + "entry 2 (line 6); delete one of them.", e.getMessage());
            Files.writeString(file, "{\"version\": 1, \"providers\": [],\n\"version\": 1}");
            assertEquals("Custom providers file " + file + " is not valid: the key \"version\" appears twice (line 2); "
                    + "delete one of them.", assertThrows(InvalidInputException.class, store::load).getMessage());
            Files.writeString(file, text);
            assertRefusedAndKept(store, file);
        }

        @Test
        @DisplayName("bytes that are not UTF-8 are said with the byte and its line, and the file is kept")
        void bytesThatAreNotUtf8AreSaidWhereTheyAre() throws Exception {
            Path file = dir.resolve(CustomProviders.FILE_NAME);
            // "Café" saved as Latin-1 on line 4; a broken sequence (0xC3 without its second byte) and a UTF-16 BOM
            Files.write(file, ("{\"version\": 1,\n\"providers\": [{\"id\": \"a\",\n\"ipv4\": [\"192.0.2.1\"], "
                    + "\"tlsName\": \"a.example\",\n\"displayName\": \"Caf\u00e9\"}]}").getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            CustomProviders store = new CustomProviders(file);
            InvalidInputException e = assertThrows(InvalidInputException.class, store::load);
            assertEquals("Custom providers file " + file + " is not valid: byte 0xE9 on line 4 is not UTF-8; save the "
                    + "file as UTF-8.", e.getMessage());
            assertRefusedAndKept(store, file);
            Files.write(file, new byte[]{'[', '"', (byte) 0xC3, '"', ']'});
            assertTrue(assertThrows(InvalidInputException.class, store::load).getMessage()
                    .endsWith("byte 0xC3 on line 1 is not UTF-8; save the file as UTF-8."));
            Files.write(file, "[]".getBytes(java.nio.charset.StandardCharsets.UTF_16));
            assertTrue(assertThrows(InvalidInputException.class, store::load).getMessage()
                    .endsWith("byte 0xFE on line 1 is not UTF-8; save the file as UTF-8."));
        }

        /** The refused file is neither replaced by a save nor by a removal: its bytes stay as they were. */
        private void assertRefusedAndKept(CustomProviders store, Path file) throws Exception {
            byte[] before = Files.readAllBytes(file);
            assertThrows(InvalidInputException.class,
                    () -> store.save(CustomProviders.validate("c", "C", "192.0.2.3", "c.example")));
            assertThrows(InvalidInputException.class, () -> store.remove("a"));
            org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file));
        }

        @Test
        @DisplayName("a file saved with resolved's stub as an address (earlier versions allowed it) still loads and can "
                + "be mended: only applying it is refused")
        void savedStubStillLoads() throws Exception {
            Path file = dir.resolve("stub.json");
            Files.writeString(file, "[{\"id\":\"home\",\"displayName\":\"Home\",\"ipv4\":[\"127.0.0.53\"],"
                    + "\"tlsName\":\"x.example\"},{\"id\":\"b\",\"displayName\":\"B\",\"ipv4\":[\"192.0.2.1\"],"
                    + "\"tlsName\":\"b.example\"}]");
            CustomProviders store = new CustomProviders(file);
            assertEquals(List.of("home", "b"), store.load().stream().map(Provider::id).toList());
            store.remove("home");
            assertEquals(List.of("b"), store.load().stream().map(Provider::id).toList());
        }

        @Test
        void invalidEntryInFileNamesEntryAndField() throws Exception {
            Path file = dir.resolve("c.json");
            Files.writeString(file, "[{\"id\":\"a\",\"displayName\":\"A\",\"ipv4\":[\"999.1.1.1\"],\"tlsName\":\"x.example\"}]");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
            assertTrue(e.getMessage().contains("entry 1 (\"a\"): field ipv4: '999.1.1.1' is not an IPv4 or IPv6 address"),
                    e.getMessage());
        }

        @Test
        @DisplayName("an international TLS name in the file is loaded in its ASCII form; a look-alike of a Latin name is refused")
        void internationalTlsNameInFile() throws Exception {
            Path file = dir.resolve("c.json");
            Files.writeString(file, "[{\"id\":\"a\",\"displayName\":\"A\",\"ipv4\":[\"192.0.2.1\"],"
                    + "\"tlsName\":\"dns.bücher.example\"}]");
            assertEquals("192.0.2.1#dns.xn--bcher-kva.example",
                    new CustomProviders(file).load().get(0).servers().get(0).toResolvedSyntax());
            // "ѕсоре": Cyrillic letters that read as "scope" under a Latin top-level domain
            Files.writeString(file, "[{\"id\":\"a\",\"displayName\":\"A\",\"ipv4\":[\"192.0.2.1\"],"
                    + "\"tlsName\":\"dns.\u0455\u0441\u043e\u0440\u0435.example\"}]");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
            assertTrue(e.getMessage().contains("entry 1 (\"a\"): field tlsName: TLS name 'dns.\u0455\u0441\u043e\u0440\u0435"
                    + ".example' has a label, '\u0455\u0441\u043e\u0440\u0435', written only in letters that look like Latin "
                    + "ones"), e.getMessage());
            assertTrue(e.getMessage().contains("is dns.xn--e1argc3h.example: if that is the name you mean"), e.getMessage());
        }

        @Test
        @DisplayName("a provider whose id a later catalogue took is kept under a numbered id, with the others, and the "
                + "next save writes it so, its unknown keys too")
        void catalogueIdInFileIsKeptUnderANewId() throws Exception {
            Path file = dir.resolve("c.json");
            Files.writeString(file, "[{\"id\":\"google\",\"displayName\":\"A\",\"ipv4\":[\"192.0.2.1\"],"
                    + "\"tlsName\":\"x.example\",\"note\":\"mine\"},"
                    + "{\"id\":\"google-2\",\"displayName\":\"B\",\"ipv4\":[\"192.0.2.2\"],\"tlsName\":\"y.example\"}]");
            CustomProviders custom = new CustomProviders(file);
            CustomProviders.Loaded loaded = custom.read();
            assertEquals(List.of("google-3", "google-2"), loaded.providers().stream().map(Provider::id).toList());
            assertEquals(List.of(new CustomProviders.Renamed("google", "google-3", "A")), loaded.renamed());
            ProviderCatalog catalog = ProviderCatalog.withCustom(custom);
            assertEquals(List.of(), catalog.problems());
            assertEquals("A", catalog.find("google-3").orElseThrow().displayName());
            assertEquals("B", catalog.find("google-2").orElseThrow().displayName());
            assertEquals(loaded.renamed(), catalog.renamed());

            custom.save(CustomProviders.validate("c", "C", "192.0.2.3", "z.example"));
            com.fasterxml.jackson.databind.JsonNode first = ProviderJson.mapper().readTree(file.toFile()).path("providers").get(0);
            assertEquals(List.of("google-3", "A", "mine"), List.of(first.path("id").asText(),
                    first.path("displayName").asText(), first.path("note").asText()), first.toString());
            assertEquals(List.of("google-3", "google-2", "c"), custom.load().stream().map(Provider::id).toList());
            assertEquals(List.of(), custom.read().renamed());
        }

        @Test
        void directoryInsteadOfFile() throws Exception {
            Path file = dir.resolve("c.json");
            Files.createDirectory(file);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
            assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        }

        @Test
        @DisplayName("a file a newer Port853 wrote (a higher version) is refused and never rewritten: its fields would be lost")
        void newerFormatIsRefusedAndKept() throws Exception {
            Path file = dir.resolve(CustomProviders.FILE_NAME);
            String newer = "{\"version\":2,\"providers\":[{\"id\":\"mine\",\"displayName\":\"Mine\","
                    + "\"ipv4\":[\"192.0.2.1\"],\"ipv6\":[],\"tlsName\":\"dns.example.org\",\"future\":1}]}";
            Files.writeString(file, newer);
            CustomProviders custom = new CustomProviders(file);
            InvalidInputException e = assertThrows(InvalidInputException.class, custom::load);
            assertTrue(e.getMessage().contains("written by a newer Port853 (format version 2)"), e.getMessage());
            assertThrows(InvalidInputException.class, () -> custom.save(CustomProviders.validate("other", "Other",
                    "192.0.2.2", "dns.example.org")));
            assertEquals(newer, Files.readString(file), "left as it is");
        }

        @Test
        @DisplayName("fields added by hand, to the file or to a provider, are written back by the next save")
        void unknownFieldsSurviveASave() throws Exception {
            Path file = dir.resolve(CustomProviders.FILE_NAME);
            Files.writeString(file, "{\"version\":1,\"owner\":\"it desk\",\"providers\":[{\"id\":\"mine\","
                    + "\"displayName\":\"Mine\",\"ipv4\":[\"192.0.2.1\"],\"tlsName\":\"dns.example.org\","
                    + "\"note\":{\"ticket\":[4711]}}]}");
            CustomProviders custom = new CustomProviders(file);
            custom.save(CustomProviders.validate("other", "Other", "192.0.2.2", "dns.example.org"));
            custom.save(CustomProviders.validate("mine", "Mine again", "192.0.2.3", "dns.example.org"));

            com.fasterxml.jackson.databind.JsonNode saved = ProviderJson.mapper().readTree(file.toFile());
            assertEquals("it desk", saved.path("owner").asText());
            assertEquals(4711, saved.path("providers").path(0).path("note").path("ticket").path(0).asInt());
            assertFalse(saved.path("providers").path(1).has("note"), "only the provider that had it");
            assertEquals(List.of("Mine again", "Other"), custom.load().stream().map(Provider::displayName).toList());
        }

        @Test
        @EnabledOnOs({OS.LINUX, OS.MAC})
        @DisplayName("a file that is a link (into a dotfiles folder) stays a link: the save replaces the file it points to")
        void symbolicLinkStaysALink() throws Exception {
            Path dotfiles = Files.createDirectory(dir.resolve("dotfiles"));
            Path target = dotfiles.resolve("providers.json");
            CustomProviders atTarget = new CustomProviders(target);
            atTarget.save(CustomProviders.validate("mine", "Mine", "192.0.2.1", "dns.example.org"));
            Path link = Files.createSymbolicLink(dir.resolve(CustomProviders.FILE_NAME), target);

            new CustomProviders(link).save(CustomProviders.validate("other", "Other", "192.0.2.2", "dns.example.org"));

            assertTrue(Files.isSymbolicLink(link), "still a link");
            assertEquals(List.of("mine", "other"), atTarget.load().stream().map(Provider::id).toList());
            try (var left = Files.list(dotfiles)) {
                assertEquals(List.of(), left.filter(f -> f.toString().endsWith(".tmp")).toList(),
                        "no temporary file left beside it");
            }
        }

        @Test
        @DisplayName("an empty file is an empty list, as the pin store reads one: a provider can be added to it")
        void emptyFileIsAnEmptyList() throws Exception {
            Path file = dir.resolve(CustomProviders.FILE_NAME);
            Files.writeString(file, " \n");
            CustomProviders custom = new CustomProviders(file);
            assertEquals(List.of(), custom.load());
            custom.save(CustomProviders.validate("mine", "Mine", "192.0.2.1", "dns.example.org"));
            assertEquals("mine", custom.load().get(0).id());
        }
    }
}
