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
import org.port853.probe.doctor.ServerChecks;
import org.port853.probe.pins.PinRecord;

/** Sample results for the demo window: nothing is probed. */
public final class DemoDiagnostics implements DiagnosticsService {
    private static final String QUAD9 = "9.9.9.9#dns.quad9.net";

    private static final Instant RECORDED = Instant.parse("2026-11-01T09:00:00Z");

    private final ResolverAdapter adapter;
    /** When Check pins last ran in this demo (the sample pins' "Last checked" follows it). */
    private volatile Instant pinsChecked = RECORDED;

    /** {@code adapter}: the demo's sample machine, whose configuration checks follow what the demo has applied. */
    public DemoDiagnostics(ResolverAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Doctor.Report doctor() {
        // the sample machine as it is after what the demo applied: its servers are "probed", and its configuration
        // goes through the same rules as a real doctor run
        ResolverState state = adapter.readState();
        List<Check> checks = new ArrayList<>();
        for (ServerAddress server : probed(state)) {
            String name = server.tlsName();
            String at = server.dotEndpoint();
            String issuer = issuer(server);
            checks.add(Check.ok("dot.reachable", server.toString(), "TCP " + at + " connected in 11 ms, TLS handshake 24 ms, "
                    + "first answer 13 ms.").says("dot.reachable.ok", at, 11, 24, 13, 1));
            checks.add(ServerChecks.trusted(server.toString(), name, issuer));
            checks.add(Check.ok("tls.version", server.toString(), "TLS 1.3 (TLS_AES_256_GCM_SHA384).")
                    .says("tls.version.1-3", "TLS_AES_256_GCM_SHA384"));
            checks.add(Check.ok("dnssec.validation", server.toString(), "isc.org answered with AD (validated); "
                    + "dnssec-failed.org answered SERVFAIL (broken signature rejected).")
                    .says("dnssec.validation.ok", "isc.org", "dnssec-failed.org"));
        }
        if (state.readable()) {
            checks.addAll(ConfigChecks.of(state, adapter.assess(state).reasons(), Map.of()));
        }
        checks.add(Check.warning("exposure.port53", null, "Port 53 listens on udp 0.0.0.0 and no firewall rule drops it: other "
                        + "machines can query this computer's resolver.", "Drop inbound DNS on non-loopback interfaces "
                        + "(Port853 can add the nftables rule, previewed and reversible), or stop the service that listens.")
                .says("exposure.port53.open", "udp 0.0.0.0", 0, 0).withFixAction(FixActions.HARDEN_PORT_53));
        return new Doctor.Report(checks, List.of(), List.of());
    }

    @Override
    public List<Check> checkPins() {
        pinsChecked = Instant.now();
        return probed(adapter.readState()).stream().map(server -> Check.ok("pin.spki", server.toString(),
                "The server's key matches the tofu pin " + pin(server) + " (demo).")
                .says("pin.spki.matches", pin(server), 0)).toList();
    }

    @Override
    public List<PinRecord> pins() {
        return probed(adapter.readState()).stream().map(server -> new PinRecord(server.toString(), pin(server),
                "tofu", issuer(server), RECORDED, pinsChecked, pin(server))).toList();
    }

    /** The demo's keys never change: nothing to accept. */
    @Override
    public boolean acceptPin(String server) {
        return false;
    }

    /** The servers with a TLS name the sample machine is configured with now; Quad9 (its first setting) when none. */
    private static List<ServerAddress> probed(ResolverState state) {
        List<ServerAddress> named = Doctor.configuredServers(state).stream().filter(s -> s.tlsName() != null)
                .distinct().toList();
        return named.isEmpty() ? List.of(ServerAddress.parse(QUAD9)) : named;
    }

    private static String issuer(ServerAddress server) {
        return "dns.quad9.net".equals(server.tlsName()) ? "DigiCert Global G3 TLS ECC SHA384 2020 CA1" : "Sample CA (demo)";
    }

    /** A sample pin per server: base64 of 32 bytes derived from the server, stable across runs. */
    private static String pin(ServerAddress server) {
        if ("dns.quad9.net".equals(server.tlsName())) {
            return "/SlsviBkb05Y/8XiKF9+CZsgCtrqPQk5bh47o0R3/Cg=";
        }
        return org.port853.probe.dot.SpkiPin.of(server.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public List<BenchResult> bench() {
        return List.of(
                new BenchResult(1, ServerAddress.parse("9.9.9.9#dns.quad9.net"), "Quad9", true, 24.0, 13.0, 19.0, 12.0, 15.0, 40, 0, "TLSv1.3", null, null),
                new BenchResult(2, ServerAddress.parse("1.1.1.1#cloudflare-dns.com"), "Cloudflare", true, 27.0, 14.0, 22.0, 11.0, 14.0, 40, 0, "TLSv1.3", null, null),
                new BenchResult(3, ServerAddress.parse("194.242.2.2#dns.mullvad.net"), "Mullvad", true, 41.0, 30.0, 52.0, 28.0, 33.0, 40, 1, "TLSv1.3", null, null));
    }

    @Override
    public boolean demo() {
        return true;
    }
}
