package org.port853.capture;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The pcap LINKTYPE_ values the frame parser understands (https://www.tcpdump.org/linktypes.html). */
public final class LinkTypes {
    public static final int NULL = 0;          // BSD loopback: 4-byte address family in host byte order
    public static final int ETHERNET = 1;
    public static final int RAW_DLT12 = 12;    // DLT_RAW on most platforms (appears in some files)
    public static final int RAW_DLT14 = 14;    // DLT_RAW on OpenBSD
    public static final int RAW = 101;        // raw IPv4/IPv6, version from the first nibble
    public static final int LOOP = 108;        // OpenBSD loopback: family in network byte order
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;  // carries the interface index

    /** Every supported link type with its LINKTYPE_ name, in number order. */
    private static final Map<Integer, String> SUPPORTED = new TreeMap<>(Map.of(NULL, "NULL", ETHERNET, "ETHERNET",
            RAW_DLT12, "RAW", RAW_DLT14, "RAW", RAW, "RAW", LOOP, "LOOP", LINUX_SLL, "LINUX_SLL", IPV4, "IPV4",
            IPV6, "IPV6", LINUX_SLL2, "LINUX_SLL2"));

    private LinkTypes() {
    }

    public static boolean isSupported(int linkType) {
        return SUPPORTED.containsKey(linkType);
    }

    /** The supported link types for people: {@code 0 NULL, 1 ETHERNET, ...}. */
    public static String supported() {
        return SUPPORTED.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
