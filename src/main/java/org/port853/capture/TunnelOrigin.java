package org.port853.capture;

/**
 * Where a tunnel packet fragmented on the outside came from: its first fragment's capture context, kept until the
 * packet is reassembled ({@link IpFragments}) and its inner packet is read.
 */
final class TunnelOrigin {
    long nanos;
    String iface;
    /** The capture file's interface id, or -1 ({@link PacketPipeline#accept}). */
    int captureIf;
    int ifIndex;
    boolean loopback;
    int packetType;
    /** The tunnel's IP protocol: 4, 41 or 47. */
    int protocol;
}
