package org.port853.probe.doctor;

/** The one-click fixes a check may offer; each goes through the planned, previewed apply path. */
public final class FixActions {
    /** Switch from opportunistic to strict mode (core FixAction USE_STRICT_MODE). */
    public static final String USE_STRICT_MODE = "USE_STRICT_MODE";
    /**
     * Turn on strict DNS-over-TLS (core FixAction ENABLE_DOT): with the configured servers where each has a TLS name,
     * else with the chosen provider's.
     */
    public static final String ENABLE_DOT = "ENABLE_DOT";
    /** Domains=~. so links with plaintext servers stop taking queries (core FixAction ROUTE_ALL_DOMAINS). */
    public static final String ROUTE_ALL_DOMAINS = "ROUTE_ALL_DOMAINS";
    /** Link /etc/resolv.conf to the stub (core FixAction LINK_RESOLV_CONF). */
    public static final String LINK_RESOLV_CONF = "LINK_RESOLV_CONF";
    /** Drop inbound DNS on non-loopback interfaces (nftables table inet port853). */
    public static final String HARDEN_PORT_53 = "HARDEN_PORT_53";

    private FixActions() {
    }
}
