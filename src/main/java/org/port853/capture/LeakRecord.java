package org.port853.capture;

import java.time.Instant;

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
 */
public record LeakRecord(Instant time, String iface, String server, String name, String type, String process,
                         String rcode, long id) {
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

    /** The program that asked: the first of a {@code a → b} chain, without the pid; "unknown" when not known. */
    public String program() {
        if (process == null || process.isBlank()) {
            return "unknown";
        }
        String first = process.split(" → ", 2)[0].strip();
        int paren = first.lastIndexOf(" (");
        return paren > 0 ? first.substring(0, paren) : first;
    }

    public LeakRecord withRcode(String r) {
        return new LeakRecord(time, iface, server, name, type, process, r, id);
    }

    public LeakRecord withProcess(String p) {
        return new LeakRecord(time, iface, server, name, type, p, rcode, id);
    }
}
