package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;

/**
 * systemd before 246 (Ubuntu 20.04 has 245; no such release runs in the rig), on recorded outputs: D-Bus has no
 * {@code *Ex} properties, servers have neither {@code :port} nor {@code #name}, strict mode is refused with the
 * reason, and the drop-in is written in the syntax that release parses.
 */
class Systemd245Test {
    private static final ResolvedFeatures V245 = new ResolvedFeatures(245);

    static String fixture(String name) throws IOException {
        try (InputStream in = Systemd245Test.class.getResourceAsStream("systemd245/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void resolvectlStatusOf245IsRead() throws IOException {
        ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(fixture("resolvectl-status.txt"));
        assertEquals(List.of("9.9.9.9", "149.112.112.112"), p.global().servers().stream()
                .map(ServerAddress::toResolvedSyntax).toList());
        assertEquals(DotMode.OPPORTUNISTIC, p.global().dnsOverTls());
        assertEquals(DnssecMode.NO, p.global().dnssec());
        assertEquals("9.9.9.9", p.global().currentServer().toResolvedSyntax());
        var link = p.links().get(0);
        assertEquals("enp0s3", link.name());
        assertEquals(DotMode.OFF, link.dnsOverTls());
        assertTrue(link.defaultRoute());
        assertEquals(List.of(new DomainEntry(".", true), new DomainEntry("lan", false)), link.domains());
        assertEquals("10.0.2.3", link.servers().get(0).toResolvedSyntax());
    }

    @Test
    void dbusOf245WithoutExPropertiesIsRead() throws IOException {
        Map<String, Variant<?>> manager = new HashMap<>();
        Map<String, Variant<?>> link = new HashMap<>();
        for (String line : fixture("busctl-properties.txt").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ", 4);
            (f[0].equals("manager") ? manager : link).put(f[1], new Variant<>(BusctlText.parse(f[2], f[3]), f[2]));
        }
        List<ServerAddress> global = BusValues.servers(BusValues.exOrPlain(manager, "DNS"), true, true);
        assertEquals(List.of("9.9.9.9", "149.112.112.112"), global.stream().map(ServerAddress::toResolvedSyntax).toList());
        assertTrue(global.stream().allMatch(s -> s.tlsName() == null && s.port() == 0), "no #name, no :port");
        assertEquals("9.9.9.9", BusValues.server(BusValues.exOrPlain(manager, "CurrentDNSServer"), true).toResolvedSyntax());
        assertEquals(2, BusValues.servers(BusValues.exOrPlain(manager, "FallbackDNS"), true, true).size());
        assertEquals("10.0.2.3", BusValues.servers(BusValues.exOrPlain(link, "DNS"), false, false).get(0).toResolvedSyntax());
        assertEquals("10.0.2.3", BusValues.server(BusValues.exOrPlain(link, "CurrentDNSServer"), false).toResolvedSyntax());
        assertEquals(List.of(new DomainEntry(".", true), new DomainEntry("lan", false)),
                BusValues.domains(BusValues.value(link, "Domains"), false, false));
    }

    @Test
    void strictIsRefusedWithTheReasonAndOpportunisticIsWrittenWithoutNameOrPort() {
        ResolvedPlanner planner = new ResolvedPlanner(LinuxPaths.under(java.nio.file.Path.of("/nonexistent")));
        DesiredSettings strict = settings(DotMode.STRICT, "9.9.9.9#dns.quad9.net");
        Optional<String> refused = planner.refusal(strict, 245, List.of());
        assertTrue(refused.isPresent());
        assertTrue(refused.get().contains("strict mode needs systemd 246 or later to check the server's certificate "
                + "name; this system has 245"), refused.get());

        DesiredSettings opportunistic = settings(DotMode.OPPORTUNISTIC, "9.9.9.9#dns.quad9.net",
                "[2620:fe::fe]#dns.quad9.net");
        assertFalse(planner.refusal(opportunistic, 245, List.of()).isPresent());
        String dropIn = DropInRenderer.render(opportunistic, V245);
        assertTrue(dropIn.contains("\nDNS=9.9.9.9 2620:fe::fe\n"), dropIn);
        assertFalse(dropIn.contains("#"  + "dns.quad9.net"), dropIn);
        assertTrue(DropInRenderer.render(opportunistic, new ResolvedFeatures(246))
                .contains("DNS=9.9.9.9#dns.quad9.net 2620:fe::fe#dns.quad9.net"));

        DesiredSettings port = settings(DotMode.OPPORTUNISTIC, "9.9.9.9:8853");
        assertTrue(planner.refusal(port, 245, List.of()).orElseThrow().contains("cannot use a server port"));
    }

    private static DesiredSettings settings(DotMode mode, String... servers) {
        return new DesiredSettings(java.util.Arrays.stream(servers).map(ServerAddress::parse).toList(), mode,
                DnssecMode.NO, true, List.of());
    }

    @Test
    void versionRules() {
        assertFalse(V245.serverNames());
        assertFalse(V245.transportFlags());
        assertEquals(0, V245.probeRequestFlags(), "245 refuses the request flags of 248");
        assertEquals("restart", V245.reloadVerb());
        assertFalse(new ResolvedFeatures(247).transportFlags());
        assertTrue(new ResolvedFeatures(248).transportFlags());
        assertEquals("restart", new ResolvedFeatures(255).reloadVerb());
        assertEquals("reload-or-restart", new ResolvedFeatures(256).reloadVerb());
        java.time.Instant started = java.time.Instant.ofEpochSecond(1765000000);
        assertNull(JournalFallback.standing("1765000001.000000 vm systemd-resolved[7]: Starting Network Name "
                + "Resolution...\n", started));
        assertEquals("resolved's journal says: Using degraded feature set UDP instead of TLS+EDNS0 for DNS server "
                + "198.18.53.4.", JournalFallback.standing("1765000001.000000 vm systemd-resolved[7]: Positive Trust "
                + "Anchors:\n1765000002.000000 vm systemd-resolved[7]: Using degraded feature set UDP instead of "
                + "TLS+EDNS0 for DNS server 198.18.53.4.\n", started).english());
    }

    /** busctl's text form of a value ("a(iiay) 2 0 2 4 9 9 9 9 ...") as dbus-java hands it over. */
    static final class BusctlText {
        private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
        private final List<String> tokens = new ArrayList<>();
        private int at;

        static Object parse(String signature, String text) {
            BusctlText t = new BusctlText();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                t.tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            return t.value(signature);
        }

        private Object value(String sig) {
            switch (sig.charAt(0)) {
                case 'a': {
                    int n = Integer.parseInt(tokens.get(at++));
                    List<Object> out = new ArrayList<>();
                    String element = sig.substring(1);
                    for (int i = 0; i < n; i++) {
                        out.add(value(element));
                    }
                    return element.equals("y") ? out.stream().map(o -> (Byte) o).toList() : out;
                }
                case '(': {
                    List<Object> fields = new ArrayList<>();
                    String inner = sig.substring(1, sig.length() - 1);
                    for (int i = 0; i < inner.length(); ) {
                        int end = i + 1;
                        if (inner.charAt(i) == 'a') {
                            end = i + 2;
                        }
                        fields.add(value(inner.substring(i, end)));
                        i = end;
                    }
                    return fields.toArray();
                }
                case 'i': return Integer.parseInt(tokens.get(at++));
                case 'y': return (byte) Integer.parseInt(tokens.get(at++));
                case 'b': return Boolean.parseBoolean(tokens.get(at++));
                case 's': return tokens.get(at++);
                default: throw new IllegalArgumentException(sig);
            }
        }
    }
}
