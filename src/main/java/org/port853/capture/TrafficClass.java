package org.port853.capture;

/**
 * The class of one DNS packet, decided by its transport ports: 853 is {@link #ENCRYPTED}; 53 is
 * {@link #LOCAL_PLAINTEXT} when both ends are on this machine and {@link #LEAK} otherwise.
 */
public enum TrafficClass {
    ENCRYPTED, LOCAL_PLAINTEXT, LEAK
}
