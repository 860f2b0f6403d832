package org.port853.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.CustomProviders;
import org.port853.core.ProviderCatalog;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(CustomProviders custom, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ProvidersCommand(() -> ProviderCatalog.withCustom(custom)));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonListsEveryProviderWithServers() throws Exception {
        CustomProviders custom = new CustomProviders(dir.resolve("c.json"));
        custom.save(CustomProviders.validate("home", "Home", "192.168.1.2 fd00::53", "dns.home.example"));
        Run r = run(custom, "--json");
        assertEquals(0, r.code());
        assertEquals("", r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertTrue(arr.isArray());
        assertEquals(ProviderCatalog.bundled().all().size() + 1, arr.size());
        JsonNode cf = arr.get(0);
        assertEquals("cloudflare", cf.get("id").asText());
        assertEquals("1.1.1.1#cloudflare-dns.com", cf.get("servers").get(0).asText());
        assertEquals("2606:4700:4700::1111#cloudflare-dns.com", cf.get("servers").get(2).asText());
        assertEquals("none", cf.get("filtering").asText());
        assertFalse(cf.get("custom").asBoolean());
        for (String field : new String[]{"displayName", "ipv4", "ipv6", "tlsName", "dohTemplate", "operator",
                "jurisdiction", "sourceUrl"}) {
            assertTrue(cf.has(field), field);
        }
        JsonNode home = arr.get(arr.size() - 1);
        assertEquals("home", home.get("id").asText());
        assertTrue(home.get("custom").asBoolean());
        assertEquals("fd00::53#dns.home.example", home.get("servers").get(1).asText());
    }

    @Test
    void brokenCustomFileStillListsBundledWithWarning() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "nope");
        CliRuns.Run r = CliRuns.run(new CliServices(() -> {
            throw new AssertionError("providers reads no resolver");
        }, () -> ProviderCatalog.withCustom(new CustomProviders(f))), "providers", "--json");
        assertEquals(3, r.code(), "listed, but without the user's own: a script notices");
        assertEquals(ProviderCatalog.bundled().all().size(), new ObjectMapper().readTree(r.out()).size());
        assertTrue(r.err().startsWith("port853 providers: custom providers file " + f), r.err());
        assertEquals(1, r.err().lines().count(), "one sentence: " + r.err());
    }

    @Test
    void aFileOverTheLimitIsSaidAndOnlyTheBuiltInProvidersAreListed() throws Exception {
        Path f = Files.writeString(dir.resolve("c.json"), org.port853.core.ProviderFiles.withProviders(
                CustomProviders.MAX_PROVIDERS + 2));
        CliRuns.Run r = CliRuns.run(new CliServices(() -> {
            throw new AssertionError("providers reads no resolver");
        }, () -> ProviderCatalog.withCustom(new CustomProviders(f))), "providers");
        assertEquals(3, r.code(), "listed, but without the user's own: a script notices");
        assertEquals("port853 providers: custom providers file " + f + " has 102 providers, more than the 100 Port853 "
                + "takes: remove 2 providers from it. Only the built-in providers are shown until the file is fixed or "
                + "removed.", r.err().strip());
        assertFalse(r.out().contains("own-1"), r.out());
    }

    @Test
    void tableHasHeaderAndEachServerOnAnIndentedLineUnderItsProvider() {
        Run r = run(new CustomProviders(dir.resolve("none.json")));
        assertEquals(0, r.code());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("ID\\s+NAME\\s+FILTERING\\s+JURISDICTION"), lines[0]);
        assertTrue(lines[1].matches("cloudflare\\s+Cloudflare\\s+none\\s+United States"), lines[1]);
        assertEquals("    1.1.1.1#cloudflare-dns.com", lines[2]);
        assertEquals("    1.0.0.1#cloudflare-dns.com", lines[3]);
        assertTrue(r.out().contains("Switzerland"));
        assertFalse(r.out().contains("* your own provider"));
    }

    @Test
    @DisplayName("the table fits 80 columns, a long name wrapped at its words, and shows every server whole exactly once")
    void fitsATerminalWithEveryServerWholeOnce() {
        CustomProviders custom = new CustomProviders(dir.resolve("c.json"));
        String longId = "x".repeat(org.port853.core.ProviderIds.MAX);
        String longName = "The resolver my family runs in the basement, behind the router, with its name";
        custom.save(CustomProviders.validate(longId, longName, "192.168.1.2 fd00:1234:5678:9abc::53",
                "dns.home.example"));
        custom.save(CustomProviders.validate("nospaces", "N".repeat(80), "192.168.1.3", "dns.home.example"));
        Run r = run(custom);
        assertEquals(0, r.code(), r.err());
        TerminalWidth.assertFits(r.out());
        for (org.port853.core.Provider p : ProviderCatalog.withCustom(custom).all()) {
            for (org.port853.core.ServerAddress s : p.servers()) {
                assertEquals(1, r.out().lines().filter(l -> l.strip().equals(s.toResolvedSyntax())).count(),
                        s + " whole on a line of its own, once:\n" + r.out());
            }
        }
        String names = nameColumn(r.out());
        assertTrue(names.contains("Cloudflare for Families (malware and adult content)"), names);
        assertTrue(names.contains(longName), "wrapped, not cut: " + r.out());
        assertTrue(r.out().contains(longId + "*"), "an id is never cut: it is what --provider takes");
    }

    @Test
    void wideAndCombiningNamesKeepTheColumns() {
        CustomProviders custom = new CustomProviders(dir.resolve("c.json"));
        custom.save(CustomProviders.validate("japan", "日本DNS", "192.168.1.2", "dns.home.example"));
        custom.save(CustomProviders.validate("accent", "Cafe\u0301 DNS", "192.168.1.3", "dns.home.example"));
        Run r = run(custom);
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        int filtering = columnsBefore(lines[0], "FILTERING");
        for (String name : new String[]{"日本DNS", "Cafe\u0301 DNS"}) {
            String line = java.util.Arrays.stream(lines).filter(l -> l.contains(name)).findFirst().orElseThrow();
            assertEquals(filtering, columnsBefore(line, "none"), "the filtering column moved: " + line);
        }
    }

    /** The NAME column's cells (ASCII names only), a wrapped name's lines joined by a space; no server lines. */
    private static String nameColumn(String out) {
        String header = out.lines().findFirst().orElseThrow();
        int from = header.indexOf("NAME");
        int to = header.indexOf("FILTERING");
        return String.join(" ", out.lines().skip(1).filter(l -> l.length() > from && l.matches("\\S+ {2,}\\S.*| {5,}\\S.*"))
                .map(l -> l.substring(from, Math.min(to, l.length())).strip()).filter(c -> !c.isEmpty()).toList());
    }

    /** Terminal columns before {@code word}: an ideograph takes two, a combining mark none. */
    private static int columnsBefore(String line, String word) {
        return line.substring(0, line.indexOf(word)).codePoints().map(c -> Character.getType(c)
                == Character.NON_SPACING_MARK ? 0 : Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                ? 2 : 1).sum();
    }

    @Test
    void defaultConstructorWorksForTheRootCommand() {
        // reads the real user config; must not fail whatever is there
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ProvidersCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("--json"));
        assertTrue(out.toString().contains("\"quad9\""));
    }
}
