package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Reason;
import org.port853.core.Severity;

class WindowsRulesTest {
    static List<Reason> assess(FakeWindows w) throws IOException {
        return new WindowsRules().assess(WindowsStateReaderTest.read(w));
    }

    static Reason find(List<Reason> rs, String code) {
        return rs.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing in " + rs));
    }

    @Test
    @DisplayName("home machine: plaintext router DNS, IPv6 from router advertisements, DoT not on this build")
    void home() throws IOException {
        List<Reason> rs = assess(FakeWindows.load("home-22631"));
        Reason plain = find(rs, "WIN_SERVER_UNENCRYPTED");
        assertEquals(Severity.UNENCRYPTED, plain.severity());
        assertTrue(plain.message().contains("192.168.1.1") && plain.message().contains("fd12:3456:789a::1"));
        assertTrue(plain.message().contains("10.0.0.53") == false, "a disconnected adapter is not used");
        assertEquals(Severity.WARNING, find(rs, "WIN_IPV6_AUTOMATIC").severity());
        assertEquals(Severity.INFO, find(rs, "WIN_DOT_UNAVAILABLE").severity());
    }

    @Test
    @DisplayName("a server with a zone index (fe80::1%12) stays in the adapter's servers as Windows shows it, as the "
            + "plaintext reason names it (the link view left it out)")
    void serverWithAZoneIndexIsShownOnItsAdapter() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.offered.put("{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv6", List.of("fe80::1%12"));
        WindowsDetails d = WindowsStateReaderTest.read(w);
        assertTrue(find(new WindowsRules().assess(d), "WIN_SERVER_UNENCRYPTED").message().contains("fe80::1%12"));
        org.port853.core.ResolverState s = WindowsStates.of(d, null, org.port853.core.StateSource.WINDOWS);
        assertTrue(s.links().stream().anyMatch(l -> l.servers().stream().anyMatch(a -> a.addressText().equals(
                "fe80::1%12"))), s.links().toString());
    }

    @Test
    @DisplayName("UDP fallback allowed = opportunistic warning")
    void opportunistic() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.offered.put("{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv4", List.of("9.9.9.9"));
        w.offered.put("{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv6", List.of());
        w.doh.put("9.9.9.9", new FakeWindows.Doh("https://dns.quad9.net/dns-query", true, true));
        List<Reason> rs = assess(w);
        assertEquals(Severity.WARNING, find(rs, "OPPORTUNISTIC").severity());
        assertTrue(rs.stream().noneMatch(r -> r.code().equals("WIN_SERVER_UNENCRYPTED")));
    }

    @Test
    @DisplayName("policies: prohibit, Group Policy NRPT overriding our rule, Windows 10")
    void policies() throws IOException {
        FakeWindows p = FakeWindows.load("home-22631");
        p.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DoHPolicy", "1");
        assertEquals(Severity.UNENCRYPTED, find(assess(p), "WIN_POLICY_PROHIBITS").severity());

        FakeWindows gp = FakeWindows.load("home-22631");
        gp.rules.add(new FakeWindows.Rule("{x}", List.of("."), List.of("9.9.9.9"), NrptRule.COMMENT));
        gp.registry.put(RegistryPaths.GROUP_POLICY_NRPT, new TreeMap<>());
        assertEquals(Severity.WARNING, find(assess(gp), "WIN_NRPT_GROUP_POLICY").severity());

        FakeWindows old = FakeWindows.load("home-22631");
        old.registry.get(RegistryPaths.CURRENT_VERSION).put("CurrentBuild", "19045");
        List<Reason> rs = assess(old);
        assertEquals(List.of("WIN_NO_ENCRYPTION_CLIENT"), rs.stream().map(Reason::code).toList());
    }

    @Test
    @DisplayName("an adapter server with only Windows' built-in entry (no auto-upgrade) is not encrypted: OFF, not "
            + "opportunistic")
    void builtInEntryIsNotEncryption() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.registry.get(RegistryPaths.TCPIP_INTERFACES + "{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}").put("NameServer", "1.1.1.1");
        w.registry.get(RegistryPaths.TCPIP6_INTERFACES + "{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}")
                .put("NameServer", "2606:4700:4700::1111");
        WindowsDetails d = WindowsStateReaderTest.read(w);
        var wifi = WindowsStates.of(d, null, org.port853.core.StateSource.WINDOWS).links().stream()
                .filter(l -> l.name().equals("Wi-Fi")).findFirst().orElseThrow();
        assertEquals(org.port853.core.DotMode.OFF, wifi.dnsOverTls());
        Reason r = find(new WindowsRules().assess(d), "WIN_NO_AUTO_UPGRADE");
        assertTrue(r.message().contains("1.1.1.1") && r.message().contains("Settings"), r.message());
    }

    @Test
    @DisplayName("our rule with auto-upgrade off: NRPT queries stay plaintext")
    void noAutoUpgrade() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.rules.add(new FakeWindows.Rule("{x}", List.of("."), List.of("9.9.9.9"), NrptRule.COMMENT));
        assertEquals(Severity.WARNING, find(assess(w), "WIN_NO_AUTO_UPGRADE").severity());
    }
}
