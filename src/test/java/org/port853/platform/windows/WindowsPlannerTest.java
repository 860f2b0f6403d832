package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ProviderCatalog;

class WindowsPlannerTest {
    static final ProviderCatalog CATALOG = ProviderCatalog.bundled();

    static DesiredSettings quad9(DotMode mode) {
        return new DesiredSettings(CATALOG.find("quad9").orElseThrow().servers(), mode, DnssecMode.NO, true, List.of());
    }

    static WindowsPlanner.Result plan(FakeWindows w, DesiredSettings s) throws IOException {
        return new WindowsPlanner(CATALOG).plan(s, WindowsStateReaderTest.read(w));
    }

    @Test
    @DisplayName("no DoT on the build: DoH entries with the catalogue's template, no fallback, one NRPT rule, Up adapters")
    void dohStrict() throws IOException {
        WindowsPlanner.Result r = plan(FakeWindows.load("home-22631"), quad9(DotMode.STRICT));
        assertNull(r.refusal());
        assertEquals(EncryptionEntry.Protocol.DOH, r.protocol());
        assertEquals(List.of(
                WindowsItems.of("win:doh:9.9.9.9", "{\"autoUpgrade\":true,\"server\":\"9.9.9.9\",\"template\":"
                        + "\"https://dns.quad9.net/dns-query\",\"udpFallback\":false}"),
                WindowsItems.of("win:doh:149.112.112.112", "{\"autoUpgrade\":true,\"server\":\"149.112.112.112\","
                        + "\"template\":\"https://dns.quad9.net/dns-query\",\"udpFallback\":false}"),
                WindowsItems.of("win:doh:2620:fe::fe", "{\"autoUpgrade\":true,\"server\":\"2620:fe::fe\",\"template\":"
                        + "\"https://dns.quad9.net/dns-query\",\"udpFallback\":false}"),
                WindowsItems.of("win:doh:2620:fe::9", "{\"autoUpgrade\":true,\"server\":\"2620:fe::9\",\"template\":"
                        + "\"https://dns.quad9.net/dns-query\",\"udpFallback\":false}"),
                WindowsItems.of("win:nrpt:port853", "{\"comment\":\"" + NrptRule.COMMENT + "\",\"nameServers\":"
                        + "[\"9.9.9.9\",\"149.112.112.112\",\"2620:fe::fe\",\"2620:fe::9\"],\"namespace\":[\".\"]}"),
                wifi("win:adapter:{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv4",
                        "{\"servers\":[\"9.9.9.9\",\"149.112.112.112\"],\"source\":\"static\"}"),
                wifi("win:adapter:{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv6",
                        "{\"servers\":[\"2620:fe::fe\",\"2620:fe::9\"],\"source\":\"static\"}")), r.items());
    }

    /** An adapter item of the Wi-Fi, which carries its friendly name for messages. */
    private static ItemSnapshot wifi(String key, String content) {
        return new ItemSnapshot(key, true, content, Map.of(ItemSnapshots.LABEL, "Wi-Fi"));
    }

    @Test
    @DisplayName("what Windows cannot take is refused on every build, as the PowerShell export refuses it: one address "
            + "twice (Windows keys servers by address; a port or another name does not tell them apart), fallback servers")
    void sameAddressTwiceAndFallbackAreRefused() throws IOException {
        org.port853.core.ServerAddress a = org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net");
        org.port853.core.ServerAddress b = org.port853.core.ServerAddress.parse("9.9.9.9:8853#dns.quad9.net");
        DesiredSettings twice = new DesiredSettings(List.of(a, b), DotMode.OPPORTUNISTIC, DnssecMode.NO, true, List.of());
        DesiredSettings withFallback = new DesiredSettings(List.of(a), DotMode.STRICT, DnssecMode.NO, true,
                List.of(org.port853.core.ServerAddress.parse("149.112.112.112#dns.quad9.net")));
        for (String machine : List.of("home-22631", "dot-26100")) {
            WindowsPlanner.Result r = plan(FakeWindows.load(machine), twice);
            assertEquals("the address 9.9.9.9 is listed twice: Windows keeps one setting per server address, whatever "
                    + "the port or name", r.refusal(), machine);
            assertEquals("refused.windows-same-address", r.refusalSaid().words().wording());
            WindowsPlanner.Result f = plan(FakeWindows.load(machine), withFallback);
            assertEquals("refused.windows-fallback", f.refusalSaid().words().wording(), machine);
        }
        assertEquals("the address 9.9.9.9 is listed twice: Windows keeps one setting per server address, whatever the "
                        + "port or name", org.junit.jupiter.api.Assertions.assertThrows(
                org.port853.core.InvalidInputException.class, () -> PowerShellExport.data(twice, CATALOG)).getMessage());
    }

    @Test
    @DisplayName("DoT on the build: DoT entries name:853, the global switch on; opportunistic allows fallback")
    void dotOpportunistic() throws IOException {
        WindowsPlanner.Result r = plan(FakeWindows.load("dot-26100"), quad9(DotMode.OPPORTUNISTIC));
        assertEquals(EncryptionEntry.Protocol.DOT, r.protocol());
        assertEquals(WindowsItems.of("win:dot:9.9.9.9", "{\"autoUpgrade\":true,\"host\":\"dns.quad9.net:853\","
                + "\"server\":\"9.9.9.9\",\"udpFallback\":true}"), r.items().get(0));
        assertTrue(r.items().contains(WindowsItems.of("win:global:dot", "{\"dot\":true}")));
    }

    @Test
    @DisplayName("DoT blocked by policy on a DoT build: DoH is used")
    void dotBlocked() throws IOException {
        FakeWindows w = FakeWindows.load("dot-26100");
        w.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DotPolicySetting", "1");
        assertEquals(EncryptionEntry.Protocol.DOH, plan(w, quad9(DotMode.STRICT)).protocol());
    }

    @Test
    @DisplayName("refusals: policy prohibits, Group Policy NRPT key, Windows 10, DoH blocked without DoT, no template, off")
    void refusals() throws IOException {
        FakeWindows prohibited = FakeWindows.load("home-22631");
        prohibited.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DoHPolicy", "1");
        assertTrue(plan(prohibited, quad9(DotMode.STRICT)).refusal().startsWith("Group Policy prohibits encrypted DNS"));

        FakeWindows gpNrpt = FakeWindows.load("home-22631");
        gpNrpt.registry.put(RegistryPaths.GROUP_POLICY_NRPT, new TreeMap<>());
        assertTrue(plan(gpNrpt, quad9(DotMode.STRICT)).refusal().startsWith("a Group Policy NRPT key exists"));

        FakeWindows win10 = FakeWindows.load("home-22631");
        win10.registry.get(RegistryPaths.CURRENT_VERSION).put("CurrentBuild", "19045");
        assertTrue(plan(win10, quad9(DotMode.STRICT)).refusal().contains("has neither DNS-over-TLS nor DNS-over-HTTPS"));
        assertTrue(win10.log.stream().noneMatch(c -> PowerShell.READ_DOH.equals(PowerShell.scriptOf(c))),
                "Get-DnsClientDohServerAddress does not exist before build 22000");

        FakeWindows dohBlocked = FakeWindows.load("home-22631");
        dohBlocked.registry.get(RegistryPaths.DNS_CLIENT_POLICY).put("DohPolicySetting", "1");
        assertTrue(plan(dohBlocked, quad9(DotMode.STRICT)).refusal().startsWith("Group Policy blocks DNS-over-HTTPS"));

        DesiredSettings custom = new DesiredSettings(List.of(org.port853.core.ServerAddress.parse("198.18.53.2#dot.test")),
                DotMode.STRICT, DnssecMode.NO, true, List.of());
        assertTrue(plan(FakeWindows.load("home-22631"), custom).refusal().startsWith("no DNS-over-HTTPS template is known"));
        assertTrue(plan(FakeWindows.load("home-22631"), new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false,
                List.of())).refusal().contains("port853 revert"));
    }

    @Test
    @DisplayName("DNSSEC yes or allow-downgrade is refused (Windows does not validate); no or unset is planned")
    void dnssecValidationIsRefused() throws IOException {
        for (DnssecMode on : List.of(DnssecMode.YES, DnssecMode.ALLOW_DOWNGRADE)) {
            DesiredSettings s = new DesiredSettings(quad9(DotMode.STRICT).servers(), DotMode.STRICT, on, true, List.of());
            WindowsPlanner.Result r = plan(FakeWindows.load("home-22631"), s);
            assertEquals("the Windows DNS client does not validate DNSSEC itself, so DNSSEC " + on.resolvedValue()
                    + " cannot be set on Windows; choose DNSSEC no or leave it unset (your providers may validate for you)",
                    r.refusal());
            assertEquals(org.port853.core.Words.of("refused.windows-dnssec", on.resolvedValue()), r.refusalWords());
            assertTrue(r.items().isEmpty());
        }
        for (DnssecMode off : java.util.Arrays.asList(DnssecMode.NO, null)) {
            DesiredSettings s = new DesiredSettings(quad9(DotMode.STRICT).servers(), DotMode.STRICT, off, true, List.of());
            assertNull(plan(FakeWindows.load("home-22631"), s).refusal(), String.valueOf(off));
        }
    }

    @Test
    @DisplayName("a custom server is fine where DoT exists (no template needed)")
    void customServerWithDot() throws IOException {
        DesiredSettings custom = new DesiredSettings(List.of(org.port853.core.ServerAddress.parse("198.18.53.2#dot.test")),
                DotMode.STRICT, DnssecMode.NO, true, List.of());
        List<ItemSnapshot> items = plan(FakeWindows.load("dot-26100"), custom).items();
        assertEquals(Map.of(), items.get(0).attributes());
        assertEquals("{\"autoUpgrade\":true,\"host\":\"dot.test:853\",\"server\":\"198.18.53.2\",\"udpFallback\":false}",
                items.get(0).content());
    }

    @Test
    @DisplayName("DoH: a TLS name or port the template does not stand for is refused, not silently replaced")
    void dohKeepsTheNameAndPortOrRefuses() throws IOException {
        FakeWindows dohOnly = FakeWindows.load("home-22631");
        WindowsPlanner.Result name = plan(dohOnly, strict("9.9.9.9#evil.example"));
        assertTrue(name.refusal() != null && name.refusal().contains("https://dns.quad9.net/dns-query")
                && name.refusal().contains("write 9.9.9.9#dns.quad9.net"), String.valueOf(name.refusal()));
        assertEquals("refused.windows-doh-name", name.refusalWords().wording());
        WindowsPlanner.Result port = plan(dohOnly, strict("9.9.9.9:8853#dns.quad9.net"));
        assertTrue(port.refusal() != null && port.refusal().contains("port 8853 would be ignored"),
                String.valueOf(port.refusal()));
        assertNull(plan(dohOnly, strict("9.9.9.9:853#dns.quad9.net")).refusal());
        // where DoT exists, the name and port are what Windows uses
        assertNull(plan(FakeWindows.load("dot-26100"), strict("9.9.9.9:8853#evil.example")).refusal());
    }

    static DesiredSettings strict(String server) {
        return new DesiredSettings(List.of(org.port853.core.ServerAddress.parse(server)), DotMode.STRICT, DnssecMode.NO,
                true, List.of());
    }
}
