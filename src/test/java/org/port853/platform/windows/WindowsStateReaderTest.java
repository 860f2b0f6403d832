package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowsStateReaderTest {
    static WindowsDetails read(FakeWindows w) throws IOException {
        return new WindowsStateReader(w, w).read();
    }

    @Test
    @DisplayName("Windows 11 23H2 fixture: build, adapters with static/DHCP/RA sources, built-in DoH list, user rule")
    void home() throws IOException {
        WindowsDetails d = read(FakeWindows.load("home-22631"));
        assertEquals(22631, d.build());
        assertEquals("Professional", d.edition());
        assertEquals("23H2", d.displayVersion());
        assertTrue(d.dohAvailable());
        assertFalse(d.dotAvailable());
        assertEquals(2, d.adapters().size());
        AdapterDns wifi = d.adapters().get(0);
        assertEquals("Wi-Fi", wifi.alias());
        assertEquals(12, wifi.index());
        assertTrue(wifi.up());
        assertEquals(new AdapterDns.Servers(AdapterDns.Source.DHCP, List.of("192.168.1.1")), wifi.ipv4());
        assertEquals(new AdapterDns.Servers(AdapterDns.Source.AUTOMATIC, List.of("fd12:3456:789a::1")), wifi.ipv6());
        AdapterDns eth = d.adapters().get(1);
        assertFalse(eth.up());
        assertEquals(new AdapterDns.Servers(AdapterDns.Source.STATIC, List.of("10.0.0.53", "10.0.0.54")), eth.ipv4());
        assertEquals(12, d.encryption().size());
        EncryptionEntry quad9 = d.entry("9.9.9.9", EncryptionEntry.Protocol.DOH).orElseThrow();
        assertEquals("https://dns.quad9.net/dns-query", quad9.template());
        assertEquals(YesNo.NO, quad9.autoUpgrade());
        assertEquals(YesNo.NO, quad9.udpFallback());
        assertEquals(1, d.nrptRules().size());
        assertEquals(List.of(".corp.example"), d.nrptRules().get(0).namespaces());
        assertEquals(List.of("10.8.0.1"), d.nrptRules().get(0).nameServers());
        assertTrue(d.port853Rule().isEmpty());
        assertFalse(d.groupPolicyNrpt());
        assertEquals(null, d.dohPolicy());
    }

    @Test
    @DisplayName("DoT build: the English and the German netsh fixtures give the same DoT state")
    void dotEnglishAndGerman() throws IOException {
        WindowsDetails en = read(FakeWindows.load("dot-26100"));
        WindowsDetails de = read(FakeWindows.load("dot-26100-de"));
        assertTrue(en.dotAvailable());
        assertEquals(YesNo.NO, en.dotEnabled());
        EncryptionEntry v4 = en.entry("9.9.9.9", EncryptionEntry.Protocol.DOT).orElseThrow();
        assertEquals("dns.quad9.net:853", v4.dotHost());
        assertEquals(YesNo.NO, v4.autoUpgrade());
        assertEquals(YesNo.YES, en.entry("2620:fe::fe", EncryptionEntry.Protocol.DOT).orElseThrow().udpFallback());
        assertEquals(en, de);
    }

    @Test
    @DisplayName("the fake renders netsh exactly like the committed fixtures (so it is a faithful model)")
    void fakeRendersFixtures() throws IOException {
        for (String f : List.of("dot-26100", "dot-26100-de")) {
            FakeWindows w = FakeWindows.load(f);
            assertEquals(FakeWindows.text(f, "netsh-show-global.txt"), w.render(PowerShell.NETSH_GLOBAL), f);
            assertEquals(FakeWindows.text(f, "netsh-show-encryption.txt"), w.render(PowerShell.NETSH_ENCRYPTION), f);
        }
    }

    @Test
    @DisplayName("Group Policy values: DoHPolicy, DohPolicySetting, DotPolicySetting and the NRPT policy key")
    void policies() throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DoHPolicy", "1");
        w.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DotPolicySetting", "1");
        w.registry.put(RegistryPaths.GROUP_POLICY_NRPT, new java.util.TreeMap<>());
        WindowsDetails d = read(w);
        assertEquals(1, d.dohPolicy());
        assertTrue(d.encryptionProhibited());
        assertTrue(d.dotBlocked());
        assertFalse(d.dohBlocked());
        assertTrue(d.groupPolicyNrpt());
    }

    @Test
    @DisplayName("a failing cmdlet is an error with the cmdlet's name, not a half-read state")
    void failingCmdlet() {
        FakeWindows w = FakeWindows.load("home-22631");
        w.failing = c -> PowerShell.READ_DOH.equals(PowerShell.scriptOf(c));
        IOException e = assertThrows(IOException.class, () -> read(w));
        assertTrue(e.getMessage().startsWith("Get-DnsClientDohServerAddress failed"), e.getMessage());
    }

    @Test
    @DisplayName("the state maps onto the neutral model: adapters as links, Port853's rule as global servers")
    void neutralState() throws IOException {
        var s = WindowsStates.of(read(FakeWindows.load("home-22631")), null, org.port853.core.StateSource.WINDOWS);
        assertTrue(s.readable());
        assertEquals(2, s.links().size());
        assertEquals("Wi-Fi", s.links().get(0).name());
        assertEquals(org.port853.core.DotMode.OFF, s.global().dnsOverTls());
        assertTrue(s.platform() instanceof WindowsDetails);
    }
}
