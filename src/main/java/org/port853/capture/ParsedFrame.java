package org.port853.capture;

/**
 * The result of {@link FrameParser#parse}: a mutable holder reused for every frame on the hot path, so parsing
 * allocates nothing. Address fields are offsets into {@link #buf()}, valid until the next parse.
 */
public final class ParsedFrame {
    /** How far parsing got. Only {@link #PORTS} frames are counted. */
    public enum Outcome {
        /** Transport ports were read (the payload may still be truncated). */
        PORTS,
        /** Not IPv4/IPv6 (ARP, LLDP, ...). */
        NOT_IP,
        /** IP, but neither UDP nor TCP (ICMP, ESP, no next header, ...). */
        OTHER_TRANSPORT,
        /** A non-first IP fragment: it carries no ports. */
        NON_FIRST_FRAGMENT,
        /**
         * The first fragment of a fragmented packet that carries a tunnel (IP-in-IP, 6in4, GRE): the inner packet is
         * read once the packet is reassembled ({@link FrameParser#parseTunnel}); {@link #payloadOffset()} is where the
         * tunnel's payload starts.
         */
        TUNNEL_FRAGMENT,
        /** See {@link #error()}. */
        MALFORMED
    }

    public static final int UDP = 17;
    public static final int TCP = 6;
    /** IPsec authentication header (RFC 4302): the payload after it is clear. */
    public static final int AUTHENTICATION_HEADER = 51;

    Outcome outcome;
    FrameError error;
    byte[] buf;
    int ipVersion;
    int srcOff;
    int dstOff;
    int protocol;
    int srcPort;
    int dstPort;
    int payloadOff;
    int payloadLen;
    boolean payloadTruncated;
    boolean firstFragment;
    boolean tcpHeaderComplete;
    long tcpSeq;
    int tcpFlags;
    int ifIndex;
    /** Captured on the loopback interface (SLL2 hardware type ARPHRD_LOOPBACK). */
    boolean loopback;
    int packetType;
    int fragId;
    int fragOffset;
    boolean fragMore;
    int transportOff;
    int udpLength;
    int ipLength;
    /** The protocol a fragment's IP header (IPv6: its fragment header) names: the transport, or e.g. IPsec AH. */
    int fragProtocol;
    /** Where the fragmentable part of the datagram starts (after the IPv4 header or the IPv6 fragment header). */
    int fragDataOff;
    /** Tunnels opened to reach the packet whose fields these are. */
    int tunnels;

    /** SLL2 packet type: a packet sent by this machine. */
    public static final int OUTGOING = 4;
    /** SLL2 packet type: a packet addressed to this machine (what pcapng's "inbound" flag means). */
    public static final int TO_US = 0;

    /** Like {@link #reset}, but keeps what the link layer said (interface, loopback, packet type). */
    void resetKeepingLink(byte[] b) {
        int index = ifIndex;
        boolean onLoopback = loopback;
        int type = packetType;
        reset(b);
        ifIndex = index;
        loopback = onLoopback;
        packetType = type;
    }

    void reset(byte[] b) {
        outcome = Outcome.MALFORMED;
        error = null;
        buf = b;
        ipVersion = 0;
        srcOff = dstOff = 0;
        protocol = 0;
        srcPort = dstPort = -1;
        payloadOff = payloadLen = 0;
        payloadTruncated = false;
        tcpHeaderComplete = false;
        tcpSeq = 0;
        tcpFlags = 0;
        ifIndex = -1;
        loopback = false;
        packetType = -1;
        transportOff = 0;
        udpLength = 0;
        ipLength = 0;
        tunnels = 0;
        enterTunnel();
    }

    /** Forgets the outer packet's fragment fields: the inner packet says whether it is fragmented. */
    void enterTunnel() {
        firstFragment = false;
        fragId = 0;
        fragOffset = 0;
        fragMore = false;
        fragProtocol = 0;
        fragDataOff = 0;
    }

    public Outcome outcome() { return outcome; }
    public FrameError error() { return error; }
    public byte[] buf() { return buf; }
    public int ipVersion() { return ipVersion; }
    public int addressLength() { return ipVersion == 6 ? 16 : 4; }
    public int srcOffset() { return srcOff; }
    public int dstOffset() { return dstOff; }
    /** IP protocol number of the transport: {@link #UDP} or {@link #TCP} when the outcome is PORTS. */
    public int protocol() { return protocol; }
    public int srcPort() { return srcPort; }
    public int dstPort() { return dstPort; }
    public int payloadOffset() { return payloadOff; }
    /** Transport payload bytes present in the capture (bounded by the IP and UDP lengths). */
    public int payloadLength() { return payloadLen; }
    /** The capture holds fewer payload bytes than the headers announce (snap length, or a first fragment). */
    public boolean payloadTruncated() { return payloadTruncated; }
    /** First fragment of a fragmented datagram (more fragments follow). */
    public boolean firstFragment() { return firstFragment; }
    public boolean tcpHeaderComplete() { return tcpHeaderComplete; }
    public long tcpSeq() { return tcpSeq; }
    public int tcpFlags() { return tcpFlags; }
    /** SLL2 packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us), or -1. */
    public int packetType() { return packetType; }
    /** IP identification (IPv4) or fragment-header identification (IPv6) of a fragment. */
    public int fragId() { return fragId; }
    /** Byte offset of a non-first fragment's data in its datagram. */
    public int fragOffset() { return fragOffset; }
    public boolean fragMore() { return fragMore; }
    /** How many tunnels (IP-in-IP, GRE) were opened to reach the packet described. */
    public int tunnels() { return tunnels; }
    /** Interface index from an SLL2 header, or -1. */
    public int ifIndex() { return ifIndex; }

    /**
     * The scope of this frame's link-local addresses for {@link LocalAddresses#isLocal(byte[], int, int, int)}: the
     * interface index, or -1 (any scope) when it is unknown or the frame is on loopback, where this machine talks to
     * itself from any of its addresses, fe80::…%wlan0 included.
     */
    int linkScope() {
        return loopback ? -1 : ifIndex;
    }

    public byte[] srcAddress() {
        return java.util.Arrays.copyOfRange(buf, srcOff, srcOff + addressLength());
    }

    public byte[] dstAddress() {
        return java.util.Arrays.copyOfRange(buf, dstOff, dstOff + addressLength());
    }

    @Override
    public String toString() {
        return outcome == Outcome.MALFORMED ? "MALFORMED(" + error + ")"
                : outcome + " v" + ipVersion + " proto " + protocol + " " + srcPort + "->" + dstPort
                  + " payload " + payloadLen + (payloadTruncated ? " (truncated)" : "");
    }
}
