package org.port853.core;

/** Fixes the app can carry out itself, through the privileged helper. */
public enum FixAction {
    /** Add {@code Domains=~.} so every query goes to the global (encrypted) servers. */
    ROUTE_ALL_DOMAINS,
    /** Point /etc/resolv.conf at the stub resolver. */
    LINK_RESOLV_CONF,
    /** Switch from opportunistic to strict mode. */
    USE_STRICT_MODE,
    /** Finish or roll back an interrupted change. */
    RECOVER,
    /** Turn DNS-over-TLS on with the chosen providers. */
    ENABLE_DOT
}
