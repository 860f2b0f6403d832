package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port853.change.ItemSnapshot;

/**
 * The exact commands that make one item equal to its target. DoH entries and NRPT rules through the documented
 * cmdlets (data in {@code P853_ARGS}); DoT entries and the global DoT switch through {@code netsh dnsclient}
 * (no cmdlet exists); adapter servers through {@code netsh interface ipv4|ipv6}, per address family, so that
 * "back to DHCP" touches one family only; IPv6 servers of an adapter whose IPv6 is off, which netsh cannot reach, into
 * the settings Windows keeps for it ({@link KeptAdapterSettings}).
 */
public final class WindowsWrites {
    private WindowsWrites() {
    }

    public static List<Command> commands(WindowsDetails now, ItemSnapshot target) throws IOException {
        WindowsItems.Key k = WindowsItems.parse(target.key());
        if (k == null) {
            throw new IOException(target.key() + " is not a Windows item Port853 may change");
        }
        boolean exists = WindowsItems.snapshot(now, target.key()).present();
        JsonNode c = target.present() ? WindowsItems.content(target) : null;
        switch (k.kind()) {
            case "doh":
                if (c == null) {
                    return exists ? List.of(PowerShell.script(PowerShell.REMOVE_DOH, Map.of("server", k.server())))
                            : List.of();
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("server", k.server());
                a.put("template", c.path("template").asText());
                a.put("autoUpgrade", flag(target, c, "autoUpgrade"));
                a.put("udpFallback", flag(target, c, "udpFallback"));
                return List.of(PowerShell.script(exists ? PowerShell.SET_DOH : PowerShell.ADD_DOH, a));
            case "dot":
                if (c == null) {
                    return exists ? List.of(Command.of("netsh", "dnsclient", "delete", "encryption",
                            "server=" + k.server(), "protocol=dot")) : List.of();
                }
                return List.of(Command.of("netsh", "dnsclient", exists ? "set" : "add", "encryption",
                        "server=" + k.server(), "dothost=" + c.path("host").asText(),
                        "autoupgrade=" + yesNo(flag(target, c, "autoUpgrade")),
                        "udpfallback=" + yesNo(flag(target, c, "udpFallback"))));
            case "global":
                return List.of(Command.of("netsh", "dnsclient", "set", "global",
                        "dot=" + yesNo(c != null && flag(target, c, "dot"))));
            case "nrpt": {
                List<Command> out = new ArrayList<>();
                if (exists) {
                    out.add(PowerShell.script(PowerShell.REMOVE_NRPT));
                }
                if (c != null) {
                    out.add(PowerShell.script(PowerShell.ADD_NRPT, new java.util.TreeMap<>(Map.of("namespace",
                            strings(c.path("namespace")), "nameServers", strings(c.path("nameServers")), "comment",
                            c.path("comment").asText()))));
                }
                return out;
            }
            default:
                return adapter(now, k, c, target);
        }
    }

    private static List<Command> adapter(WindowsDetails now, WindowsItems.Key k, JsonNode c, ItemSnapshot target)
            throws IOException {
        AdapterDns a = now.adapter(k.guid()).orElseThrow(() -> new IOException("the network adapter "
                + WindowsItems.adapterName(target) + " no longer exists"));
        if (c == null) {
            throw new IOException("an adapter's server list cannot be removed, only set");
        }
        if (k.ipv6() && !a.ipv6Bound()) {
            return List.of(KeptAdapterSettings.write(k, c));
        }
        String family = k.ipv6() ? "ipv6" : "ipv4";
        String name = "name=" + a.index();
        List<String> servers = strings(c.path("servers"));
        if (!c.path("source").asText().equals("static")) {
            return List.of(Command.of("netsh", "interface", family, "set", "dnsservers", name, "source=dhcp"));
        }
        List<Command> out = new ArrayList<>();
        out.add(Command.of("netsh", "interface", family, "set", "dnsservers", name, "source=static",
                "address=" + (servers.isEmpty() ? "none" : servers.get(0)), "validate=no"));
        for (int i = 1; i < servers.size(); i++) {
            out.add(Command.of("netsh", "interface", family, "add", "dnsservers", name, "address=" + servers.get(i),
                    "index=" + (i + 1), "validate=no"));
        }
        return out;
    }

    /**
     * A yes/no of the target; one recorded as a word netsh printed that Port853 does not know cannot be written (netsh
     * takes yes or no), which the planner refuses before it would have to be.
     */
    private static boolean flag(ItemSnapshot target, JsonNode c, String field) throws IOException {
        JsonNode v = c.path(field);
        if (!v.isBoolean()) {
            throw new IOException(target.key() + " cannot be written with " + field + " '" + v.asText() + "', a word "
                    + "netsh printed that Port853 does not know as yes or no");
        }
        return v.booleanValue();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
