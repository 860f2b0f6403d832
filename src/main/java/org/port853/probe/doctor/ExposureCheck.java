package org.port853.probe.doctor;

import java.util.List;
import java.util.stream.Collectors;

/** Is port 53 reachable from other machines? Listening sockets beyond loopback, unless nftables drops them. */
public final class ExposureCheck {
    private ExposureCheck() {
    }

    /** {@code nftJson}: {@code nft -j list ruleset}, or null when nft is missing or not allowed. */
    public static Check of(List<ListeningSockets.Socket> sockets, String nftJson) {
        List<ListeningSockets.Socket> open = sockets.stream().filter(s -> !s.loopback()).collect(Collectors.toList());
        if (open.isEmpty()) {
            return Check.ok("exposure.port53", null, "Nothing listens on port 53 beyond loopback"
                    + (sockets.isEmpty() ? "." : " (" + describe(sockets) + ").")).says("exposure.port53.loopback",
                    describe(sockets), sockets.isEmpty() ? 0 : 1);
        }
        if (Hardening.present(nftJson)) {
            return Check.ok("exposure.port53", null, "Port 53 listens on " + describe(open) + ", and Port853's nftables table "
                    + "inet " + Hardening.TABLE + " drops it on non-loopback interfaces.").says("exposure.port53.hardened",
                    describe(open), "inet " + Hardening.TABLE);
        }
        if (Hardening.inputPolicyDrop(nftJson)) {
            return Check.ok("exposure.port53", null, "Port 53 listens on " + describe(open) + ", but the firewall's input "
                    + "policy is drop.").says("exposure.port53.policy-drop", describe(open));
        }
        return Check.warning("exposure.port53", null, "Port 53 listens on " + describe(open) + " and no firewall rule drops "
                        + "it" + (nftJson == null ? " (the nftables ruleset could not be read)" : "") + ": other machines can query "
                        + "this computer's resolver.", "Drop inbound DNS on non-loopback interfaces (Port853 can add the "
                        + "nftables rule, previewed and reversible), or stop the service that listens.")
                .says("exposure.port53.open", describe(open), nftJson == null ? 1 : 0).withFixAction(FixActions.HARDEN_PORT_53);
    }

    private static String describe(List<ListeningSockets.Socket> s) {
        return s.stream().map(x -> x.protocol() + " " + x.address()).distinct().collect(Collectors.joining(", "));
    }
}
