package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the {@code ConvertTo-Json} output of the DnsClient and NetAdapter cmdlets (property names as in
 * Microsoft's cmdlet reference). Accepts an array, a single object (PowerShell unwraps one-element output) or
 * nothing. Unknown properties are ignored; a missing required one is an {@link IOException} with one sentence.
 */
public final class CmdletJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int AF_INET = 2;
    static final int AF_INET6 = 23;

    /** {@code Get-NetAdapter}. */
    public record Adapter(String name, int index, String guid, String status, String description) {
    }

    /**
     * The deprecated site-local addresses Windows shows (and falls back to) for IPv6 when no IPv6 DNS server is
     * configured: placeholders, not servers anyone chose, so they are left out of {@link ServerRow#servers()}.
     */
    static final java.util.Set<String> IPV6_PLACEHOLDERS = java.util.Set.of("fec0:0:0:ffff::1", "fec0:0:0:ffff::2",
            "fec0:0:0:ffff::3");

    /** {@code Get-DnsClientServerAddress}: one row per interface and address family (without the placeholders). */
    public record ServerRow(String alias, int index, boolean ipv6, List<String> servers) {
    }

    /** {@code Get-NetRoute}: one route of an interface. */
    public record Route(int index, String prefix, String nextHop) {
    }

    private CmdletJson() {
    }

    public static List<Adapter> adapters(String json) throws IOException {
        List<Adapter> out = new ArrayList<>();
        for (JsonNode n : rows(json, "Get-NetAdapter")) {
            out.add(new Adapter(text(n, "Name"), integer(n, "InterfaceIndex"), text(n, "InterfaceGuid"),
                    n.path("Status").asText(""), n.path("InterfaceDescription").asText("")));
        }
        return out;
    }

    public static List<ServerRow> serverRows(String json) throws IOException {
        List<ServerRow> out = new ArrayList<>();
        for (JsonNode n : rows(json, "Get-DnsClientServerAddress")) {
            int family = integer(n, "AddressFamily");
            if (family != AF_INET && family != AF_INET6) {
                throw new IOException("Get-DnsClientServerAddress printed an unknown AddressFamily " + family);
            }
            List<String> servers = strings(n.get("ServerAddresses"));
            servers.removeIf(a -> IPV6_PLACEHOLDERS.contains(a.toLowerCase(Locale.ROOT)));
            out.add(new ServerRow(text(n, "InterfaceAlias"), integer(n, "InterfaceIndex"), family == AF_INET6, servers));
        }
        return out;
    }

    public static List<Route> routes(String json) throws IOException {
        List<Route> out = new ArrayList<>();
        for (JsonNode n : rows(json, "Get-NetRoute")) {
            out.add(new Route(integer(n, "InterfaceIndex"), text(n, "DestinationPrefix"), n.path("NextHop").asText("")));
        }
        return out;
    }

    public static List<EncryptionEntry> dohEntries(String json) throws IOException {
        List<EncryptionEntry> out = new ArrayList<>();
        for (JsonNode n : rows(json, "Get-DnsClientDohServerAddress")) {
            out.add(new EncryptionEntry(text(n, "ServerAddress").toLowerCase(Locale.ROOT),
                    EncryptionEntry.Protocol.DOH, n.path("DohTemplate").asText(""), null,
                    bool(n, "AutoUpgrade"), bool(n, "AllowFallbackToUdp")));
        }
        return out;
    }

    public static List<NrptRule> nrptRules(String json) throws IOException {
        List<NrptRule> out = new ArrayList<>();
        for (JsonNode n : rows(json, "Get-DnsClientNrptRule")) {
            JsonNode comment = n.get("Comment");
            out.add(new NrptRule(text(n, "Name"), strings(n.get("Namespace")), strings(n.get("NameServers")),
                    comment == null || comment.isNull() ? null : comment.asText()));
        }
        return out;
    }

    private static List<JsonNode> rows(String json, String cmdlet) throws IOException {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException(cmdlet + " did not print JSON", e);
        }
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(out::add);
        } else if (root.isObject()) {
            out.add(root);
        } else if (!root.isNull()) {
            throw new IOException(cmdlet + " printed neither an object nor an array");
        }
        for (JsonNode n : out) {
            if (!n.isObject()) {
                throw new IOException(cmdlet + " printed an array element that is not an object");
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new IOException("the cmdlet output has no " + field);
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IOException("the cmdlet output has no numeric " + field);
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IOException("the cmdlet output has no true/false " + field);
        }
        return v.asBoolean();
    }

    /** A string array; PowerShell prints a one-element array as a plain string and an empty one as null. */
    static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (!x.asText("").isBlank()) {
                    out.add(x.asText().trim());
                }
            });
        } else if (!v.asText("").isBlank()) {
            out.add(v.asText().trim());
        }
        return out;
    }
}
