package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureDevice;
import org.port853.capture.CaptureDevices;
import org.port853.capture.CaptureUnavailableException;

/** Which Npcap devices a capture on all interfaces opens, from recorded adapter, server and route tables. */
class NpcapDevicesTest {
    private static final String WIFI = "\\Device\\NPF_{4F0D8C3E-2B6A-4C1E-9A57-1D2E3F4A5B6C}";

    /** Answers the three read scripts from one fixture directory, as PowerShell would print them. */
    private static CommandRunner fixture(String dir) {
        Map<String, String> files = Map.of(PowerShell.READ_ADAPTERS, "get-netadapter.json",
                PowerShell.READ_SERVERS, "get-dnsclientserveraddress.json",
                PowerShell.READ_DEFAULT_ROUTES, "get-netroute.json");
        return c -> {
            String file = files.get(PowerShell.scriptOf(c));
            if (file == null) {
                throw new AssertionError("unexpected command " + PowerShell.describe(c));
            }
            return new CommandRunner.Output(0, FakeWindows.text(dir, file), "");
        };
    }

    @Test
    @DisplayName("home machine: the Wi-Fi with the default route (required) and Npcap's loopback (optional); "
            + "the disconnected Ethernet with static servers is left out")
    void home() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        List<CaptureDevice> d = new NpcapDevices(w).all();
        assertEquals(List.of(new CaptureDevice(WIFI, "Wi-Fi", CaptureDevice.DEFAULT_LINK_TYPE, false),
                new CaptureDevice("\\Device\\NPF_Loopback", "Loopback", CaptureDevice.DEFAULT_LINK_TYPE, true)), d);
        assertTrue(w.writes().isEmpty(), "choosing devices only reads");
    }

    @Test
    @DisplayName("VPN machine: adapters that are up with DNS servers but no default route are optional; Hyper-V's "
            + "switch (only IPv6 placeholder servers) and disconnected adapters are left out")
    void vpn() throws Exception {
        List<CaptureDevice> d = new NpcapDevices(fixture("capture-vpn")).all();
        assertEquals(List.of("Wi-Fi", "Ethernet 2", "Office VPN", "Loopback"), d.stream().map(CaptureDevice::label).toList());
        assertEquals(List.of(false, true, true, true), d.stream().map(CaptureDevice::optional).toList());
        assertEquals("\\Device\\NPF_{E3D2C1B0-A9F8-4E7D-B6C5-A4B3C2D1E0F9}", d.get(2).pcapName());
    }

    @Test
    @DisplayName("no adapter up with a route or servers: a clear reason instead of a capture that sees nothing")
    void nothingUp() {
        NpcapDevices.Table t = new NpcapDevices.Table(
                List.of(new CmdletJson.Adapter("Wi-Fi", 12, "{4F0D8C3E-2B6A-4C1E-9A57-1D2E3F4A5B6C}", "Disconnected", "")),
                List.of(new CmdletJson.ServerRow("Wi-Fi", 12, false, List.of("192.168.1.1"))),
                List.of(new CmdletJson.Route(12, "0.0.0.0/0", "192.168.1.1")));
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, () -> NpcapDevices.choose(t));
        assertTrue(e.reason().startsWith("No network adapter is up"), e.reason());
    }

    @Test
    @DisplayName("--interface takes an adapter's name, GUID or Npcap device name (any case), or Loopback")
    void named() throws Exception {
        NpcapDevices n = new NpcapDevices(fixture("capture-vpn"));
        assertEquals(CaptureDevice.of(WIFI, "Wi-Fi"), n.named("wi-fi"));
        assertEquals(CaptureDevice.of(WIFI, "Wi-Fi"), n.named("4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c"));
        assertEquals(CaptureDevice.of(WIFI, "Wi-Fi"), n.named("\\device\\npf_{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}"));
        assertEquals("vEthernet (Default Switch)", n.named("vEthernet (Default Switch)").label());
        assertEquals(CaptureDevice.of("\\Device\\NPF_Loopback", "Loopback"), n.named("loopback"));
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, () -> n.named("eth0"));
        assertEquals("No such network interface: 'eth0'.", e.reason());
        assertTrue(e.fix().contains("Wi-Fi, Ethernet, Ethernet 2, vEthernet (Default Switch), Office VPN"), e.fix());
    }

    @Test
    @DisplayName("adapters that cannot be read: a reason and a fix, not an exception from the depths")
    void unreadable() {
        NpcapDevices n = new NpcapDevices(c -> new CommandRunner.Output(1, "", "Get-NetAdapter : Access denied"));
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, n::all);
        assertTrue(e.reason().startsWith("The network adapters could not be read"), e.reason());
        assertTrue(e.reason().contains("Access denied"), e.reason());
    }

    @Test
    @DisplayName("found by ServiceLoader: chosen on Windows, never on Linux (which keeps libpcap's any device)")
    void serviceLoader() {
        assertSame(CaptureDevices.ANY, CaptureDevices.forThisMachine());
        String os = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Windows 11");
            assertInstanceOf(NpcapDevices.class, CaptureDevices.forThisMachine());
        } finally {
            System.setProperty("os.name", os);
        }
        assertFalse(new NpcapDevices().isSupported());
    }

    @Test
    @DisplayName("Windows' IPv6 placeholder servers (fec0:0:0:ffff::1-3) are not servers")
    void placeholders() throws Exception {
        List<CmdletJson.ServerRow> rows = CmdletJson.serverRows(FakeWindows.text("capture-vpn",
                "get-dnsclientserveraddress.json"));
        assertEquals(List.of(), rows.stream().filter(r -> r.index() == 27 && r.ipv6()).findFirst().orElseThrow().servers());
        assertEquals(List.of("10.20.0.53"), rows.stream().filter(r -> r.index() == 18 && !r.ipv6()).findFirst()
                .orElseThrow().servers(), "a one-element array printed as a plain string");
    }
}
