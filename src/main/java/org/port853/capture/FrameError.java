package org.port853.capture;

/** Why a frame could not be parsed down to its transport ports (the typed "malformed" result). */
public enum FrameError {
    UNSUPPORTED_LINK_TYPE,
    TRUNCATED_LINK_HEADER,
    TOO_MANY_VLAN_TAGS,
    TRUNCATED_IP_HEADER,
    BAD_IP_VERSION,
    BAD_IP_HEADER_LENGTH,
    BAD_IP_TOTAL_LENGTH,
    BAD_EXTENSION_HEADER,
    TRUNCATED_TRANSPORT_HEADER,
    TRUNCATED_TUNNEL_HEADER,
    /** Tunnels nested deeper than {@link FrameParser#MAX_TUNNELS}. */
    TOO_MANY_TUNNELS,
    /** Port 53 payload that is not a DNS message we can read (counted in parse errors, frame still counted). */
    BAD_DNS_MESSAGE
}
