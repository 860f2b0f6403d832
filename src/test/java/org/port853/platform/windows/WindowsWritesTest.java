package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowsWritesTest {
    static List<Command> commands(String fixture, org.port853.change.ItemSnapshot target) throws IOException {
        return WindowsWrites.commands(WindowsStateReaderTest.read(FakeWindows.load(fixture)), target);
    }

    @Test
    @DisplayName("DoH: Set for an existing built-in entry, Add for a new one, data only in P853_ARGS")
    void doh() throws IOException {
        String content = "{\"autoUpgrade\":true,\"server\":\"9.9.9.9\",\"template\":\"https://dns.quad9.net/dns-query\","
                + "\"udpFallback\":false}";
        Command set = commands("home-22631", WindowsItems.of("win:doh:9.9.9.9", content)).get(0);
        assertEquals(List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand"), set.argv().subList(0, 6));
        assertEquals(PowerShell.SET_DOH, PowerShell.scriptOf(set));
        assertEquals(Map.of("P853_ARGS", "{\"server\":\"9.9.9.9\",\"template\":\"https://dns.quad9.net/dns-query\","
                + "\"autoUpgrade\":true,\"udpFallback\":false}"), set.env());
        Command add = commands("home-22631", WindowsItems.of("win:doh:198.18.53.2", content.replace("9.9.9.9",
                "198.18.53.2"))).get(0);
        assertEquals(PowerShell.ADD_DOH, PowerShell.scriptOf(add));
        Command remove = commands("home-22631", WindowsItems.absent("win:doh:1.1.1.1")).get(0);
        assertEquals(PowerShell.REMOVE_DOH, PowerShell.scriptOf(remove));
        assertEquals(Map.of("P853_ARGS", "{\"server\":\"1.1.1.1\"}"), remove.env());
        assertEquals(List.of(), commands("home-22631", WindowsItems.absent("win:doh:198.18.53.2")));
    }

    @Test
    @DisplayName("DoT and the global switch: netsh argument lists as in Microsoft's netsh reference")
    void dot() throws IOException {
        assertEquals(List.of(Command.of("netsh", "dnsclient", "set", "encryption", "server=9.9.9.9",
                "dothost=dns.quad9.net:853", "autoupgrade=yes", "udpfallback=no")), commands("dot-26100",
                WindowsItems.of("win:dot:9.9.9.9", "{\"autoUpgrade\":true,\"host\":\"dns.quad9.net:853\","
                        + "\"server\":\"9.9.9.9\",\"udpFallback\":false}")));
        assertEquals(List.of(Command.of("netsh", "dnsclient", "add", "encryption", "server=149.112.112.112",
                "dothost=dns.quad9.net:853", "autoupgrade=yes", "udpfallback=yes")), commands("dot-26100",
                WindowsItems.of("win:dot:149.112.112.112", "{\"autoUpgrade\":true,\"host\":\"dns.quad9.net:853\","
                        + "\"server\":\"149.112.112.112\",\"udpFallback\":true}")));
        assertEquals(List.of(Command.of("netsh", "dnsclient", "delete", "encryption", "server=2620:fe::fe",
                "protocol=dot")), commands("dot-26100", WindowsItems.absent("win:dot:2620:fe::fe")));
        assertEquals(List.of(Command.of("netsh", "dnsclient", "set", "global", "dot=yes")), commands("dot-26100",
                WindowsItems.of("win:global:dot", "{\"dot\":true}")));
    }

    @Test
    @DisplayName("adapters: per family, by index; static lists in order; back to DHCP for one family only")
    void adapters() throws IOException {
        String wifi = "win:adapter:{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:";
        assertEquals(List.of(
                Command.of("netsh", "interface", "ipv4", "set", "dnsservers", "name=12", "source=static",
                        "address=9.9.9.9", "validate=no"),
                Command.of("netsh", "interface", "ipv4", "add", "dnsservers", "name=12", "address=149.112.112.112",
                        "index=2", "validate=no")),
                commands("home-22631", WindowsItems.of(wifi + "ipv4",
                        "{\"servers\":[\"9.9.9.9\",\"149.112.112.112\"],\"source\":\"static\"}")));
        assertEquals(List.of(Command.of("netsh", "interface", "ipv6", "set", "dnsservers", "name=12", "source=dhcp")),
                commands("home-22631", WindowsItems.of(wifi + "ipv6",
                        "{\"servers\":[\"fd12:3456:789a::1\"],\"source\":\"automatic\"}")));
        assertThrows(IOException.class, () -> commands("home-22631", WindowsItems.of(
                "win:adapter:{00000000-0000-0000-0000-000000000000}:ipv4", "{\"servers\":[],\"source\":\"dhcp\"}")));
    }

    @Test
    @DisplayName("IPv6 servers of an adapter whose IPv6 is off: its Tcpip6 NameServer value, comma separated, empty for "
            + "automatic (netsh answers 'Element not found.' there)")
    void ipv6OffIntoTheKeptSettings() throws IOException {
        String wifi = "win:adapter:{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}:ipv6";
        assertEquals(List.of(new Command(PowerShell.script(PowerShell.SET_NAME_SERVER).argv(), Map.of(
                PowerShell.ARGS_VARIABLE, "{\"guid\":\"{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}\",\"ipv6\":true,"
                        + "\"nameServer\":\"2620:fe::fe,2620:fe::9\"}"))),
                commands("ipv6-off-22631", WindowsItems.of(wifi, "{\"servers\":[\"2620:fe::fe\",\"2620:fe::9\"],"
                        + "\"source\":\"static\"}")));
        assertEquals(List.of(new Command(PowerShell.script(PowerShell.SET_NAME_SERVER).argv(), Map.of(
                PowerShell.ARGS_VARIABLE, "{\"guid\":\"{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}\",\"ipv6\":true,"
                        + "\"nameServer\":\"\"}"))),
                commands("ipv6-off-22631", WindowsItems.of(wifi, "{\"servers\":[\"fd12:3456:789a::1\"],"
                        + "\"source\":\"automatic\"}")));
    }

    @Test
    @DisplayName("NRPT: removes only Port853-marked rules, then adds the one rule")
    void nrpt() throws IOException {
        List<Command> add = commands("home-22631", WindowsItems.of(WindowsItems.NRPT, WindowsItems.nrpt(List.of("."),
                List.of("9.9.9.9"), NrptRule.COMMENT)));
        assertEquals(1, add.size(), "no Port853 rule exists yet, so nothing is removed");
        assertEquals(PowerShell.ADD_NRPT, PowerShell.scriptOf(add.get(0)));
        assertEquals(Map.of("P853_ARGS", "{\"comment\":\"" + NrptRule.COMMENT + "\",\"nameServers\":[\"9.9.9.9\"],"
                + "\"namespace\":[\".\"]}"), add.get(0).env());
        assertEquals(true, PowerShell.REMOVE_NRPT.contains("$_.Comment -like 'Port853:*'"));
    }

    @Test
    @DisplayName("keys outside the allow-list are refused")
    void keys() {
        assertNull(WindowsItems.parse("win:doh:9.9.9.9; Remove-Item C:\\"));
        assertNull(WindowsItems.parse("win:doh:009.9.9.9"));
        assertNull(WindowsItems.parse("win:adapter:{4F0D8C3E-2B6A-4C1E-9A57-1D2E3F4A5B6C}:ipv4"));
        assertNull(WindowsItems.parse("file:/etc/passwd"));
        assertNull(WindowsItems.parse("win:nrpt:other"));
        assertEquals("dot", WindowsItems.parse("win:dot:2620:fe::fe").kind());
    }
}
