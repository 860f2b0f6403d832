package org.port853.capture;

import java.util.SortedSet;

/** A capture whose every link type is one the frame parser cannot read: analysing it would count nothing. */
public final class UnsupportedLinkTypeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final SortedSet<Integer> linkTypes;

    public UnsupportedLinkTypeException(SortedSet<Integer> linkTypes) {
        super("unsupported link type " + linkTypes);
        this.linkTypes = linkTypes;
    }

    /** The capture's link types (its pcap header's, or those of every pcapng interface), in number order. */
    public SortedSet<Integer> linkTypes() {
        return linkTypes;
    }
}
