package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A model of one Windows machine's DNS client, loaded from the committed fixtures, that answers the read commands
 * in the same formats and applies the write commands (exact argument lists, fixed scripts + P853_ARGS) to itself.
 * Anything it does not recognise fails, so an unexpected command makes a test fail.
 */
final class FakeWindows implements CommandRunner, WindowsRegistry, DnsProbe {
    static final String BASE = "/org/port853/platform/windows/";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Adapter(String name, int index, String guid, String status, String description) {
    }

    record Doh(String template, boolean autoUpgrade, boolean udpFallback) {
    }

    record Dot(String host, boolean autoUpgrade, boolean udpFallback) {
    }

    record Rule(String name, List<String> namespace, List<String> servers, String comment) {
    }

    /** The language netsh speaks: German or English labels, and its words for yes and no. */
    record Language(boolean german, String yes, String no) {
        static final Language ENGLISH = new Language(false, "yes", "no");
        static final Language GERMAN = new Language(true, "ja", "nein");
        /** German labels, "nein" for no, and for yes the made-up "jaa", a word in none of Port853's lists. */
        static final Language MADE_UP = new Language(true, "jaa", "nein");

        static Language of(String fixture) {
            return fixture.endsWith("-de") ? GERMAN : fixture.endsWith("-xx") ? MADE_UP : ENGLISH;
        }

        /** What the machine means by a yes/no netsh printed in this language. */
        boolean meant(YesNo printed) {
            if (printed.recognised()) {
                return printed.value();
            }
            if (printed.word().equals(yes) || printed.word().equals(no)) {
                return printed.word().equals(yes);
            }
            throw new IllegalArgumentException("not a word of this language: " + printed.word());
        }

        String word(boolean b) {
            return b ? yes : no;
        }
    }

    final List<Adapter> adapters = new ArrayList<>();
    /** What DHCP / router advertisements offer per "guid:ipv4|ipv6" (lower-case guid). */
    final Map<String, List<String>> offered = new TreeMap<>();
    /**
     * Adapters (lower-case GUID) whose IPv6 binding is off: no IPv6 interface, so Get-DnsClientServerAddress has no
     * AddressFamily 23 row for them, and netsh's IPv6 commands do not find them.
     */
    final java.util.Set<String> ipv6Unbound = new java.util.TreeSet<>();
    final Map<String, Doh> doh = new LinkedHashMap<>();
    final Map<String, Dot> dot = new LinkedHashMap<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<String, Map<String, String>> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Get-NetRoute's default routes, as recorded (nothing Port853 does changes them). */
    final String defaultRoutes;
    boolean dotAvailable;
    boolean dotEnabled;
    /** The language netsh prints in (a test may switch it, as a user switches the display language). */
    Language language;
    final List<Command> log = new ArrayList<>();
    int cacheClears;
    boolean resolves = true;
    /** Commands matching this fail with exit 1 (failure injection). */
    Predicate<Command> failing = c -> false;

    private FakeWindows(String fixture) {
        language = Language.of(fixture);
        defaultRoutes = text(fixture, "get-netroute.json");
        try {
            for (JsonNode n : array(text(fixture, "get-netadapter.json"))) {
                adapters.add(new Adapter(n.get("Name").asText(), n.get("InterfaceIndex").asInt(),
                        n.get("InterfaceGuid").asText(), n.get("Status").asText(), n.get("InterfaceDescription").asText()));
            }
            JsonNode reg = JSON.readTree(text(fixture, "registry.json"));
            reg.fields().forEachRemaining(k -> {
                Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                k.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
                registry.put(k.getKey(), values);
            });
            for (JsonNode n : array(text(fixture, "get-dnsclientserveraddress.json"))) {
                int index = n.get("InterfaceIndex").asInt();
                boolean v6 = n.get("AddressFamily").asInt() == 23;
                Optional<Adapter> a = adapters.stream().filter(x -> x.index() == index).findFirst();
                if (a.isPresent() && staticServers(a.get().guid(), v6).isEmpty()) {
                    offered.put(key(a.get().guid(), v6), CmdletJson.strings(n.get("ServerAddresses")));
                } else if (a.isPresent()) {
                    offered.put(key(a.get().guid(), v6), List.of());
                }
            }
            for (Adapter a : adapters) {
                if (offered.keySet().stream().noneMatch(k -> k.equals(key(a.guid(), true)))) {
                    ipv6Unbound.add(a.guid().toLowerCase(Locale.ROOT));
                }
            }
            for (JsonNode n : array(text(fixture, "get-dnsclientdohserveraddress.json"))) {
                doh.put(n.get("ServerAddress").asText(), new Doh(n.get("DohTemplate").asText(),
                        n.get("AutoUpgrade").asBoolean(), n.get("AllowFallbackToUdp").asBoolean()));
            }
            for (JsonNode n : array(text(fixture, "get-dnsclientnrptrule.json"))) {
                rules.add(new Rule(n.get("Name").asText(), CmdletJson.strings(n.get("Namespace")),
                        CmdletJson.strings(n.get("NameServers")), n.path("Comment").asText(null)));
            }
            NetshText.GlobalDot g = NetshText.global(text(fixture, "netsh-show-global.txt"));
            dotAvailable = g.available();
            dotEnabled = language.meant(g.enabled());
            for (EncryptionEntry e : NetshText.dotEntries(text(fixture, "netsh-show-encryption.txt"))) {
                dot.put(e.server(), new Dot(e.dotHost(), language.meant(e.autoUpgrade()), language.meant(e.udpFallback())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeWindows load(String fixture) {
        return new FakeWindows(fixture);
    }

    static String text(String fixture, String file) {
        try (InputStream in = FakeWindows.class.getResourceAsStream(BASE + fixture + "/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture + "/" + file);
            }
            return CommandRunner.withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WindowsSystem system(Path stateDir) {
        return new WindowsSystem(this, this, this, null, stateDir);
    }

    /** Everything a read can see, rendered: two equal snapshots mean two identical machines. */
    String everything() {
        try {
            return render(PowerShell.READ_ADAPTERS) + render(PowerShell.READ_SERVERS) + render(PowerShell.READ_DOH)
                    + render(PowerShell.READ_NRPT).replaceAll("\"Name\":\"[^\"]*\"", "\"Name\":\"*\"")
                    + render(PowerShell.NETSH_GLOBAL) + render(PowerShell.NETSH_ENCRYPTION) + registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commands that change the DNS client (not reads, not the journal folder's ACL). */
    List<Command> writes() {
        return log.stream().filter(c -> !isRead(c) && !c.argv().get(0).equals("icacls")).toList();
    }

    static boolean isRead(Command c) {
        String s = PowerShell.scriptOf(c);
        return s != null && (s.equals(PowerShell.READ_ADAPTERS) || s.equals(PowerShell.READ_SERVERS)
                || s.equals(PowerShell.READ_DOH) || s.equals(PowerShell.READ_NRPT) || s.equals(PowerShell.NETSH_GLOBAL)
                || s.equals(PowerShell.NETSH_ENCRYPTION) || s.equals(PowerShell.READ_DEFAULT_ROUTES));
    }

    // ---- CommandRunner

    @Override
    public Output run(Command c) throws IOException {
        log.add(c);
        if (failing.test(c)) {
            return new Output(1, "", "injected failure");
        }
        String script = PowerShell.scriptOf(c);
        try {
            if (script != null) {
                return new Output(0, powershell(script, c.env().get(PowerShell.ARGS_VARIABLE)), "");
            }
            netsh(c.argv());
            return new Output(0, "Ok.\n", "");
        } catch (IllegalStateException e) {
            return new Output(1, "", e.getMessage());
        }
    }

    private String powershell(String script, String args) throws IOException {
        JsonNode a = args == null ? null : JSON.readTree(args);
        if (script.equals(PowerShell.ADD_DOH) || script.equals(PowerShell.SET_DOH)) {
            String server = a.get("server").asText();
            if (script.equals(PowerShell.ADD_DOH) == doh.containsKey(server)) {
                throw new IllegalStateException(script.equals(PowerShell.ADD_DOH) ? "already exists" : "not found");
            }
            doh.put(server, new Doh(a.get("template").asText(), a.get("autoUpgrade").asBoolean(),
                    a.get("udpFallback").asBoolean()));
            return "";
        }
        if (script.equals(PowerShell.REMOVE_DOH)) {
            if (doh.remove(a.get("server").asText()) == null) {
                throw new IllegalStateException("not found");
            }
            return "";
        }
        if (script.equals(PowerShell.REMOVE_NRPT)) {
            rules.removeIf(r -> r.comment() != null && r.comment().startsWith("Port853:"));
            return "";
        }
        if (script.equals(PowerShell.ADD_NRPT)) {
            rules.add(new Rule("{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}",
                    CmdletJson.strings(a.get("namespace")), CmdletJson.strings(a.get("nameServers")),
                    a.get("comment").asText()));
            return "";
        }
        if (script.equals(PowerShell.SET_NAME_SERVER)) {
            Map<String, String> values = registry.get((a.get("ipv6").asBoolean() ? RegistryPaths.TCPIP6_INTERFACES
                    : RegistryPaths.TCPIP_INTERFACES) + a.get("guid").asText());
            if (values == null) {
                throw new IllegalStateException("Windows keeps no settings for the adapter " + a.get("guid").asText());
            }
            values.put("NameServer", a.get("nameServer").asText());
            return "";
        }
        if (script.equals(PowerShell.CLEAR_CACHE)) {
            cacheClears++;
            return "";
        }
        return render(script);
    }

    String render(String script) throws IOException {
        if (script.equals(PowerShell.READ_DEFAULT_ROUTES)) {
            return defaultRoutes;
        }
        if (script.equals(PowerShell.READ_ADAPTERS)) {
            ArrayNode out = JSON.createArrayNode();
            for (Adapter a : adapters) {
                out.addObject().put("Name", a.name()).put("InterfaceIndex", a.index()).put("InterfaceGuid", a.guid())
                        .put("Status", a.status()).put("InterfaceDescription", a.description());
            }
            return out.toString();
        }
        if (script.equals(PowerShell.READ_SERVERS)) {
            ArrayNode out = JSON.createArrayNode();
            for (Adapter a : adapters) {
                for (boolean v6 : new boolean[] {false, true}) {
                    if (v6 && ipv6Unbound.contains(a.guid().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    ObjectNode o = out.addObject().put("InterfaceAlias", a.name()).put("InterfaceIndex", a.index())
                            .put("AddressFamily", v6 ? 23 : 2);
                    List<String> st = staticServers(a.guid(), v6);
                    ArrayNode s = o.putArray("ServerAddresses");
                    (st.isEmpty() ? offered.getOrDefault(key(a.guid(), v6), List.of()) : st).forEach(s::add);
                }
            }
            return out.toString();
        }
        if (script.equals(PowerShell.READ_DOH)) {
            ArrayNode out = JSON.createArrayNode();
            doh.forEach((k, v) -> out.addObject().put("ServerAddress", k).put("DohTemplate", v.template())
                    .put("AllowFallbackToUdp", v.udpFallback()).put("AutoUpgrade", v.autoUpgrade()));
            return out.toString();
        }
        if (script.equals(PowerShell.READ_NRPT)) {
            ArrayNode out = JSON.createArrayNode();
            for (Rule r : rules) {
                ObjectNode o = out.addObject().put("Name", r.name());
                r.namespace().forEach(o.putArray("Namespace")::add);
                r.servers().forEach(o.putArray("NameServers")::add);
                o.put("Comment", r.comment());
            }
            return out.toString();
        }
        if (script.equals(PowerShell.NETSH_GLOBAL)) {
            StringBuilder b = new StringBuilder("\n").append(language.german() ? "Globale DNS-Einstellungen" : "Global DNS Settings")
                    .append("\n").append("-".repeat(70)).append("\n");
            b.append(label("DDR")).append(yesNo(false)).append("\n").append(label("DoH")).append(yesNo(true)).append("\n");
            if (dotAvailable) {
                b.append(label("DoT")).append(yesNo(dotEnabled)).append("\n");
            }
            return b.append("\n").toString();
        }
        if (script.equals(PowerShell.NETSH_ENCRYPTION)) {
            if (!dotAvailable) {
                return "";
            }
            StringBuilder b = new StringBuilder("\n");
            for (var e : dot.entrySet()) {
                b.append(language.german() ? "Verschlüsselungseinstellungen für " : "Encryption settings for ").append(e.getKey())
                        .append("\n").append("-".repeat(70)).append("\n");
                Doh d = doh.get(e.getKey());
                if (d != null) {
                    b.append(label(language.german() ? "DNS-über-HTTPS-Vorlage" : "DNS-over-HTTPS template")).append(d.template())
                            .append("\n");
                }
                b.append(label(language.german() ? "DNS-über-TLS-Host" : "DNS-over-TLS host")).append(e.getValue().host()).append("\n");
                b.append(label(language.german() ? "Automatisches Upgrade" : "Auto-upgrade")).append(yesNo(e.getValue().autoUpgrade()))
                        .append("\n");
                b.append(label(language.german() ? "UDP-Fallback" : "UDP-fallback")).append(yesNo(e.getValue().udpFallback()))
                        .append("\n\n");
            }
            return b.toString();
        }
        throw new IllegalStateException("unknown script: " + script);
    }

    private static String label(String l) {
        return l + " ".repeat(Math.max(1, 38 - l.length())) + ": ";
    }

    private String yesNo(boolean b) {
        return language.word(b);
    }

    private void netsh(List<String> argv) {
        if (argv.get(0).equals("icacls")) {
            return;
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String s : argv) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                kv.put(s.substring(0, eq), s.substring(eq + 1));
            }
        }
        String verbs = String.join(" ", argv.stream().filter(s -> s.indexOf('=') < 0).toList());
        switch (verbs) {
            case "netsh dnsclient add encryption":
            case "netsh dnsclient set encryption": {
                requireDot();
                String server = kv.get("server");
                if (verbs.contains(" add ") == dot.containsKey(server)) {
                    throw new IllegalStateException(verbs.contains(" add ") ? "already exists" : "not found");
                }
                dot.put(server, new Dot(kv.get("dothost"), kv.get("autoupgrade").equals("yes"),
                        kv.get("udpfallback").equals("yes")));
                return;
            }
            case "netsh dnsclient delete encryption":
                requireDot();
                if (!"dot".equals(kv.get("protocol")) || dot.remove(kv.get("server")) == null) {
                    throw new IllegalStateException("not found");
                }
                return;
            case "netsh dnsclient set global":
                requireDot();
                dotEnabled = kv.get("dot").equals("yes");
                return;
            case "netsh interface ipv4 set dnsservers":
            case "netsh interface ipv6 set dnsservers": {
                Map<String, String> values = interfaceKey(kv.get("name"), verbs.contains("ipv6"));
                values.put("NameServer", kv.get("source").equals("dhcp") || kv.get("address").equals("none") ? ""
                        : kv.get("address"));
                return;
            }
            case "netsh interface ipv4 add dnsservers":
            case "netsh interface ipv6 add dnsservers": {
                Map<String, String> values = interfaceKey(kv.get("name"), verbs.contains("ipv6"));
                List<String> now = new ArrayList<>(WindowsStateReader.split(values.getOrDefault("NameServer", "")));
                now.add(Integer.parseInt(kv.get("index")) - 1, kv.get("address"));
                values.put("NameServer", String.join(",", now));
                return;
            }
            default:
                throw new IllegalStateException("unknown command: " + argv);
        }
    }

    private void requireDot() {
        if (!dotAvailable) {
            throw new IllegalStateException("The following command was not found");
        }
    }

    private Map<String, String> interfaceKey(String index, boolean v6) {
        Adapter a = adapters.stream().filter(x -> String.valueOf(x.index()).equals(index)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The interface " + index + " was not found"));
        if (v6 && ipv6Unbound.contains(a.guid().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("Element not found.");
        }
        return registry.computeIfAbsent((v6 ? RegistryPaths.TCPIP6_INTERFACES : RegistryPaths.TCPIP_INTERFACES)
                + a.guid().toLowerCase(Locale.ROOT), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }

    private List<String> staticServers(String guid, boolean v6) {
        Map<String, String> v = registry.get((v6 ? RegistryPaths.TCPIP6_INTERFACES : RegistryPaths.TCPIP_INTERFACES)
                + guid.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : WindowsStateReader.split(v.getOrDefault("NameServer", ""));
    }

    private static String key(String guid, boolean v6) {
        return guid.toLowerCase(Locale.ROOT) + (v6 ? ":ipv6" : ":ipv4");
    }

    private static List<JsonNode> array(String json) throws IOException {
        JsonNode n = JSON.readTree(json);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    // ---- WindowsRegistry

    @Override
    public boolean keyExists(String key) {
        return registry.containsKey(key);
    }

    @Override
    public Optional<String> value(String key, String name) {
        Map<String, String> v = registry.get(key);
        return v == null ? Optional.empty() : Optional.ofNullable(v.get(name));
    }

    // ---- DnsProbe

    @Override
    public Answer query(String name, Duration timeout) {
        return resolves ? new Answer(true, "answered") : new Answer(false, "DnsQueryEx status 1460 (timeout)");
    }
}
