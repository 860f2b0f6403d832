package org.port853.capture;

import java.time.Instant;

/**
 * A leaked query as seen by the capture, before process attribution.
 *
 * @param protocol    {@link ParsedFrame#UDP} or {@link ParsedFrame#TCP}
 * @param client      raw address of the querying end
 * @param clientPort  port of the querying end
 * @param clientLocal whether the querying end is on this machine (only then can a process be found)
 * @param rcode       response code of the matching response ({@code NOERROR}, {@code NXDOMAIN}, ...), or
 *                    {@code null} when no response was seen (yet)
 * @param seq         capture order of the query (0, 1, 2, ... per pipeline); an update carries the same seq
 */
public record LeakCandidate(Instant time, String iface, String server, String name, String type, int protocol,
                            byte[] client, int clientPort, boolean clientLocal, String rcode, long seq) {

    public LeakRecord toRecord(String process) {
        return new LeakRecord(time, iface, server, name, type, process, rcode, seq);
    }

    LeakCandidate withRcode(String r) {
        return new LeakCandidate(time, iface, server, name, type, protocol, client, clientPort, clientLocal, r, seq);
    }
}
