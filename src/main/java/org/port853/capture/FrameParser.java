package org.port853.capture;

/**
 * Parses untrusted link-layer frames down to the transport ports without allocating. Every read is checked
 * against the captured length first; a frame that ends too early or carries impossible lengths gives
 * {@link ParsedFrame.Outcome#MALFORMED} with a {@link FrameError}, never an exception.
 *
 * <p>Link types: Ethernet (802.1Q/802.1ad/QinQ tags), Linux SLL and SLL2, BSD NULL/LOOP, raw IP. IPv4 with
 * options and fragments (RFC 791), IPv6 with extension headers (RFC 8200 §4), IPsec authentication headers in
 * both, UDP and TCP. Tunnels are opened, at most {@link #MAX_TUNNELS} deep, and their inner packet is parsed: IPv4 or
 * IPv6 in IPv4 or IPv6 (IP-in-IP, RFC 2003; 6in4, RFC 4213) and GRE (RFC 2784, with RFC 2890's key and sequence
 * number; an Ethernet frame inside, as gretap bridges it).
 */
public final class FrameParser {
    private static final int MAX_VLAN_TAGS = 8;
    private static final int MAX_EXT_HEADERS = 16;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int AUTHENTICATION_HEADER = ParsedFrame.AUTHENTICATION_HEADER;
    static final int IPV4_IN_IP = 4;
    static final int IPV6_IN_IP = 41;
    static final int GRE = 47;
    /** GRE's protocol type for a whole Ethernet frame (gretap, ip6gretap; RFC 1701's transparent bridging). */
    private static final int TRANSPARENT_ETHERNET_BRIDGING = 0x6558;
    /** A tunnel inside a tunnel is still opened; deeper nesting is refused, so a crafted packet cannot recurse. */
    static final int MAX_TUNNELS = 2;

    /** Parses {@code capLen} bytes of {@code b} from {@code off} as a frame of {@code linkType} into {@code f}. */
    public void parse(int linkType, byte[] b, int off, int capLen, ParsedFrame f) {
        f.reset(b);
        if (off < 0 || capLen < 0 || off > b.length - capLen) {
            malformed(f, FrameError.TRUNCATED_LINK_HEADER);
            return;
        }
        int end = off + capLen;
        switch (linkType) {
            case LinkTypes.ETHERNET -> ethernet(b, off, end, f);
            case LinkTypes.LINUX_SLL -> {
                if (capLen < 16) {
                    malformed(f, FrameError.TRUNCATED_LINK_HEADER);
                } else {
                    etherType(b, u16(b, off + 14), off + 16, end, f, 0);
                }
            }
            case LinkTypes.LINUX_SLL2 -> {
                if (capLen < 20) {
                    malformed(f, FrameError.TRUNCATED_LINK_HEADER);
                } else {
                    f.ifIndex = (int) u32(b, off + 4);
                    f.loopback = u16(b, off + 8) == ARPHRD_LOOPBACK;
                    f.packetType = b[off + 10] & 0xff;
                    etherType(b, u16(b, off), off + 20, end, f, 0);
                }
            }
            case LinkTypes.NULL, LinkTypes.LOOP -> {
                if (capLen < 4) {
                    malformed(f, FrameError.TRUNCATED_LINK_HEADER);
                    return;
                }
                // NULL is host byte order of the writer: accept both orders (families are < 256)
                int fam = linkType == LinkTypes.LOOP ? (int) u32(b, off)
                        : ((b[off] & 0xff) != 0 ? (b[off] & 0xff) : (b[off + 3] & 0xff));
                switch (fam) {
                    case 2 -> ipv4(b, off + 4, end, f);
                    case 10, 24, 28, 30 -> ipv6(b, off + 4, end, f);
                    default -> f.outcome = ParsedFrame.Outcome.NOT_IP;
                }
            }
            case LinkTypes.RAW, LinkTypes.RAW_DLT12, LinkTypes.RAW_DLT14 -> rawIp(b, off, end, f);
            case LinkTypes.IPV4 -> ipv4(b, off, end, f);
            case LinkTypes.IPV6 -> ipv6(b, off, end, f);
            default -> malformed(f, FrameError.UNSUPPORTED_LINK_TYPE);
        }
    }

    private static void ethernet(byte[] b, int off, int end, ParsedFrame f) {
        if (end - off < 14) {
            malformed(f, FrameError.TRUNCATED_LINK_HEADER);
            return;
        }
        etherType(b, u16(b, off + 12), off + 14, end, f, 0);
    }

    private static final int MAX_MPLS_LABELS = 8;

    private static void etherType(byte[] b, int type, int p, int end, ParsedFrame f, int tags) {
        while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
            if (++tags > MAX_VLAN_TAGS) {
                malformed(f, FrameError.TOO_MANY_VLAN_TAGS);
                return;
            }
            if (end - p < 4) {
                malformed(f, FrameError.TRUNCATED_LINK_HEADER);
                return;
            }
            type = u16(b, p + 2);
            p += 4;
        }
        switch (type) {
            case 0x0800 -> ipv4(b, p, end, f);
            case 0x86dd -> ipv6(b, p, end, f);
            case 0x8864 -> pppoeSession(b, p, end, f);
            case 0x8847, 0x8848 -> mpls(b, p, end, f);
            default -> f.outcome = ParsedFrame.Outcome.NOT_IP;
        }
    }

    /** PPPoE session stage (RFC 2516 §4): 6-byte header, then the PPP protocol field (RFC 1661). */
    private static void pppoeSession(byte[] b, int p, int end, ParsedFrame f) {
        if (end - p < 8) {
            malformed(f, FrameError.TRUNCATED_LINK_HEADER);
            return;
        }
        switch (u16(b, p + 6)) {
            case 0x0021 -> ipv4(b, p + 8, end, f);
            case 0x0057 -> ipv6(b, p + 8, end, f);
            default -> f.outcome = ParsedFrame.Outcome.NOT_IP;
        }
    }

    /** MPLS label stack (RFC 3032): 4-byte entries up to the bottom-of-stack bit, then IP by its version nibble. */
    private static void mpls(byte[] b, int p, int end, ParsedFrame f) {
        for (int n = 0; ; n++) {
            if (n >= MAX_MPLS_LABELS) {
                malformed(f, FrameError.TOO_MANY_VLAN_TAGS);
                return;
            }
            if (end - p < 4) {
                malformed(f, FrameError.TRUNCATED_LINK_HEADER);
                return;
            }
            boolean bottom = (b[p + 2] & 0x01) != 0;
            p += 4;
            if (bottom) {
                break;
            }
        }
        ipByVersion(b, p, end, f, true); // under MPLS anything else is a pseudowire or other payload
    }

    private static void rawIp(byte[] b, int p, int end, ParsedFrame f) {
        ipByVersion(b, p, end, f, false);
    }

    /** IP by its version nibble; anything else is {@code NOT_IP} where other payloads may follow, else malformed. */
    private static void ipByVersion(byte[] b, int p, int end, ParsedFrame f, boolean otherPayloadAllowed) {
        if (end - p < 1) {
            malformed(f, FrameError.TRUNCATED_IP_HEADER);
            return;
        }
        switch ((b[p] & 0xf0) >> 4) {
            case 4 -> ipv4(b, p, end, f);
            case 6 -> ipv6(b, p, end, f);
            default -> {
                if (otherPayloadAllowed) {
                    f.outcome = ParsedFrame.Outcome.NOT_IP;
                } else {
                    malformed(f, FrameError.BAD_IP_VERSION);
                }
            }
        }
    }

    private static void ipv4(byte[] b, int p, int end, ParsedFrame f) {
        if (end - p < 20) {
            malformed(f, FrameError.TRUNCATED_IP_HEADER);
            return;
        }
        if ((b[p] & 0xf0) != 0x40) {
            malformed(f, FrameError.BAD_IP_VERSION);
            return;
        }
        int ihl = (b[p] & 0x0f) * 4;
        if (ihl < 20) {
            malformed(f, FrameError.BAD_IP_HEADER_LENGTH);
            return;
        }
        if (end - p < ihl) {
            malformed(f, FrameError.TRUNCATED_IP_HEADER);
            return;
        }
        int total = u16(b, p + 2);
        if (total == 0) {
            total = end - p; // TCP segmentation offload on the sending host leaves 0 here
        } else if (total < ihl) {
            malformed(f, FrameError.BAD_IP_TOTAL_LENGTH);
            return;
        }
        f.ipVersion = 4;
        f.srcOff = p + 12;
        f.dstOff = p + 16;
        int frag = u16(b, p + 6);
        boolean more = (frag & 0x2000) != 0;
        int fragOffset = frag & 0x1fff;
        int proto = b[p + 9] & 0xff;
        int ipEnd = p + total;
        f.fragId = u16(b, p + 4);
        f.fragMore = more;
        f.ipLength = total;
        f.fragProtocol = proto;
        f.fragDataOff = p + ihl;
        if (fragOffset != 0) {
            f.protocol = proto;
            f.fragOffset = fragOffset * 8;
            f.payloadOff = p + ihl;
            f.payloadLen = Math.max(0, Math.min(ipEnd, end) - p - ihl);
            f.payloadTruncated = ipEnd > end;
            f.outcome = ParsedFrame.Outcome.NON_FIRST_FRAGMENT;
            return;
        }
        f.firstFragment = more;
        boolean truncated = ipEnd > end;
        int q = p + ihl;
        int limit = Math.min(ipEnd, end);
        if (proto == AUTHENTICATION_HEADER) { // IPsec AH in transport mode (RFC 4302 §3.1.1): the payload is clear
            int after = afterAuthenticationHeader(b, q, limit, f);
            if (after < 0) {
                return;
            }
            proto = b[q] & 0xff;
            q = after;
        }
        transport(b, proto, q, limit, truncated || more, f);
    }

    /**
     * The offset after the IPsec authentication header at {@code q} (RFC 4302 §2.2: its length field counts 4-octet
     * units minus 2), or -1 with {@code f} marked malformed when it does not fit before {@code limit}.
     */
    private static int afterAuthenticationHeader(byte[] b, int q, int limit, ParsedFrame f) {
        int len = limit - q < 8 ? Integer.MAX_VALUE : ((b[q + 1] & 0xff) + 2) * 4;
        if (limit - q < len) {
            malformed(f, FrameError.BAD_EXTENSION_HEADER);
            return -1;
        }
        return q + len;
    }

    private static void ipv6(byte[] b, int p, int end, ParsedFrame f) {
        if (end - p < 40) {
            malformed(f, FrameError.TRUNCATED_IP_HEADER);
            return;
        }
        if ((b[p] & 0xf0) != 0x60) {
            malformed(f, FrameError.BAD_IP_VERSION);
            return;
        }
        f.ipVersion = 6;
        f.srcOff = p + 8;
        f.dstOff = p + 24;
        int payload = u16(b, p + 4);
        f.ipLength = payload;
        int ipEnd = payload == 0 ? end : p + 40 + payload; // 0: jumbogram or offload; use what we have
        boolean truncated = ipEnd > end;
        int limit = Math.min(ipEnd, end);
        int next = b[p + 6] & 0xff;
        int q = p + 40;
        boolean more = false;
        for (int n = 0; ; n++) {
            if (n > MAX_EXT_HEADERS) {
                malformed(f, FrameError.BAD_EXTENSION_HEADER);
                return;
            }
            switch (next) {
                case 0, 43, 60, 135, 139, 140 -> { // hop-by-hop, routing, destination, mobility, HIP, shim6
                    if (limit - q < 8) {
                        malformed(f, FrameError.BAD_EXTENSION_HEADER);
                        return;
                    }
                    int len = ((b[q + 1] & 0xff) + 1) * 8;
                    if (limit - q < len) {
                        malformed(f, FrameError.BAD_EXTENSION_HEADER);
                        return;
                    }
                    next = b[q] & 0xff;
                    q += len;
                }
                case AUTHENTICATION_HEADER -> {
                    int after = afterAuthenticationHeader(b, q, limit, f);
                    if (after < 0) {
                        return;
                    }
                    next = b[q] & 0xff;
                    q = after;
                }
                case 44 -> { // fragment
                    if (limit - q < 8) {
                        malformed(f, FrameError.BAD_EXTENSION_HEADER);
                        return;
                    }
                    int fo = u16(b, q + 2);
                    next = b[q] & 0xff;
                    f.fragId = (int) u32(b, q + 4);
                    f.fragMore = (fo & 1) != 0;
                    q += 8;
                    f.fragProtocol = next;
                    f.fragDataOff = q;
                    if ((fo & 0xfff8) != 0) {
                        f.protocol = next;
                        f.fragOffset = fo & 0xfff8;
                        f.payloadOff = q;
                        f.payloadLen = limit - q;
                        f.payloadTruncated = truncated;
                        f.outcome = ParsedFrame.Outcome.NON_FIRST_FRAGMENT;
                        return;
                    }
                    more = (fo & 1) != 0;
                    f.firstFragment = more;
                }
                default -> {
                    transport(b, next, q, limit, truncated || more, f);
                    return;
                }
            }
        }
    }

    private static void transport(byte[] b, int proto, int p, int end, boolean truncated, ParsedFrame f) {
        f.protocol = proto;
        if (proto != ParsedFrame.UDP && proto != ParsedFrame.TCP) {
            switch (proto) {
                case IPV4_IN_IP, IPV6_IN_IP, GRE -> tunnel(b, proto, p, end, f);
                default -> f.outcome = ParsedFrame.Outcome.OTHER_TRANSPORT;
            }
            return;
        }
        if (end - p < 4) {
            malformed(f, FrameError.TRUNCATED_TRANSPORT_HEADER);
            return;
        }
        f.srcPort = u16(b, p);
        f.dstPort = u16(b, p + 2);
        f.outcome = ParsedFrame.Outcome.PORTS;
        if (proto == ParsedFrame.UDP) {
            if (end - p < 8) {
                f.payloadOff = end;
                f.payloadTruncated = true;
                return;
            }
            int udpLen = u16(b, p + 4);
            f.transportOff = p;
            f.udpLength = udpLen;
            int avail = end - p - 8;
            f.payloadOff = p + 8;
            if (udpLen >= 8) {
                f.payloadLen = Math.min(udpLen - 8, avail);
                f.payloadTruncated = truncated || udpLen - 8 > avail;
            } else {
                f.payloadLen = avail; // 0 (jumbogram) or bogus: take what the IP layer holds
                f.payloadTruncated = truncated;
            }
        } else {
            if (end - p < 20) {
                f.payloadOff = end;
                f.payloadTruncated = true;
                return;
            }
            int hl = ((b[p + 12] & 0xf0) >> 4) * 4;
            f.transportOff = p;
            f.tcpSeq = u32(b, p + 4);
            f.tcpFlags = b[p + 13] & 0xff;
            if (hl < 20 || end - p < hl) {
                f.payloadOff = end;
                f.payloadTruncated = true;
                return;
            }
            f.tcpHeaderComplete = true;
            f.payloadOff = p + hl;
            f.payloadLen = end - p - hl;
            f.payloadTruncated = truncated;
        }
    }

    /**
     * Parses {@code len} bytes of {@code b} from {@code off}, the payload of a tunnel of IP protocol {@code protocol}
     * (a reassembled {@link ParsedFrame.Outcome#TUNNEL_FRAGMENT}, or such a first fragment read as far as it goes), as
     * the inner packet of a frame into {@code f}, keeping what its link layer said.
     */
    public void parseTunnel(int protocol, byte[] b, int off, int len, ParsedFrame f) {
        f.resetKeepingLink(b);
        if (off < 0 || len < 0 || off > b.length - len) {
            malformed(f, FrameError.TRUNCATED_TUNNEL_HEADER);
            return;
        }
        tunnel(b, protocol, off, off + len, f);
    }

    /**
     * The packet inside a tunnel, parsed in place of the outer one: its addresses, ports and fragments are the inner
     * packet's. A tunnel whose outermost packet is fragmented is left to be reassembled first
     * ({@link ParsedFrame.Outcome#TUNNEL_FRAGMENT}).
     */
    private static void tunnel(byte[] b, int proto, int p, int end, ParsedFrame f) {
        if (f.tunnels == 0 && f.firstFragment) {
            f.outcome = ParsedFrame.Outcome.TUNNEL_FRAGMENT;
            f.protocol = proto;
            f.transportOff = p;
            f.payloadOff = p;
            f.payloadLen = end - p;
            return;
        }
        if (f.tunnels >= MAX_TUNNELS) {
            malformed(f, FrameError.TOO_MANY_TUNNELS);
            return;
        }
        f.tunnels++;
        f.enterTunnel();
        switch (proto) {
            case IPV4_IN_IP -> ipv4(b, p, end, f);
            case IPV6_IN_IP -> ipv6(b, p, end, f);
            default -> gre(b, p, end, f);
        }
    }

    /**
     * GRE (RFC 2784; key and sequence number, RFC 2890) carrying IPv4, IPv6 or an Ethernet frame (read as the outer
     * one is, VLAN tags included). Source routing (RFC 1701) and other versions (1 is PPTP's) carry no IP to read.
     */
    private static void gre(byte[] b, int p, int end, ParsedFrame f) {
        if (end - p < 4) {
            malformed(f, FrameError.TRUNCATED_TUNNEL_HEADER);
            return;
        }
        int flags = u16(b, p);
        if ((flags & 0x4007) != 0) {
            f.outcome = ParsedFrame.Outcome.OTHER_TRANSPORT;
            return;
        }
        int len = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0) + ((flags & 0x1000) != 0 ? 4 : 0);
        if (end - p < len) {
            malformed(f, FrameError.TRUNCATED_TUNNEL_HEADER);
            return;
        }
        switch (u16(b, p + 2)) {
            case 0x0800 -> ipv4(b, p + len, end, f);
            case 0x86dd -> ipv6(b, p + len, end, f);
            case TRANSPARENT_ETHERNET_BRIDGING -> ethernet(b, p + len, end, f);
            default -> f.outcome = ParsedFrame.Outcome.OTHER_TRANSPORT;
        }
    }

    private static void malformed(ParsedFrame f, FrameError e) {
        f.outcome = ParsedFrame.Outcome.MALFORMED;
        f.error = e;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    static long u64(byte[] b, int i) {
        return (long) BIG_ENDIAN_LONG.get(b, i);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }
}
