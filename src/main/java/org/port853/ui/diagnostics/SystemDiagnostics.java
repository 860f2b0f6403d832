package org.port853.ui.diagnostics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.bench.ProviderBench;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.doctor.LinuxSystemSources;
import org.port853.probe.dot.DotProbe;
import org.port853.probe.dot.ProbeOptions;
import org.port853.probe.dot.TrustAnchors;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.ProviderTexts;

/** The real checks, on this machine, with the same code as {@code port853 doctor|pins|bench-providers}. */
public final class SystemDiagnostics implements DiagnosticsService {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final ResolverAdapter adapter;
    private final java.util.function.Supplier<ProviderCatalog> catalog;
    private final Path pinFile;
    private final org.port853.ui.OwnLookups ownLookups;

    /** @param ownLookups where the resolver's lookup of the checks is noted, so the capture tells it as Port853's */
    public SystemDiagnostics(ResolverAdapter adapter, java.util.function.Supplier<ProviderCatalog> catalog,
                             org.port853.ui.OwnLookups ownLookups) {
        this.adapter = adapter;
        this.catalog = catalog;
        this.pinFile = PinStore.userFile();
        this.ownLookups = ownLookups;
    }

    private DotProbe probe() {
        return new DotProbe(TrustAnchors.configured(), Clock.systemUTC());
    }

    @Override
    public Doctor.Report doctor() throws Exception {
        var state = adapter.readState();
        var reasons = ownLookups.asking(adapter.ownLookupName(), () -> adapter.assessWithLookup(state)).reasons();
        return new Doctor(probe(), new LinuxSystemSources(), Clock.systemUTC()).run(state, reasons, List.of(),
                ProbeOptions.quick(TIMEOUT).withLarge(".", "DNSKEY").withDnssec("isc.org", "dnssec-failed.org"),
                PinStore.load(pinFile), ServerPins.publishedPins(catalog.get().all()));
    }

    @Override
    public List<Check> checkPins() throws Exception {
        List<ServerAddress> targets = PinStore.load(pinFile).andRecorded(Doctor.configuredServers(adapter.readState()));
        ServerPins.Result r = ServerPins.system(() -> catalog.get().all(), TIMEOUT).record(targets);
        if (r.problem() != null) {
            throw new java.io.IOException(r.problem());
        }
        return r.pins().stream().map(ServerPins.Recorded::check).toList();
    }

    @Override
    public List<PinRecord> pins() throws Exception {
        return PinStore.load(pinFile).all();
    }

    @Override
    public boolean acceptPin(String server) throws Exception {
        return ServerPins.system(() -> catalog.get().all(), TIMEOUT).accept(ServerAddress.parseReported(server))
                == org.port853.probe.pins.Pinning.Acceptance.ACCEPTED;
    }

    @Override
    public List<BenchResult> bench() throws Exception {
        List<ServerAddress> servers = new ArrayList<>(Doctor.configuredServers(adapter.readState()));
        Map<ServerAddress, String> names = new LinkedHashMap<>();
        for (Provider p : catalog.get().all()) {
            if (!p.ipv4().isEmpty()) {
                ServerAddress s = ServerAddress.of(p.ipv4().get(0), p.tlsName());
                if (!servers.contains(s)) servers.add(s);
                names.put(s, ProviderTexts.name(p));
            }
        }
        return new ProviderBench(probe()).run(servers, names, ProbeOptions.quick(TIMEOUT).withNames(ProbeOptions.POPULAR));
    }

    @Override
    public boolean demo() {
        return false;
    }
}
