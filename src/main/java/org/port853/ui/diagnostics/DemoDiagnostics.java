package org.port853.ui.diagnostics;

import java.time.Instant;
import java.util.List;
import org.port853.core.FixAction;
import org.port853.core.Reason;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.doctor.FixActions;
import org.port853.probe.pins.PinRecord;

/** Sample results for the demo window: nothing is probed. */
public final class DemoDiagnostics implements DiagnosticsService {
    private static final String QUAD9 = "9.9.9.9#dns.quad9.net";

    @Override
    public Doctor.Report doctor() {
        Reason bypass = new Reason("LINK_PLAINTEXT_DEFAULT_ROUTE", Severity.WARNING, "Link wlan0 has DNS 192.168.1.1 with "
                + "default route and DoT unset: queries can leave there in plaintext.", "Route all domains to the encrypted "
                + "servers so every query goes to them (port853 apply --mode strict --provider ID --all-domains).", FixAction.ROUTE_ALL_DOMAINS,
                List.of("wlan0", "192.168.1.1"));
        return new Doctor.Report(List.of(
                Check.ok("dot.reachable", QUAD9, "TCP 9.9.9.9:853 connected in 11 ms, TLS handshake 24 ms, first answer 13 ms.")
                        .says("dot.reachable.ok", "9.9.9.9:853", 11, 24, 13, 1),
                Check.ok("tls.trusted", QUAD9, "Certificate for dns.quad9.net issued by 'DigiCert Global G3 TLS ECC SHA384 2020 "
                        + "CA1', which a trusted authority vouches for.")
                        .says("tls.trusted.ok", "dns.quad9.net", "DigiCert Global G3 TLS ECC SHA384 2020 CA1"),
                Check.ok("tls.version", QUAD9, "TLS 1.3 (TLS_AES_256_GCM_SHA384).").says("tls.version.1-3", "TLS_AES_256_GCM_SHA384"),
                Check.ok("dnssec.validation", QUAD9, "isc.org answered with AD (validated); dnssec-failed.org answered "
                        + "SERVFAIL (broken signature rejected).").says("dnssec.validation.ok", "isc.org", "dnssec-failed.org"),
                Check.warning("config.link-bypass", null, bypass.message(), bypass.fix()).repeats(List.of(bypass))
                        .withFixAction(FixActions.ROUTE_ALL_DOMAINS),
                Check.warning("exposure.port53", null, "Port 53 listens on udp 0.0.0.0 and no firewall rule drops it: other "
                                + "machines can query this computer's resolver.", "Drop inbound DNS on non-loopback interfaces "
                                + "(Port853 can add the nftables rule, previewed and reversible), or stop the service that listens.")
                        .says("exposure.port53.open", "udp 0.0.0.0", 0).withFixAction(FixActions.HARDEN_PORT_53)),
                List.of(), List.of());
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
