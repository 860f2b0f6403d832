package org.port853.platform.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the DNS client's state without elevation: cmdlets ({@code ConvertTo-Json}) for adapters, servers, DoH
 * entries and NRPT rules; the registry for the build, static-versus-DHCP servers and policies; {@code netsh}
 * only for what nothing else shows (the DoT switch and DoT entries).
 */
public final class WindowsStateReader {
    private final CommandRunner runner;
    private final WindowsRegistry registry;

    public WindowsStateReader(CommandRunner runner, WindowsRegistry registry) {
        this.runner = runner;
        this.registry = registry;
    }

    public WindowsDetails read() throws IOException {
        int build = registry.value(RegistryPaths.CURRENT_VERSION, "CurrentBuild")
                .or(() -> registry.value(RegistryPaths.CURRENT_VERSION, "CurrentBuildNumber"))
                .map(v -> v.replaceAll("\\D", "")).filter(v -> !v.isEmpty()).map(Integer::parseInt).orElse(0);
        String edition = registry.value(RegistryPaths.CURRENT_VERSION, "EditionID").orElse("");
        String displayVersion = registry.value(RegistryPaths.CURRENT_VERSION, "DisplayVersion").orElse("");

        List<CmdletJson.Adapter> adapters = CmdletJson.adapters(runner.runOk(PowerShell.script(PowerShell.READ_ADAPTERS)));
        List<CmdletJson.ServerRow> rows = CmdletJson.serverRows(runner.runOk(PowerShell.script(PowerShell.READ_SERVERS)));
        List<AdapterDns> adapterDns = new ArrayList<>();
        for (CmdletJson.Adapter a : adapters) {
            adapterDns.add(new AdapterDns(a.guid(), a.name(), a.index(), a.status(), a.description(),
                    servers(a, rows, false), servers(a, rows, true),
                    rows.stream().anyMatch(r -> r.index() == a.index() && r.ipv6())));
        }

        List<EncryptionEntry> encryption = new ArrayList<>();
        if (build >= WindowsDetails.FIRST_DOH_BUILD) {
            encryption.addAll(CmdletJson.dohEntries(runner.runOk(PowerShell.script(PowerShell.READ_DOH))));
        }
        NetshText.GlobalDot dot = NetshText.GlobalDot.UNAVAILABLE;
        CommandRunner.Output global = runner.run(PowerShell.script(PowerShell.NETSH_GLOBAL));
        if (global.ok()) {
            dot = NetshText.global(global.stdout());
        }
        if (dot.available()) {
            encryption.addAll(NetshText.dotEntries(runner.runOk(PowerShell.script(PowerShell.NETSH_ENCRYPTION))));
        }
        List<NrptRule> rules = CmdletJson.nrptRules(runner.runOk(PowerShell.script(PowerShell.READ_NRPT)));
        Integer dohPolicy = registry.intValue(RegistryPaths.DNS_CLIENT_POLICY, "DoHPolicy").orElse(null);
        boolean dohBlocked = registry.intValue(RegistryPaths.DNS_CLIENT_POLICY, "DohPolicySetting").orElse(0) == 1;
        boolean dotBlocked = registry.intValue(RegistryPaths.DNS_CLIENT_POLICY, "DotPolicySetting").orElse(0) == 1;
        return new WindowsDetails(build, edition, displayVersion, dot.available(), dot.enabled(), adapterDns, encryption,
                rules, registry.keyExists(RegistryPaths.GROUP_POLICY_NRPT), dohPolicy, dohBlocked, dotBlocked);
    }

    /**
     * The servers of one family that Windows keeps in the interface settings of the adapter {@code guid} (its Tcpip or
     * Tcpip6 interface key), for an adapter it does not list now (unplugged, a VPN's while it is down), which gets them
     * back when it returns: static ones as set, automatic ones without the servers (DHCP or the router gives them then).
     * Empty where that key is gone too.
     */
    Optional<AdapterDns.Servers> keptServers(String guid, boolean v6) {
        if (!registry.keyExists(interfaceKey(guid, v6))) {
            return Optional.empty();
        }
        return Optional.of(staticServers(guid, v6).orElse(new AdapterDns.Servers(automatic(v6), List.of())));
    }

    /** The servers the DNS client uses on this adapter, with where they come from (registry). */
    private AdapterDns.Servers servers(CmdletJson.Adapter a, List<CmdletJson.ServerRow> rows, boolean v6) {
        List<String> used = rows.stream().filter(r -> r.index() == a.index() && r.ipv6() == v6)
                .flatMap(r -> r.servers().stream()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return staticServers(a.guid(), v6).orElse(new AdapterDns.Servers(automatic(v6), used));
    }

    /** The adapter's static servers of one family: its NameServer value, where that is not empty. */
    private Optional<AdapterDns.Servers> staticServers(String guid, boolean v6) {
        return registry.value(interfaceKey(guid, v6), "NameServer").filter(s -> !s.isBlank())
                .map(s -> new AdapterDns.Servers(AdapterDns.Source.STATIC, split(s)));
    }

    private static AdapterDns.Source automatic(boolean v6) {
        return v6 ? AdapterDns.Source.AUTOMATIC : AdapterDns.Source.DHCP;
    }

    static String interfaceKey(String guid, boolean v6) {
        return (v6 ? RegistryPaths.TCPIP6_INTERFACES : RegistryPaths.TCPIP_INTERFACES) + guid.toLowerCase(Locale.ROOT);
    }

    /** NameServer is comma separated (sometimes with spaces). */
    static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }
}
