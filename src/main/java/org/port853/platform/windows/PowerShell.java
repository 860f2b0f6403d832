package org.port853.platform.windows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The fixed PowerShell scripts Port853 runs. Each is a constant: data reaches it only through the environment
 * variable {@code P853_ARGS} (JSON, read with {@code ConvertFrom-Json}), so nothing a user types can become code.
 * Scripts are passed with {@code -EncodedCommand} (Base64 of UTF-16LE), which survives Windows command-line
 * quoting unchanged. Reads use {@code ConvertTo-Json -InputObject @(...)} so that one object still prints as an
 * array (Windows PowerShell 5.1 unwraps one-element pipelines).
 */
public final class PowerShell {
    public static final String EXE = "powershell.exe";
    public static final String ARGS_VARIABLE = "P853_ARGS";
    private static final String PRELUDE = "$ErrorActionPreference = 'Stop'; "
            + "[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ";
    private static final String ARGS = "$a = $env:P853_ARGS | ConvertFrom-Json; ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String READ_ADAPTERS = PRELUDE + "ConvertTo-Json -Compress -InputObject @(Get-NetAdapter | "
            + "Select-Object -Property @('Name', 'InterfaceIndex', 'InterfaceGuid', 'Status', 'InterfaceDescription'))";
    public static final String READ_SERVERS = PRELUDE + "ConvertTo-Json -Compress -InputObject @("
            + "Get-DnsClientServerAddress | Select-Object -Property @('InterfaceAlias', 'InterfaceIndex', 'AddressFamily', 'ServerAddresses'))";
    public static final String READ_DOH = PRELUDE + "ConvertTo-Json -Compress -InputObject @("
            + "Get-DnsClientDohServerAddress | Select-Object -Property @('ServerAddress', 'DohTemplate', 'AllowFallbackToUdp', 'AutoUpgrade'))";
    public static final String READ_NRPT = PRELUDE + "ConvertTo-Json -Compress -InputObject @("
            + "Get-DnsClientNrptRule | Select-Object -Property @('Name', 'Namespace', 'NameServers', 'Comment'))";
    /**
     * The default routes in use (active store, not the persisted copies). A family without one is not an error:
     * {@code -ErrorAction SilentlyContinue} keeps Get-NetRoute's "no matching MSFT_NetRoute objects" quiet.
     */
    public static final String READ_DEFAULT_ROUTES = PRELUDE + "ConvertTo-Json -Compress -InputObject @("
            + "Get-NetRoute -DestinationPrefix @('0.0.0.0/0', '::/0') -PolicyStore ActiveStore -ErrorAction SilentlyContinue"
            + " | Select-Object -Property @('InterfaceIndex', 'DestinationPrefix', 'NextHop', 'RouteMetric'))";
    /** netsh text in UTF-8 (its labels are localized: {@link NetshText} reads them). */
    public static final String NETSH_GLOBAL = PRELUDE + "netsh dnsclient show global";
    public static final String NETSH_ENCRYPTION = PRELUDE + "netsh dnsclient show encryption";

    public static final String ADD_DOH = PRELUDE + ARGS + "Add-DnsClientDohServerAddress -ServerAddress $a.server "
            + "-DohTemplate $a.template -AutoUpgrade ([bool]$a.autoUpgrade) -AllowFallbackToUdp ([bool]$a.udpFallback)"
            + " | Out-Null";
    public static final String SET_DOH = PRELUDE + ARGS + "Set-DnsClientDohServerAddress -ServerAddress $a.server "
            + "-DohTemplate $a.template -AutoUpgrade ([bool]$a.autoUpgrade) -AllowFallbackToUdp ([bool]$a.udpFallback)"
            + " | Out-Null";
    public static final String REMOVE_DOH = PRELUDE + ARGS + "Remove-DnsClientDohServerAddress -ServerAddress $a.server";
    /** Removes only rules whose comment carries Port853's mark, then adds the one rule. */
    public static final String REMOVE_NRPT = PRELUDE + "Get-DnsClientNrptRule | Where-Object { $_.Comment -like "
            + "'Port853:*' } | ForEach-Object { Remove-DnsClientNrptRule -Name $_.Name -Force }";
    public static final String ADD_NRPT = PRELUDE + ARGS + "Add-DnsClientNrptRule -Namespace @($a.namespace) "
            + "-NameServers @($a.nameServers) -Comment $a.comment | Out-Null";
    public static final String CLEAR_CACHE = PRELUDE + "Clear-DnsClientCache";
    /**
     * An adapter's static servers of one family as Windows keeps them in its interface key, for an adapter netsh cannot
     * reach (not connected, or IPv6 off): {@code NameServer}, REG_SZ, comma separated, empty for automatic (DHCP, router
     * advertisements), in {@code Tcpip} or {@code Tcpip6}. The key must exist: it is Windows' record of the adapter.
     */
    public static final String SET_NAME_SERVER = PRELUDE + ARGS + "$k = 'HKLM:\\' + $(if ($a.ipv6) { '"
            + RegistryPaths.TCPIP6_INTERFACES + "' } else { '"
            + RegistryPaths.TCPIP_INTERFACES + "' }) + $a.guid; "
            + "if (-not (Test-Path -LiteralPath $k)) { throw ('Windows keeps no settings for the adapter ' + $a.guid) }; "
            + "Set-ItemProperty -LiteralPath $k -Name 'NameServer' -Value ([string]$a.nameServer) -Type String";

    private PowerShell() {
    }

    public static Command script(String script) {
        return new Command(argv(script), Map.of());
    }

    public static Command script(String script, Map<String, Object> args) {
        try {
            return new Command(argv(script), Map.of(ARGS_VARIABLE, JSON.writeValueAsString(args)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> argv(String script) {
        return List.of(EXE, "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand",
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE)));
    }

    /** The script text of a command built here, or null for other programs. */
    public static String scriptOf(Command c) {
        int i = c.argv().indexOf("-EncodedCommand");
        return i < 0 || !c.argv().get(0).equals(EXE) ? null
                : new String(Base64.getDecoder().decode(c.argv().get(i + 1)), StandardCharsets.UTF_16LE);
    }

    /** A short name for messages: the cmdlet or netsh verb, never the arguments. */
    public static String describe(Command c) {
        String s = scriptOf(c);
        if (s == null) {
            return String.join(" ", c.argv().subList(0, Math.min(4, c.argv().size())));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b([A-Z][a-z]+-[A-Za-z]+)\\b(?![^;]*ConvertTo)")
                .matcher(s.substring(PRELUDE.length()));
        return m.find() ? m.group(1) : "PowerShell";
    }
}
