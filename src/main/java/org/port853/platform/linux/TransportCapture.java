package org.port853.platform.linux;

/**
 * Watches this machine's DNS packets while a lookup runs: the proof of the transport on resolved versions whose
 * replies do not say it (before 248). Needs root (the privileged helper runs the health check).
 */
interface TransportCapture {
    /**
     * What went over the wire while {@code lookup} ran: packets on port 853, packets on port 53 to or from
     * another machine (the stub's own loopback traffic is not counted), or why nothing could be watched.
     */
    record Evidence(long tlsPackets, long plaintextPackets, String unavailable) {
        boolean watched() {
            return unavailable == null;
        }

        static Evidence unavailable(String why) {
            return new Evidence(0, 0, why);
        }
    }

    Evidence observe(Runnable lookup);
}
