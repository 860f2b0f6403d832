package org.port853.capture;

import java.time.Instant;

/**
 * A leaked query as seen by the capture thread, before process attribution.
 *
 * @param protocol    {@link ParsedFrame#UDP} or {@link ParsedFrame#TCP}
 * @param client      raw address of the querying end
 * @param clientPort  port of the querying end
 * @param clientLocal whether the querying end is on this machine (only then can a process be found)
 */
public record LeakCandidate(Instant time, String iface, String server, String name, String type, int protocol,
                            byte[] client, int clientPort, boolean clientLocal) {

    public LeakRecord toRecord(String process) {
        return new LeakRecord(time, iface, server, name, type, process);
    }
}
