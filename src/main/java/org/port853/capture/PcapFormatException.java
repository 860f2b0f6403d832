package org.port853.capture;

/** The input is not a pcap or pcapng capture at all (bad magic, impossible header). */
public final class PcapFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PcapFormatException(String message) {
        super(message);
    }
}
