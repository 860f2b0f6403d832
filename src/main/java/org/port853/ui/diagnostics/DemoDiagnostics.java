package org.port853.ui.diagnostics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.ConfigChecks;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.doctor.FixActions;
import org.port853.probe.pins.PinRecord;

/** Sample results for the demo window: nothing is probed. */
public final class DemoDiagnostics implements DiagnosticsService {
    private static final String QUAD9 = "9.9.9.9#dns.quad9.net";

    private final ResolverAdapter adapter;

    /** {@code adapter}: the demo's sample machine, whose configuration checks follow what the demo has applied. */
    public DemoDiagnostics(ResolverAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Doctor.Report doctor() {
        List<Check> checks = new ArrayList<>(List.of(
                Check.ok("dot.reachable", QUAD9, "TCP 9.9.9.9:853 connected in 11 ms, TLS handshake 24 ms, first answer 13 ms.")
                        .says("dot.reachable.ok", "9.9.9.9:853", 11, 24, 13, 1),
                Check.ok("tls.trusted", QUAD9, "Certificate for dns.quad9.net issued by 'DigiCert Global G3 TLS ECC SHA384 2020 "
                        + "CA1', which a trusted authority vouches for.")
                        .says("tls.trusted.ok", "dns.quad9.net", "DigiCert Global G3 TLS ECC SHA384 2020 CA1"),
                Check.ok("tls.version", QUAD9, "TLS 1.3 (TLS_AES_256_GCM_SHA384).").says("tls.version.1-3", "TLS_AES_256_GCM_SHA384"),
                Check.ok("dnssec.validation", QUAD9, "isc.org answered with AD (validated); dnssec-failed.org answered "
                        + "SERVFAIL (broken signature rejected).").says("dnssec.validation.ok", "isc.org", "dnssec-failed.org")));
        // the sample machine's configuration, as it is after what the demo applied: the same rules as a real doctor run
        ResolverState state = adapter.readState();
        if (state.readable()) {
            checks.addAll(ConfigChecks.of(state, adapter.assess(state).reasons(), Map.of()));
        }
        checks.add(Check.warning("exposure.port53", null, "Port 53 listens on udp 0.0.0.0 and no firewall rule drops it: other "
                        + "machines can query this computer's resolver.", "Drop inbound DNS on non-loopback interfaces "
                        + "(Port853 can add the nftables rule, previewed and reversible), or stop the service that listens.")
                .says("exposure.port53.open", "udp 0.0.0.0", 0).withFixAction(FixActions.HARDEN_PORT_53));
        return new Doctor.Report(checks, List.of(), List.of());
    }

    @Override
    public List<Check> checkPins() {
        return List.of(Check.ok("pin.spki", QUAD9, "The server's key matches the tofu pin "
                + "/SlsviBkb05Y/8XiKF9+CZsgCtrqPQk5bh47o0R3/Cg= (demo).").says("pin.spki.matches",
                "/SlsviBkb05Y/8XiKF9+CZsgCtrqPQk5bh47o0R3/Cg=", 0));
    }

    @Override
    public List<PinRecord> pins() {
        Instant t = Instant.parse("2026-11-01T09:00:00Z");
        return List.of(new PinRecord(QUAD9, "/SlsviBkb05Y/8XiKF9+CZsgCtrqPQk5bh47o0R3/Cg=", "tofu", "DigiCert (demo)", t, t,
                "/SlsviBkb05Y/8XiKF9+CZsgCtrqPQk5bh47o0R3/Cg="));
    }

    @Override
    public List<BenchResult> bench() {
        return List.of(
                new BenchResult(1, ServerAddress.parse("9.9.9.9#dns.quad9.net"), "Quad9", true, 24.0, 13.0, 19.0, 12.0, 15.0, 40, 0, "TLSv1.3", null),
                new BenchResult(2, ServerAddress.parse("1.1.1.1#cloudflare-dns.com"), "Cloudflare", true, 27.0, 14.0, 22.0, 11.0, 14.0, 40, 0, "TLSv1.3", null),
                new BenchResult(3, ServerAddress.parse("194.242.2.2#dns.mullvad.net"), "Mullvad", true, 41.0, 30.0, 52.0, 28.0, 33.0, 40, 1, "TLSv1.3", null));
    }

    @Override
    public boolean demo() {
        return true;
    }
}
