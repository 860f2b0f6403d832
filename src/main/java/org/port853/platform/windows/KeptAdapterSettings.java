package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.port853.change.ItemSnapshot;
import org.port853.core.Sentence;

/**
 * An adapter's servers of one family that only the interface settings Windows keeps for it hold now: the adapter is not
 * listed (unplugged, a VPN that is down), or its IPv6 binding is off, so netsh cannot reach that family ("Element not
 * found."). Windows uses those settings once the adapter, or its IPv6, is back, so a restore writes them directly: the
 * {@code NameServer} value of the adapter's Tcpip or Tcpip6 interface key.
 */
final class KeptAdapterSettings {
    private KeptAdapterSettings() {
    }

    /** Whether the family of the adapter item {@code k} is only in the settings Windows keeps, as {@code d} shows it. */
    static boolean only(WindowsDetails d, WindowsItems.Key k) {
        Optional<AdapterDns> a = d.adapter(k.guid());
        return a.isEmpty() || k.ipv6() && !a.get().ipv6Bound();
    }

    /** The adapter item {@code key} as Windows keeps it for an adapter {@code d} does not list; empty where it keeps none. */
    static Optional<ItemSnapshot> unlisted(WindowsDetails d, String key, WindowsStateReader reader) {
        WindowsItems.Key k = WindowsItems.parse(key);
        if (k == null || !k.kind().equals("adapter") || d.adapter(k.guid()).isPresent()) {
            return Optional.empty();
        }
        return reader.keptServers(k.guid(), k.ipv6()).map(s -> new ItemSnapshot(key, true, WindowsItems.servers(s),
                Map.of()));
    }

    /**
     * {@code read} as the first of {@code recorded} it agrees with: kept settings say "automatic" but not which servers
     * DHCP or the router hands out, so automatic agrees with a recorded automatic state of the item whatever servers it
     * lists. Anything else stands as read.
     */
    static ItemSnapshot asRecorded(WindowsDetails d, ItemSnapshot read, List<ItemSnapshot> recorded) throws IOException {
        WindowsItems.Key k = WindowsItems.parse(read.key());
        if (!read.present() || k == null || !k.kind().equals("adapter") || !only(d, k)) {
            return read;
        }
        String source = WindowsItems.content(read).path("source").asText();
        if (source.equals("static")) {
            return read;
        }
        for (ItemSnapshot r : recorded) {
            if (r.key().equals(read.key()) && r.present()
                    && WindowsItems.content(r).path("source").asText().equals(source)) {
                return r;
            }
        }
        return read;
    }

    /**
     * Writes {@code c}'s servers into the kept settings. Windows stores them comma separated, empty for automatic (the
     * value the network settings' "Obtain DNS server address automatically" leaves; AdGuard DnsLibs writes the same in
     * ag_net_utils.h, win_set_if_nameserver); the Windows 2000 registry reference's "space delimited" is older.
     */
    static Command write(WindowsItems.Key k, JsonNode c) {
        List<String> servers = c.path("source").asText().equals("static") ? WindowsWrites.strings(c.path("servers"))
                : List.of();
        return PowerShell.script(PowerShell.SET_NAME_SERVER, new TreeMap<>(Map.of("guid", k.guid(), "ipv6", k.ipv6(),
                "nameServer", String.join(",", servers))));
    }

    /** What a restore says of {@code written} where it went into the kept settings, as {@code d} shows the adapter. */
    static Optional<Sentence> restored(WindowsDetails d, ItemSnapshot written) {
        WindowsItems.Key k = WindowsItems.parse(written.key());
        if (k == null || !k.kind().equals("adapter") || !only(d, k)) {
            return Optional.empty();
        }
        String name = WindowsItems.adapterName(written);
        if (d.adapter(k.guid()).isPresent()) {
            return Optional.of(Sentence.of("IPv6 is off on adapter " + name + " now, so its IPv6 DNS servers were "
                    + "restored in its settings: Windows uses them once IPv6 is on again", "result.adapter-ipv6-off-restored",
                    name));
        }
        String family = k.ipv6() ? "IPv6" : "IPv4";
        return Optional.of(Sentence.of("adapter " + name + " is not connected now, so its " + family + " DNS servers "
                + "were restored in its settings: Windows uses them once it is back",
                "result.adapter-not-connected-restored", name, family));
    }
}
