package org.port853.capture;

/**
 * The class of one DNS packet, decided by its transport ports and, on 853, its content: 53 (either end) is
 * {@link #LOCAL_PLAINTEXT} when its server end (the port-53 end) is on this machine and {@link #LEAK} otherwise;
 * 853 is {@link #ENCRYPTED} when it carries TLS or QUIC and {@link #PLAINTEXT_853} when not.
 */
public enum TrafficClass {
    ENCRYPTED, LOCAL_PLAINTEXT, LEAK,
    /** Port 853 without TLS or QUIC (e.g. plaintext DNS sent to port 853): not encrypted, shown on its own. */
    PLAINTEXT_853
}
