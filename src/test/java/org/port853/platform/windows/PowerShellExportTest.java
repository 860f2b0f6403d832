package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.CustomProviders;
import org.port853.core.InvalidInputException;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;

class PowerShellExportTest {
    static final Path GRAMMAR = Path.of(System.getenv().getOrDefault("PORT853_TREE_SITTER_DIR",
            System.getProperty("user.home") + "/.cache/port853-tree-sitter"));

    @TempDir
    Path tmp;

    static String script(DotMode mode, String... providers) {
        List<ServerAddress> servers = new ArrayList<>();
        for (String p : providers) {
            servers.addAll(WindowsPlannerTest.CATALOG.find(p).orElseThrow().servers());
        }
        return PowerShellExport.script(new DesiredSettings(servers, mode, DnssecMode.NO, true, List.of()),
                WindowsPlannerTest.CATALOG);
    }

    /** Runs the real tree-sitter-powershell grammar over all texts in one node process; output and exit code. */
    private Map.Entry<Integer, String> syntax(String... texts) throws IOException, InterruptedException {
        assertTrue(Files.exists(GRAMMAR.resolve("node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm")),
                "the PowerShell grammar is not installed: run .ci/install-powershell-grammar");
        List<String> cmd = new ArrayList<>(List.of("node", "src/test/powershell/ps-syntax.cjs", GRAMMAR.toString()));
        for (String text : texts) {
            Path f = Files.createTempFile(tmp, "port853", ".ps1");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return Map.entry(p.exitValue(), out);
    }

    @Test
    @DisplayName("the generated scripts parse with the real PowerShell grammar; a broken one does not")
    void syntaxIsValid() throws Exception {
        var good = syntax(script(DotMode.STRICT, "quad9"), script(DotMode.OPPORTUNISTIC, "cloudflare", "quad9"));
        assertEquals(0, good.getKey(), good.getValue());
        var broken = syntax(script(DotMode.STRICT, "quad9").replace("if ($changes -gt 0) {", "if ($changes -gt 0"));
        assertEquals(1, broken.getKey(), "the checker must see a missing brace: " + broken.getValue());
    }

    @Test
    @DisplayName("every fixed script the adapter runs parses with the PowerShell grammar")
    void adapterScriptsParse() throws Exception {
        List<String> scripts = new ArrayList<>();
        for (java.lang.reflect.Field f : PowerShell.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())
                    && ((String) f.get(null)).startsWith("$ErrorActionPreference")) {
                scripts.add((String) f.get(null));
            }
        }
        assertEquals(13, scripts.size(), "the fixed scripts in PowerShell");
        var r = syntax(scripts.toArray(String[]::new));
        assertEquals(0, r.getKey(), r.getValue());
    }

    static final Path WORKFLOW = Path.of(".github/workflows/windows-adapter.yml");

    /** The {@code run: |} blocks of a workflow, without their indentation. */
    static List<String> runBlocks(Path workflow) throws IOException {
        List<String> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(workflow);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.strip().equals("run: |")) {
                continue;
            }
            int indent = l.indexOf("run:");
            StringBuilder b = new StringBuilder();
            for (i++; i < lines.size() && (lines.get(i).isBlank() || lines.get(i).indexOf(lines.get(i).strip()) > indent); i++) {
                b.append(lines.get(i).strip().isEmpty() ? "" : lines.get(i).substring(indent + 2)).append('\n');
            }
            i--;
            blocks.add(b.toString());
        }
        return blocks;
    }

    @Test
    @DisplayName("the Windows workflow records the adapter's own read scripts into the fixture files the tests read, "
            + "and its PowerShell parses")
    void workflowRecordsWhatTheTestsRead() throws Exception {
        String wf = Files.readString(WORKFLOW);
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put(PowerShell.READ_ADAPTERS, "get-netadapter.json");
        files.put(PowerShell.READ_SERVERS, "get-dnsclientserveraddress.json");
        files.put(PowerShell.READ_DOH, "get-dnsclientdohserveraddress.json");
        files.put(PowerShell.READ_NRPT, "get-dnsclientnrptrule.json");
        files.put(PowerShell.READ_DEFAULT_ROUTES, "get-netroute.json");
        files.put(PowerShell.NETSH_GLOBAL, "netsh-show-global.txt");
        files.put(PowerShell.NETSH_ENCRYPTION, "netsh-show-encryption.txt");
        String prelude = "[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ";
        for (var e : files.entrySet()) {
            String body = e.getKey().substring(e.getKey().indexOf(prelude) + prelude.length());
            assertTrue(wf.contains("Save '" + e.getValue() + "' { " + body + " }"), "the workflow records " + e.getValue()
                    + " with the adapter's script: " + body);
            assertTrue(FakeWindows.text("home-22631", e.getValue()) != null, e.getValue() + " is a fixture file");
        }
        assertTrue(wf.contains("'registry.json'"));
        List<String> blocks = runBlocks(WORKFLOW);
        assertEquals(7, blocks.size(), "multi-line run blocks");
        blocks.add(Files.readString(Path.of(".github/scripts/windows-dns-snapshot.ps1")));
        var r = syntax(blocks.toArray(String[]::new));
        assertEquals(0, r.getKey(), r.getValue());
    }

    @Test
    @DisplayName("the TLS name and port a server is asked for are kept by the template or refused, never dropped")
    void keepsTheTlsNameAndPortOrRefuses() {
        InvalidInputException name = assertThrows(InvalidInputException.class,
                () -> PowerShellExport.data(WindowsPlannerTest.strict("9.9.9.9#evil.example"), WindowsPlannerTest.CATALOG));
        assertEquals("9.9.9.9#evil.example cannot be used as given on Windows: it encrypts DNS with DNS-over-HTTPS to "
                + "https://dns.quad9.net/dns-query, which authenticates the server as dns.quad9.net, not as evil.example; "
                + "write 9.9.9.9#dns.quad9.net for that, or add a custom provider for 9.9.9.9 with the TLS name "
                + "evil.example and its own DoH template", name.getMessage());
        InvalidInputException port = assertThrows(InvalidInputException.class, () -> PowerShellExport.data(
                WindowsPlannerTest.strict("9.9.9.9:8853#dns.quad9.net"), WindowsPlannerTest.CATALOG));
        assertEquals("9.9.9.9:8853#dns.quad9.net cannot be used as given on Windows: it encrypts DNS with "
                + "DNS-over-HTTPS to https://dns.quad9.net/dns-query (port 443), so port 8853 would be ignored; leave out "
                + ":8853, or add a custom provider for 9.9.9.9 with a DoH template on that port", port.getMessage());

        for (String matching : List.of("9.9.9.9#dns.quad9.net", "9.9.9.9:853#dns.quad9.net")) {
            JsonNode doh = PowerShellExport.data(WindowsPlannerTest.strict(matching), WindowsPlannerTest.CATALOG).get("doh");
            assertEquals("https://dns.quad9.net/dns-query", doh.get(0).get("template").asText(), matching);
        }
        // a provider whose DoT name is not its DoH host: its own name is what the template stands for
        JsonNode clean = PowerShellExport.data(WindowsPlannerTest.strict("185.228.168.168#family-filter-dns.cleanbrowsing.org"),
                WindowsPlannerTest.CATALOG).get("doh");
        assertEquals("https://doh.cleanbrowsing.org/doh/family-filter/", clean.get(0).get("template").asText());
    }

    @Test
    @DisplayName("a custom provider gives its own template to a catalogue address asked for with its name")
    void customProviderTemplateForItsName() {
        ProviderCatalog withMine = WindowsPlannerTest.CATALOG.with(List.of(CustomProviders.validate("mine", "Mine",
                "9.9.9.9", "evil.example", "https://evil.example/dns-query")));
        assertEquals("https://evil.example/dns-query", PowerShellExport.data(WindowsPlannerTest.strict(
                "9.9.9.9#evil.example"), withMine).get("doh").get(0).get("template").asText());
        assertEquals("https://dns.quad9.net/dns-query", PowerShellExport.data(WindowsPlannerTest.strict(
                "9.9.9.9#dns.quad9.net"), withMine).get("doh").get(0).get("template").asText());
    }

    @Test
    @DisplayName("the settings are one line of JSON inside a single-quoted here-string: data, never code")
    void dataIsInert() {
        String s = script(DotMode.STRICT, "quad9");
        String data = data(s).toString();
        assertFalse(data.contains("\n"));
        assertFalse(data.contains("'@"));
        assertTrue(s.contains("$Desired = @'\n" + data + "\n'@ | ConvertFrom-Json"));
        assertThrows(InvalidInputException.class, () -> PowerShellExport.script(new DesiredSettings(
                List.of(ServerAddress.parse("198.18.53.2#dot.test")), DotMode.STRICT, DnssecMode.NO, true, List.of()),
                WindowsPlannerTest.CATALOG));
    }

    static JsonNode data(String script) {
        int start = script.indexOf("@'\n") + 3;
        try {
            return new ObjectMapper().readTree(script.substring(start, script.indexOf("\n'@", start)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Evaluates the script's decision logic against the fake machine: each step's "current" string is computed the
     * way the script's Get-Port853*State functions compute it (their exact text is asserted below, so the two cannot
     * drift apart), compared with the script's own "want" values, and the script's action applied when they differ.
     * Returns the number of changes, as the script prints it.
     */
    static int runByItsLogic(String script, FakeWindows w) throws IOException {
        assertTrue(script.contains("return \"$($e.DohTemplate)|$($e.AutoUpgrade)|$($e.AllowFallbackToUdp)\""));
        assertTrue(script.contains("(@($_.Namespace) -join ',') + '|' + (@($_.NameServers) -join ',')"));
        assertTrue(script.contains(".ServerAddresses) -join ',')"));
        JsonNode d = data(script);
        boolean fallback = d.get("fallback").asBoolean();
        int changes = 0;
        for (JsonNode s : d.get("doh")) {
            String server = s.get("server").asText();
            FakeWindows.Doh e = w.doh.get(server);
            String now = e == null ? "" : e.template() + "|" + cap(e.autoUpgrade()) + "|" + cap(e.udpFallback());
            if (!now.equals(s.get("want").asText())) {
                w.doh.put(server, new FakeWindows.Doh(s.get("template").asText(), true, fallback));
                changes++;
            }
        }
        List<String> rules = w.rules.stream().filter(r -> r.comment() != null && r.comment().startsWith("Port853:"))
                .map(r -> String.join(",", r.namespace()) + "|" + String.join(",", r.servers())).toList();
        if (!String.join(";", rules).equals(d.get("nrptWant").asText())) {
            w.rules.removeIf(r -> r.comment() != null && r.comment().startsWith("Port853:"));
            List<String> ns = new ArrayList<>();
            d.get("nameServers").forEach(x -> ns.add(x.asText()));
            w.rules.add(new FakeWindows.Rule("{new}", List.of("."), ns, d.get("comment").asText()));
            changes++;
        }
        JsonNode servers = new ObjectMapper().readTree(w.render(PowerShell.READ_SERVERS));
        for (FakeWindows.Adapter a : w.adapters) {
            if (!a.status().equals("Up")) {
                continue;
            }
            for (boolean v6 : new boolean[] {false, true}) {
                JsonNode want = d.get(v6 ? "ipv6" : "ipv4");
                if (want.isEmpty()) {
                    continue;
                }
                String now = "";
                for (JsonNode row : servers) {
                    if (row.get("InterfaceIndex").asInt() == a.index() && row.get("AddressFamily").asInt() == (v6 ? 23 : 2)) {
                        now = String.join(",", CmdletJson.strings(row.get("ServerAddresses")));
                    }
                }
                if (!now.equals(d.get(v6 ? "ipv6Want" : "ipv4Want").asText())) {
                    List<String> list = new ArrayList<>();
                    want.forEach(x -> list.add(x.asText()));
                    w.run(Command.of("netsh", "interface", v6 ? "ipv6" : "ipv4", "set", "dnsservers",
                            "name=" + a.index(), "source=static", "address=" + list.get(0), "validate=no"));
                    for (int i = 1; i < list.size(); i++) {
                        w.run(Command.of("netsh", "interface", v6 ? "ipv6" : "ipv4", "add", "dnsservers",
                                "name=" + a.index(), "address=" + list.get(i), "index=" + (i + 1), "validate=no"));
                    }
                    changes++;
                }
            }
        }
        return changes;
    }

    private static String cap(boolean b) {
        return b ? "True" : "False";
    }

    @Test
    @DisplayName("applying the script twice: the second run changes nothing, and the result is what the app assesses as strict")
    void idempotent() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        String s = script(DotMode.STRICT, "quad9");
        assertEquals(7, runByItsLogic(s, w), "4 entries (one new, three upgraded), the rule, IPv4 and IPv6 of Wi-Fi");
        String after = w.everything();
        assertEquals(0, runByItsLogic(s, w));
        assertEquals(after, w.everything());
        WindowsDetails d = WindowsStateReaderTest.read(w);
        assertEquals(org.port853.core.DotMode.STRICT, WindowsStates.of(d, null,
                org.port853.core.StateSource.WINDOWS).global().dnsOverTls());
    }

    @Test
    @DisplayName("the script's wants equal what the app itself writes (same entries, same rule)")
    void matchesTheApp() {
        JsonNode d = data(script(DotMode.STRICT, "quad9"));
        assertEquals(PowerShellExport.dohWant("https://dns.quad9.net/dns-query", false), d.get("doh").get(0)
                .get("want").asText());
        assertEquals(NrptRule.FLEET_COMMENT, d.get("comment").asText(), "says how to undo without Port853");
        assertTrue(new NrptRule("{x}", List.of("."), List.of(), d.get("comment").asText()).isPort853(), "the app still knows the rule");
        assertEquals(".|9.9.9.9,149.112.112.112,2620:fe::fe,2620:fe::9", d.get("nrptWant").asText());
    }
}
