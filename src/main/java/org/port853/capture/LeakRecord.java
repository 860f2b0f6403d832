package org.port853.capture;

import java.time.Instant;

/**
 * One DNS query message that left (or reached) the machine in plaintext.
 *
 * @param time    capture time of the frame that completed the query
 * @param iface   interface name (or {@code ifN} when only an index is known)
 * @param server  the address the query was sent to (the port-53 end)
 * @param name    query name without the final dot ({@code ""} for a query without a question)
 * @param type    query type mnemonic, e.g. {@code A}, {@code AAAA}, {@code TYPE65534}
 * @param process sending process as {@code name (pid)}, or {@code null} when unknown
 * @param rcode   response code of the response to this query (header RCODE mnemonic: {@code NOERROR},
 *                {@code NXDOMAIN}, {@code SERVFAIL}, {@code REFUSED}, ...), or {@code null} when no response was seen
 */
public record LeakRecord(Instant time, String iface, String server, String name, String type, String process,
                         String rcode) {

    /** A record without a response code. */
    public LeakRecord(Instant time, String iface, String server, String name, String type, String process) {
        this(time, iface, server, name, type, process, null);
    }
}
