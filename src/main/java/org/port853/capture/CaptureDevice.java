package org.port853.capture;

/**
 * One libpcap device a live capture opens.
 *
 * @param pcapName the name libpcap knows ({@code any}, {@code eth0}, Npcap's {@code \Device\NPF_{GUID}})
 * @param label    the interface name its frames are counted under (an SLL2 interface index overrides it)
 * @param linkType the link type to select after activation, or {@link #DEFAULT_LINK_TYPE} to keep the device's own
 * @param optional skipped (not fatal) when it cannot be opened, e.g. Npcap installed without loopback support
 */
public record CaptureDevice(String pcapName, String label, int linkType, boolean optional) {
    public static final int DEFAULT_LINK_TYPE = -1;

    public CaptureDevice {
        if (pcapName == null || pcapName.isBlank()) {
            throw new IllegalArgumentException("a capture device needs a name");
        }
        label = label == null || label.isBlank() ? pcapName : label;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "[\\p{L}\\p{N}_.:@() {}\\\\-]{1,128}");

    /**
     * Could this be an interface name a user passes with {@code --interface}? Linux names ({@code eth0},
     * {@code wlp2s0}, {@code br-1a2b}) and Windows adapter names, GUIDs and Npcap device names ({@code Wi-Fi},
     * {@code Ethernet 2}, {@code vEthernet (Default Switch)}, {@code \Device\NPF_{...}}, localized names): letters,
     * digits, space and {@code _ . : @ ( ) { } \ -}. Whether it exists is for the capture to say.
     */
    public static boolean isPlausibleName(String name) {
        return name != null && !name.isBlank() && NAME.matcher(name).matches();
    }

    /** A device opened with its own link type that must open. */
    public static CaptureDevice of(String pcapName, String label) {
        return new CaptureDevice(pcapName, label, DEFAULT_LINK_TYPE, false);
    }
}
