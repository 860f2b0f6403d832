package org.port853.platform.windows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.port853.capture.CaptureDevice;
import org.port853.capture.CaptureDevices;
import org.port853.capture.CaptureUnavailableException;

/**
 * The Npcap devices a capture on "all interfaces" opens on Windows, where Npcap has no {@code any} device: one
 * {@code \Device\NPF_{GUID}} per adapter that is Up and carries a default route (IPv4 or IPv6) or hands DNS servers
 * to the DNS client (the two ways a DNS packet leaves the machine), plus Npcap's loopback adapter
 * {@code \Device\NPF_Loopback} for DNS to a resolver on this machine. Adapters with a default route must open;
 * the others, and loopback (absent when Npcap was installed without loopback support), are skipped when they
 * cannot. Read with the same fixed cmdlets as the state ({@code Get-NetAdapter}, {@code Get-DnsClientServerAddress})
 * and {@code Get-NetRoute}. Found by ServiceLoader; supported only on Windows.
 */
public final class NpcapDevices implements CaptureDevices {
    static final String PREFIX = "\\Device\\NPF_";
    static final String LOOPBACK = PREFIX + "Loopback";
    static final String LOOPBACK_LABEL = "Loopback";
    private final CommandRunner runner;

    public NpcapDevices() {
        this(null);
    }

    /** @param runner null: this machine's PowerShell, created on first use */
    public NpcapDevices(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public boolean isSupported() {
        return WindowsResolverAdapter.isWindows();
    }

    /** The machine's adapters with their servers and default routes. */
    record Table(List<CmdletJson.Adapter> adapters, List<CmdletJson.ServerRow> servers, List<CmdletJson.Route> routes) {
        static Table read(CommandRunner runner) throws IOException {
            return new Table(CmdletJson.adapters(runner.runOk(PowerShell.script(PowerShell.READ_ADAPTERS))),
                    CmdletJson.serverRows(runner.runOk(PowerShell.script(PowerShell.READ_SERVERS))),
                    CmdletJson.routes(runner.runOk(PowerShell.script(PowerShell.READ_DEFAULT_ROUTES))));
        }
    }

    @Override
    public List<CaptureDevice> all() throws CaptureUnavailableException {
        return choose(table());
    }

    @Override
    public CaptureDevice named(String name) throws CaptureUnavailableException {
        return match(table(), name);
    }

    private Table table() throws CaptureUnavailableException {
        try {
            return Table.read(runner != null ? runner : new SystemCommandRunner(Duration.ofSeconds(30)));
        } catch (IOException | RuntimeException e) {
            throw new CaptureUnavailableException("The network adapters could not be read, so Port853 does not know "
                    + "where to capture: " + e.getMessage(), "Name an adapter with --interface (e.g. Wi-Fi).", e)
                    .says("adapters-unreadable", e.getMessage());
        }
    }

    static List<CaptureDevice> choose(Table t) throws CaptureUnavailableException {
        Set<Integer> routed = t.routes().stream().map(CmdletJson.Route::index).collect(Collectors.toSet());
        Set<Integer> withServers = t.servers().stream().filter(r -> !r.servers().isEmpty())
                .map(CmdletJson.ServerRow::index).collect(Collectors.toSet());
        List<CaptureDevice> out = new ArrayList<>();
        for (CmdletJson.Adapter a : t.adapters()) {
            boolean route = routed.contains(a.index());
            if (isUp(a) && (route || withServers.contains(a.index()))) {
                out.add(new CaptureDevice(PREFIX + a.guid(), a.name(), CaptureDevice.DEFAULT_LINK_TYPE, !route));
            }
        }
        if (out.isEmpty()) {
            throw new CaptureUnavailableException("No network adapter is up with a default route or DNS servers, "
                    + "so there is no DNS traffic to watch.", "Connect to a network, then start the capture again.")
                    .says("no-adapter-up");
        }
        out.add(new CaptureDevice(LOOPBACK, LOOPBACK_LABEL, CaptureDevice.DEFAULT_LINK_TYPE, true));
        return out;
    }

    /** An adapter by its name (alias), GUID or Npcap device name; "Loopback" is Npcap's loopback adapter. */
    static CaptureDevice match(Table t, String name) throws CaptureUnavailableException {
        String n = name.strip();
        if (n.equalsIgnoreCase(LOOPBACK_LABEL) || n.equalsIgnoreCase(LOOPBACK)) {
            return CaptureDevice.of(LOOPBACK, LOOPBACK_LABEL);
        }
        String guid = n.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? n.substring(PREFIX.length()) : n;
        for (CmdletJson.Adapter a : t.adapters()) {
            if (a.name().equalsIgnoreCase(n) || a.guid().equalsIgnoreCase(guid)
                    || a.guid().equalsIgnoreCase("{" + guid + "}")) {
                return CaptureDevice.of(PREFIX + a.guid(), a.name());
            }
        }
        String known = t.adapters().stream().map(CmdletJson.Adapter::name).collect(Collectors.joining(", "));
        throw CaptureUnavailableException.noSuchInterface(n,
                "Pass one of this machine's adapters (" + (known.isEmpty() ? "none found" : known) + ", "
                + LOOPBACK_LABEL + ") with --interface, or omit it to capture on all of them.", null);
    }

    private static boolean isUp(CmdletJson.Adapter a) {
        return "Up".equalsIgnoreCase(a.status());
    }
}
