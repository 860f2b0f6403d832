package org.port853.capture;

/** Packets and bytes (original frame length) of one traffic class. */
public record ClassTotals(long packets, long bytes) {
    public static final ClassTotals ZERO = new ClassTotals(0, 0);
}
