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
        assertEquals(14, scripts.size(), "the fixed scripts in PowerShell");
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
        assertEquals(8, blocks.size(), "multi-line run blocks");
        blocks.add(Files.readString(Path.of(".github/scripts/windows-dns-snapshot.ps1")));
        var r = syntax(blocks.toArray(String[]::new));
        assertEquals(0, r.getKey(), r.getValue());
    }

    @Test
    @DisplayName("the workflow proves the rollback: a custom provider Port853 accepts, on TEST-NET-1, exported the "
            + "supported way; exit 2, 'rolled back' and the same settings text before and after")
    void workflowProvesTheRollback() throws Exception {
        String step = runBlocks(WORKFLOW).stream().filter(b -> b.contains("port853-unreachable.ps1")).findFirst()
                .orElseThrow();
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\\$providers = '([^']*)'").matcher(step);
        assertTrue(json.find(), step);
        ProviderCatalog catalog = WindowsPlannerTest.CATALOG.with(org.port853.core.ProviderJson.readList(
                new java.io.ByteArrayInputStream(json.group(1).getBytes(StandardCharsets.UTF_8)), true));
        List<ServerAddress> servers = catalog.find("unreachable").orElseThrow().servers();
        JsonNode doh = PowerShellExport.data(new DesiredSettings(servers, DotMode.STRICT, DnssecMode.NO, true, List.of()),
                catalog).get("doh");
        assertEquals(1, doh.size());
        assertEquals("192.0.2.1", doh.get(0).get("server").asText(), "TEST-NET-1: nothing answers, nothing is reached");
        assertEquals("https://unreachable.example/dns-query", doh.get(0).get("template").asText(),
                "a template names its server by host name (ProviderJson); Windows connects to the address");
        assertTrue(step.contains("Join-Path $config '" + org.port853.core.XdgDirs.APP + "\\"
                + CustomProviders.FILE_NAME + "'"), "where XdgDirs and CustomProviders look under XDG_CONFIG_HOME");
        inOrder(step, "$env:XDG_CONFIG_HOME = $config", "export --provider unreachable --mode strict --all-domains "
                + "--format powershell", "Remove-Item -Path Env:\\XDG_CONFIG_HOME", "windows-dns-snapshot.ps1",
                "-File port853-unreachable.ps1", "$code = $LASTEXITCODE", "windows-dns-snapshot.ps1",
                "if ($code -ne 2) { throw", "'Port853: rolled back: *'", "Compare-Object", "if ($null -ne $diff) {", "throw");
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
        return runByItsLogic(script, w, new ArrayList<>());
    }

    /** The same, adding to {@code undo}, before each change, what the script records to put it back. */
    static int runByItsLogic(String script, FakeWindows w, List<Runnable> undo) throws IOException {
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
                undo.add(restoreDoh(w, server, e));
                w.doh.put(server, new FakeWindows.Doh(s.get("template").asText(), true, fallback));
                changes++;
            }
        }
        List<String> rules = w.rules.stream().filter(r -> r.comment() != null && r.comment().startsWith("Port853:"))
                .map(r -> String.join(",", r.namespace()) + "|" + String.join(",", r.servers())).toList();
        if (!String.join(";", rules).equals(d.get("nrptWant").asText())) {
            undo.add(restoreNrpt(w));
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
                // as Test-Port853Ipv6Bound: Get-NetAdapterBinding's ms_tcpip6, which ipv6Unbound models
                if (want.isEmpty() || v6 && w.ipv6Unbound.contains(a.guid().toLowerCase(java.util.Locale.ROOT))) {
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
                    undo.add(restoreAdapter(w, a, v6));
                    setServers(w, a.index(), v6, list);
                    changes++;
                }
            }
        }
        return changes;
    }

    /** As the script's Set-Port853AdapterServers: one family, through netsh. */
    private static void setServers(FakeWindows w, int index, boolean v6, List<String> list) {
        netsh(w, "interface", v6 ? "ipv6" : "ipv4", "set", "dnsservers", "name=" + index, "source=static",
                "address=" + list.get(0), "validate=no");
        for (int i = 1; i < list.size(); i++) {
            netsh(w, "interface", v6 ? "ipv6" : "ipv4", "add", "dnsservers", "name=" + index, "address=" + list.get(i),
                    "index=" + (i + 1), "validate=no");
        }
    }

    private static void netsh(FakeWindows w, String... args) {
        List<String> argv = new ArrayList<>(List.of("netsh"));
        argv.addAll(List.of(args));
        try {
            w.runOk(new Command(argv, Map.of()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /*
     * What the script records before a change and how it puts it back, modelled on the fake machine; the test
     * rollbackRestoresTheMachine pins the script's texts that these follow.
     */

    private static Runnable restoreDoh(FakeWindows w, String server, FakeWindows.Doh before) {
        return () -> {
            if (before != null) {
                w.doh.put(server, before);
            } else {
                w.doh.remove(server);
            }
        };
    }

    private static Runnable restoreNrpt(FakeWindows w) {
        List<FakeWindows.Rule> removed = w.rules.stream().filter(r -> r.comment() != null
                && r.comment().toLowerCase(java.util.Locale.ROOT).startsWith("port853:")).toList();
        return () -> {
            w.rules.removeIf(r -> r.comment() != null && r.comment().toLowerCase(java.util.Locale.ROOT).startsWith("port853:"));
            removed.forEach(r -> w.rules.add(new FakeWindows.Rule("{restored}", r.namespace(), r.servers(), r.comment())));
        };
    }

    private static Runnable restoreAdapter(FakeWindows w, FakeWindows.Adapter a, boolean v6) {
        Map<String, String> key = w.registry.get((v6 ? RegistryPaths.TCPIP6_INTERFACES : RegistryPaths.TCPIP_INTERFACES)
                + a.guid());
        List<String> statics = key == null ? List.of() : WindowsStateReader.split(key.getOrDefault("NameServer", ""));
        return () -> {
            // as Get-Port853Reachable and Set-Port853KeptServers: netsh only where the adapter is listed (by GUID) and,
            // for IPv6, bound; else the NameServer value of the interface key, which must exist
            boolean listed = w.adapters.stream().anyMatch(x -> x.guid().equals(a.guid()));
            if (!listed || v6 && w.ipv6Unbound.contains(a.guid().toLowerCase(java.util.Locale.ROOT))) {
                if (key == null) {
                    throw new IllegalStateException("Windows keeps no settings for the adapter " + a.guid());
                }
                key.put("NameServer", String.join(",", statics));
            } else if (!statics.isEmpty()) {
                setServers(w, a.index(), v6, statics);
            } else {
                netsh(w, "interface", v6 ? "ipv6" : "ipv4", "set", "dnsservers", "name=" + a.index(), "source=dhcp");
            }
        };
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

    /** The script's steps: from its last {@code try {} to its {@code catch}, after the functions. */
    static String steps(String script) {
        int start = script.lastIndexOf("\ntry {\n");
        return script.substring(start, script.indexOf("\n} catch {\n", start));
    }

    /** What the script does when a step throws: its last {@code catch} block. */
    static String onFailure(String script) {
        return script.substring(script.lastIndexOf("\n} catch {\n"));
    }

    static String function(String script, String name) {
        int start = script.indexOf("\nfunction " + name + "(");
        if (start < 0) {
            start = script.indexOf("\nfunction " + name + " {");
        }
        assertTrue(start >= 0, name + " is defined");
        return script.substring(start, script.indexOf("\n}\n", start) + 2);
    }

    /** Each part stands in {@code text} after the one before it. */
    static void inOrder(String text, String... parts) {
        int at = -1;
        String before = "the start";
        for (String part : parts) {
            int i = text.indexOf(part, at + 1);
            assertTrue(i > at, "'" + part + "' must follow " + before + " in:\n" + text);
            at = i;
            before = "'" + part + "'";
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @DisplayName("every change is recorded before it is made and read back after it; the health check follows the last "
            + "change, only when something changed")
    void recordsBeforeEachChangeAndChecksAfterTheLast() {
        String s = steps(script(DotMode.STRICT, "quad9"));
        inOrder(s, "exit 1", "$e = Get-Port853DohEntry $s.server", "Save-Port853 (Get-Port853DohBefore $s.server $e)", "Set-Port853Doh $s.server",
                "Confirm-Port853 \"the encryption entry", "$changes++",
                "Save-Port853 (Get-Port853NrptBefore)", "Remove-Port853NrptRules", "Add-DnsClientNrptRule",
                "Confirm-Port853 'the NRPT rule'", "$changes++",
                "Save-Port853 (Get-Port853AdapterBefore $a $f.Family)", "Set-Port853AdapterServers",
                "Confirm-Port853 \"the static", "$changes++",
                "if ($changes -gt 0) {", "Assert-Port853Resolves $Desired.checkName", "}", "exit 0");
        assertTrue(s.lastIndexOf("exit 1") < s.indexOf("Save-Port853"), "refusals come before any change");
        for (String write : List.of("Set-Port853Doh", "Remove-Port853NrptRules", "Add-DnsClientNrptRule",
                "Set-Port853AdapterServers", "Set-DnsClientServerAddress", "Remove-DnsClient", "netsh")) {
            assertTrue(count(s, write) <= 1, write + " is written once, after its record");
        }
        assertEquals(3, count(s, "Save-Port853 ("), "one record for each kind of change");
        assertEquals(2, count(s, "Get-Port853DohEntry"), "each DoH entry read once before its change, once after");
        String script = script(DotMode.STRICT, "quad9");
        assertEquals(1, count(script, "Get-DnsClientDohServerAddress -ServerAddress"), "one function reads an entry");
        assertFalse(function(script, "Get-Port853DohBefore").contains("Get-DnsClient"), "the record is made from the entry read");

        String check = function(script(DotMode.STRICT, "quad9"), "Assert-Port853Resolves");
        inOrder(check, "for ($try = 1; $try -le 5; $try++) {", "Clear-DnsClientCache",
                "Resolve-DnsName -Name $name -Type A -DnsOnly -NoHostsFile -ErrorAction Stop", "return", "Start-Sleep",
                "}", "throw");
        assertEquals(WindowsResolverControl.CHECK_NAME, data(script(DotMode.STRICT, "quad9")).get("checkName").asText(),
                "the name the app's own health check resolves");
    }

    @Test
    @DisplayName("on failure every kind recorded is put back, newest first; a restore that fails is said and the others "
            + "still run; exit 2 rolled back, 3 incomplete")
    void rollsBackEveryRecordedKindNewestFirst() {
        String script = script(DotMode.STRICT, "quad9");
        inOrder(onFailure(script), "$reason = $_.Exception.Message", "if ($undo.Count -eq 0) {", "nothing was changed",
                "exit 2", "Undo-Port853", "if ($undoFailures -gt 0) {", "rollback incomplete", "exit 3",
                "Write-Output \"Port853: rolled back: $reason\"", "exit 2");
        String undo = function(script, "Undo-Port853");
        inOrder(undo, "for ($i = $undo.Count - 1; $i -ge 0; $i--) {", "try {", "switch ($r.Kind) {", "} catch {",
                "could not put back", "$script:undoFailures++", "Clear-DnsClientCache");
        assertFalse(undo.contains("throw"), "a failed restore does not stop the others");
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Kind = '(\\w+)'").matcher(script);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        assertEquals(java.util.Set.of("adapter", "doh", "nrpt"), kinds, "the kinds recorded");
        for (String kind : kinds) {
            String restore = "Restore-Port853" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            assertTrue(undo.contains("'" + kind + "' { " + restore + " $r }"), kind + " is put back");
            function(script, restore);
        }
        java.util.regex.Matcher exits = java.util.regex.Pattern.compile("\\bexit (\\d)").matcher(script);
        String header = script.substring(0, script.indexOf("$Desired = @'"));
        while (exits.find()) {
            assertTrue(header.contains("#   " + exits.group(1) + "  "), "exit " + exits.group(1) + " is documented");
        }
    }

    @Test
    @DisplayName("static and automatic servers are told apart as the app does: the registry's NameServer value")
    void staticServersAsTheAppReadsThem() {
        String script = script(DotMode.STRICT, "quad9");
        String read = function(script, "Get-Port853StaticServers") + function(script, "Get-Port853InterfaceKey");
        assertTrue(read.contains("'HKLM:\\" + RegistryPaths.TCPIP_INTERFACES + "'"), read);
        assertTrue(read.contains("'HKLM:\\" + RegistryPaths.TCPIP6_INTERFACES + "'"), read);
        assertTrue(read.contains("-Name 'NameServer'") && read.contains("-split '[,\\s]+'"), "as WindowsStateReader.split");
    }

    @Test
    @DisplayName("applied by its logic and rolled back by its records, the machine is as before: DoH entries set back "
            + "or removed, Port853's old rule back, static servers static again, automatic ones automatic")
    void rollbackRestoresTheMachine() throws IOException {
        String script = script(DotMode.STRICT, "quad9");
        assertTrue(script.contains("Set-Port853Doh $r.Server $r.Before.Template $r.Before.AutoUpgrade $r.Before.Fallback $exists"));
        assertTrue(script.contains("} elseif ($exists) {\n        Remove-DnsClientDohServerAddress -ServerAddress $r.Server"));
        assertTrue(script.contains("Remove-Port853NrptRules\n    foreach ($rule in $r.Before) {\n        Add-DnsClientNrptRule "
                + "-Namespace $rule.Namespace -NameServers $rule.NameServers -Comment $rule.Comment"));
        assertTrue(script.contains("if ($r.Static.Count -gt 0) {\n        Set-Port853AdapterServers $index $r.Family $r.Static\n"
                + "    } else {\n        Invoke-Port853Netsh @('interface', $r.Family.ToLower(), 'set', 'dnsservers', "
                + "\"name=$index\", 'source=dhcp')"));
        assertTrue(script.contains("'interface', $f, 'set', 'dnsservers', \"name=$index\", 'source=static', "
                + "\"address=$($servers[0])\", 'validate=no'"));

        FakeWindows w = FakeWindows.load("home-22631");
        // Ethernet up, with its static servers; and a Port853 rule from an earlier run, with other servers
        w.adapters.replaceAll(a -> a.name().equals("Ethernet")
                ? new FakeWindows.Adapter(a.name(), a.index(), a.guid(), "Up", a.description()) : a);
        w.rules.add(new FakeWindows.Rule("{old}", List.of("."), List.of("1.1.1.1"), "Port853: earlier"));
        String before = w.everything();
        List<Runnable> undo = new ArrayList<>();
        int changes = runByItsLogic(script, w, undo);
        assertEquals(9, changes, "4 entries, the rule, IPv4 and IPv6 of Wi-Fi and of Ethernet");
        assertEquals(changes, undo.size(), "one record a change");
        assertFalse(before.equals(w.everything()));
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        assertEquals(before, w.everything());
    }

    @Test
    @DisplayName("an adapter whose IPv6 binding is off gets no IPv6 servers: the script asks Get-NetAdapterBinding for "
            + "ms_tcpip6 on the machine it runs on, per adapter, before the IPv6 family is planned")
    void ipv6ServersOnlyWhereIpv6IsBound() throws IOException {
        String script = script(DotMode.STRICT, "quad9");
        String bound = function(script, "Test-Port853Ipv6Bound");
        inOrder(bound, "Get-NetAdapterBinding -ComponentID 'ms_tcpip6'", "$_.Name -eq $adapter.Name", "$_.Enabled");
        inOrder(steps(script), "foreach ($a in @(Get-NetAdapter", "Family = 'IPv4'", "if (Test-Port853Ipv6Bound $a) {",
                "Family = 'IPv6'", "}", "foreach ($f in $families) {", "Set-Port853AdapterServers");
        assertEquals(1, count(steps(script), "Family = 'IPv6'"), "IPv6 is planned only behind the binding check");

        // the Wi-Fi of ipv6-off-22631 has no IPv6 interface (netsh answers 'Element not found.'), the USB Ethernet has
        FakeWindows w = FakeWindows.load("ipv6-off-22631");
        List<Runnable> undo = new ArrayList<>();
        int changes = runByItsLogic(script, w, undo);
        JsonNode rows = new ObjectMapper().readTree(w.render(PowerShell.READ_SERVERS));
        List<String> families = new ArrayList<>();
        rows.forEach(r -> families.add(r.get("InterfaceAlias").asText() + "/" + r.get("AddressFamily").asInt() + "="
                + String.join(",", CmdletJson.strings(r.get("ServerAddresses")))));
        assertTrue(families.contains("Wi-Fi/2=9.9.9.9,149.112.112.112"), families.toString());
        assertTrue(families.stream().noneMatch(f -> f.startsWith("Wi-Fi/23")), families.toString());
        assertTrue(families.contains("Ethernet 2/23=2620:fe::fe,2620:fe::9"), families.toString());
        assertEquals(changes, undo.size());
        assertEquals(0, runByItsLogic(script, w), "the second run changes nothing");
    }

    @Test
    @DisplayName("a rollback puts an adapter's servers back into the settings Windows keeps for it where netsh cannot "
            + "reach it since the record (unplugged, or its IPv6 turned off): it said 'could not put back' and exited 3")
    void rollbackReachesAnAdapterNetshCannot() throws IOException {
        String script = script(DotMode.STRICT, "quad9");
        String restore = function(script, "Restore-Port853Adapter");
        inOrder(restore, "$adapter = Get-Port853Reachable $r", "if ($null -eq $adapter) {",
                "Set-Port853KeptServers $r.Guid $r.Family $r.Static", "return", "}",
                "$index = [int]$adapter.InterfaceIndex", "if ($r.Static.Count -gt 0) {",
                "Set-Port853AdapterServers $index $r.Family $r.Static", "\"name=$index\", 'source=dhcp'");
        // an adapter plugged in again may have another interface index than the one recorded before the change
        assertFalse(restore.contains("$r.Index"), restore);
        inOrder(function(script, "Get-Port853Reachable"), "@(Get-NetAdapter", "$_.InterfaceGuid -eq $r.Guid",
                "$a.Count -gt 0", "$r.Family -eq 'IPv4'", "Test-Port853Ipv6Bound $a[0]", "return $a[0]",
                "return $null");
        inOrder(function(script, "Set-Port853KeptServers"), "Get-Port853InterfaceKey $guid $family",
                "if (-not (Test-Path -LiteralPath $k)) { throw", "Set-ItemProperty -LiteralPath $k -Name 'NameServer' "
                        + "-Value ($servers -join ',') -Type String");
        assertTrue(function(script, "Get-Port853AdapterBefore").contains("Guid = [string]$adapter.InterfaceGuid"));
        assertTrue(function(script, "Get-Port853StaticServers").contains("Get-Port853InterfaceKey $guid $family"),
                "one function names the interface keys");

        for (String since : List.of("unplugged", "IPv6 off")) {
            FakeWindows w = FakeWindows.load("home-22631");
            String before = w.everything();
            List<Runnable> undo = new ArrayList<>();
            assertEquals(7, runByItsLogic(script, w, undo));
            FakeWindows.Adapter wifi = w.adapters.stream().filter(a -> a.name().equals("Wi-Fi")).findFirst().orElseThrow();
            String guid = wifi.guid().toLowerCase(java.util.Locale.ROOT);
            if (since.equals("unplugged")) {
                w.adapters.remove(wifi);
            } else {
                w.ipv6Unbound.add(guid);
            }
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            if (since.equals("unplugged")) {
                w.adapters.add(0, wifi);
            } else {
                w.ipv6Unbound.remove(guid);
            }
            assertEquals(before, w.everything(), since + ": back, the adapter has its servers as before the script");
        }
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
