package org.port853.probe.dot;

/** How the TCP connection to port 853 went, before TLS. */
public enum TcpOutcome {
    /** Connected. */
    OK,
    /** The server (or something on the path) answered the SYN with a reset: nothing listens on 853. */
    REFUSED,
    /** No answer to the SYN within the timeout: a firewall drops 853, or the server is down. */
    TIMED_OUT,
    /** No route to the address (ICMP unreachable, no network). */
    UNREACHABLE
}
