package org.port853.capture;

import java.time.Instant;

import org.port853.core.InvalidInputException;
import org.port853.core.IpAddresses;
import org.port853.core.LocalOnlyNames;

/**
 * One DNS query message that left (or reached) the machine in plaintext.
 *
 * @param time    capture time of the frame that completed the query
 * @param iface   interface name (or {@code ifN} when only an index is known)
 * @param server  the address the query was sent to (the server-port end)
 * @param name    query name without the final dot ({@code ""} for a query without a question,
 *                {@link #UNREADABLE} when the question could not be read)
 * @param type    query type mnemonic, e.g. {@code A}, {@code AAAA}, {@code TYPE65534} ({@code ""} when unreadable)
 * @param process sending program as {@code name (pid)}, for a query of systemd-resolved the asking program first
 *                ({@code dig (812) → systemd-resolved (97)}), or {@code null} when unknown
 * @param rcode   response code of the response to this query (header RCODE mnemonic: {@code NOERROR},
 *                {@code NXDOMAIN}, {@code SERVFAIL}, {@code REFUSED}, ...), or {@code null} when none was seen (yet)
 * @param id      identifies the entry within its session, so an update (response code) replaces it; -1 if none
 * @param sender  the program whose socket sent the query ({@code systemd-resolved (97)}), {@code uid 1000 (alice)}
 *                when only the socket's owner is known, or {@code null} when unknown
 * @param requestedBy for a query sent by systemd-resolved: the program that asked its stub for the same name just
 *                before ({@code dig (812)}), else {@code null}
 */
public record LeakRecord(Instant time, String iface, String server, String name, String type, String process,
                         String rcode, long id, String sender, String requestedBy) {
    /** A record without sender details. */
    public LeakRecord(Instant time, String iface, String server, String name, String type, String process,
                      String rcode, long id) {
        this(time, iface, server, name, type, process, rcode, id, null, null);
    }

    /** The name of a query whose question could not be read (cut by the snap length, bad or looping labels). */
    public static final String UNREADABLE = "<unreadable>";

    /** A record without an id. */
    public LeakRecord(Instant time, String iface, String server, String name, String type, String process,
                      String rcode) {
        this(time, iface, server, name, type, process, rcode, -1);
    }

    /** A record without a response code. */
    public LeakRecord(Instant time, String iface, String server, String name, String type, String process) {
        this(time, iface, server, name, type, process, null, -1);
    }

    public boolean nameReadable() {
        return !UNREADABLE.equals(name);
    }

    /**
     * A query for a name that exists only on the local network ({@link LocalOnlyNames}) sent to a server on the local
     * network: plaintext by design, answered by the router, never seen by the internet's DNS, so not a leak that
     * makes the state "Leaking" or counts in the tray.
     */
    public boolean localNetworkName() {
        if (!nameReadable() || name == null || name.isEmpty() || server == null || !LocalOnlyNames.contains(name)) {
            return false;
        }
        try {
            return IpAddresses.isLocalNetwork(IpAddresses.parse(server));
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** How a program that could not be found is named: as a whole record's program, or as one hop of a chain. */
    public static final String UNKNOWN_PROGRAM = "unknown";

    /** The program that asked: the first of a {@code a → b} chain, without the pid; "unknown" when not known. */
    public String program() {
        return programName(process == null ? null : process.split(" → ", 2)[0]);
    }

    /** "dig" of "dig (812)"; a socket owner without a process ("uid 1000 (alice)") stays whole; null → "unknown". */
    public static String programName(String s) {
        if (s == null || s.isBlank()) {
            return UNKNOWN_PROGRAM;
        }
        String first = s.strip();
        if (first.startsWith("uid ")) {
            return first;
        }
        int paren = first.lastIndexOf(" (");
        return paren > 0 ? first.substring(0, paren) : first;
    }

    /** The way the query took, e.g. {@code dig → systemd-resolved → 198.18.53.4 (plaintext)}. */
    public String chain() {
        String who = process == null || process.isBlank() ? UNKNOWN_PROGRAM : String.join(" → ",
                java.util.Arrays.stream(process.split(" → ")).map(LeakRecord::programName).toList());
        return who + " → " + server + " (plaintext)";
    }

    public LeakRecord withRcode(String r) {
        return new LeakRecord(time, iface, server, name, type, process, r, id, sender, requestedBy);
    }

    public LeakRecord withProcess(String p) {
        return new LeakRecord(time, iface, server, name, type, p, rcode, id, sender, requestedBy);
    }

    /** The sending program and, for a resolver's upstream query, the program that asked it; process = the chain. */
    public LeakRecord withSender(String sender, String requestedBy) {
        String p = requestedBy == null ? sender : requestedBy + " → " + (sender == null ? UNKNOWN_PROGRAM : sender);
        return new LeakRecord(time, iface, server, name, type, p, rcode, id, sender, requestedBy);
    }
}
