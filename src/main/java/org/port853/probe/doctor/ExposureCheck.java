package org.port853.probe.doctor;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Is port 53 reachable from other machines? Listening sockets beyond loopback, each with its program, unless nftables
 * drops them. A DNS server that answers other machines on purpose ({@link DnsServerPrograms}) is no fault: hardening
 * stays offered, as a choice that cuts the machines it serves.
 */
public final class ExposureCheck {
    /** The wordings that name DNS servers answering other machines (their third detail). */
    private static final java.util.Set<String> SERVED = java.util.Set.of("exposure.port53.served",
            "exposure.port53.open.served");

    private ExposureCheck() {
    }

    /** {@code nftJson}: {@code nft -j list ruleset}, or null when nft is missing or not allowed. */
    public static Check of(List<ListeningSockets.Socket> sockets, String nftJson) {
        return of(sockets, nftJson, List.of());
    }

    /** As {@link #of(List, String)}, {@code running} naming the DNS server behind a socket whose process was not read. */
    public static Check of(List<ListeningSockets.Socket> sockets, String nftJson,
                           List<org.port853.capture.RunningPrograms.Running> running) {
        return of(sockets, nftJson, () -> running);
    }

    /** As above, the running programs asked for only where a socket's process was not read. */
    static Check of(List<ListeningSockets.Socket> sockets, String nftJson,
                    java.util.function.Supplier<List<org.port853.capture.RunningPrograms.Running>> running) {
        List<ListeningSockets.Socket> open = sockets.stream().filter(s -> !s.loopback()).collect(Collectors.toList());
        if (open.isEmpty()) {
            FirstFew all = describe(sockets);
            return Check.ok("exposure.port53", null, "Nothing listens on port 53 beyond loopback"
                    + (sockets.isEmpty() ? "." : " (" + all.english() + ").")).says("exposure.port53.loopback",
                    all.shown(), sockets.isEmpty() ? 0 : 1, all.more());
        }
        FirstFew listed = describe(open);
        if (Hardening.present(nftJson)) {
            return Check.ok("exposure.port53", null, "Port 53 listens on " + listed.english() + ", and Port853's nftables table "
                    + "inet " + Hardening.TABLE + " drops it on non-loopback interfaces.").says("exposure.port53.hardened",
                    listed.shown(), "inet " + Hardening.TABLE, listed.more());
        }
        if (Hardening.inputPolicyDrop(nftJson)) {
            return Check.ok("exposure.port53", null, "Port 53 listens on " + listed.english() + ", but the firewall's input "
                    + "policy is drop.").says("exposure.port53.policy-drop", listed.shown(), listed.more());
        }
        String unread = nftJson == null ? " (the nftables ruleset could not be read)" : "";
        List<String> served = open.stream().map(s -> DnsServerPrograms.of(s.holder(), running)).toList();
        List<String> servers = served.stream().filter(Objects::nonNull).distinct().toList();
        String named = String.join(", ", servers);
        boolean one = servers.size() == 1;
        if (served.stream().allMatch(Objects::nonNull)) {
            // hardening drops what such a server is there for: it is one choice, said with what it costs
            return Check.ok("exposure.port53", null, "Port 53 listens on " + listed.english() + " and no firewall rule "
                            + "drops it" + unread + ": " + named + (one ? " answers" : " answer") + " other machines, "
                            + "which looks intentional (a local network's or virtual machines' DNS, a Pi-hole); hardening "
                            + "would cut the DNS of the machines " + (one ? "it serves." : "they serve."))
                    .withFix("Nothing to do if " + named + " should serve other machines. If not, stop "
                            + (one ? "it" : "them") + ", or drop inbound DNS on non-loopback interfaces (Port853 can add "
                            + "the nftables rule, previewed and reversible), which cuts every machine "
                            + (one ? "it serves." : "they serve."))
                    .says("exposure.port53.served", listed.shown(), nftJson == null ? 1 : 0, named, servers.size(),
                            listed.more())
                    .withFixAction(FixActions.HARDEN_PORT_53);
        }
        if (!servers.isEmpty()) {
            return Check.warning("exposure.port53", null, "Port 53 listens on " + listed.english() + " and no firewall "
                            + "rule drops it" + unread + ": other machines can query this computer's resolver; "
                            + named + (one ? " answers" : " answer") + " other machines too, which looks intentional.",
                            "Stop the service that should not answer other machines, or drop inbound DNS on "
                            + "non-loopback interfaces (Port853 can add the nftables rule, previewed and reversible), "
                            + "which cuts the DNS of the machines " + named + (one ? " serves" : " serve") + " too.")
                    .says("exposure.port53.open.served", listed.shown(), nftJson == null ? 1 : 0, named, servers.size(),
                            listed.more())
                    .withFixAction(FixActions.HARDEN_PORT_53);
        }
        return Check.warning("exposure.port53", null, "Port 53 listens on " + listed.english() + " and no firewall rule "
                        + "drops it" + unread + ": other machines can query this computer's resolver.",
                        "Drop inbound DNS on non-loopback interfaces (Port853 can add the nftables rule, previewed and "
                        + "reversible), or stop the service that listens.")
                .says("exposure.port53.open", listed.shown(), nftJson == null ? 1 : 0, listed.more()).withFixAction(FixActions.HARDEN_PORT_53);
    }

    /** DNS servers as a check names them: {@code names} joined by commas, {@code count} of them (for the verb's number). */
    public record Servers(String names, int count) {
    }

    /**
     * The DNS servers whose machines Port853's hardening rule would cut, as {@code exposure} names them (its third and
     * fourth details); empty when it names none.
     */
    public static java.util.Optional<Servers> serversCut(Check exposure) {
        return exposure.words().stream().filter(w -> SERVED.contains(w.wording()) && w.details().size() > 3)
                .map(w -> new Servers(w.details().get(2), Integer.parseInt(w.details().get(3)))).findFirst();
    }

    /** The sockets as the evidence names them: the first few, and how many more. */
    private static FirstFew describe(List<ListeningSockets.Socket> s) {
        return FirstFew.of(s.stream().map(ListeningSockets.Socket::said).distinct().toList());
    }
}
