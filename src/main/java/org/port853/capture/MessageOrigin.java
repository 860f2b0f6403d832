package org.port853.capture;

/**
 * Where a DNS message that is read later came from: the frame that started it (the first fragment of a datagram, or
 * the TCP segment that arrived before the one it waits for), kept because the frame buffer is reused meanwhile.
 */
final class MessageOrigin {
    long nanos;
    String iface;
    /** Source address at 0, destination at 16, {@link #alen} bytes each. */
    final byte[] addr = new byte[32];
    int alen;
    int srcPort;
    int dstPort;
    boolean toServer;
    boolean clientLocal;
    /** The datagram's UDP length (fragments only): where its payload ends. */
    int udpLength;
    /** A query to a resolver on loopback (TCP messages held for later; fragments are never the stub's). */
    boolean stub;
}
