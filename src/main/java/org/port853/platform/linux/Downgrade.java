package org.port853.platform.linux;

/**
 * What {@link DowngradeObserver} saw: an answer that came back in plaintext while DNS-over-TLS is on, and where it
 * came from. {@code link} names the link for {@link Source#LINK}, and for {@link Source#LOOKUP} the link whose own
 * server answered (null: a global server); {@code journalLine} is resolved's own line for {@link Source#JOURNAL}.
 */
public record Downgrade(Source source, String link, String journalLine) {
    public enum Source {
        /** The cache-bypassing probe lookup came back from the network without the confidential flag. */
        LOOKUP,
        /** The probe was answered by a link's own server that the link's settings never ask over TLS. */
        LINK,
        /** resolved's journal: a step down from a TLS feature level to a plaintext one that still holds. */
        JOURNAL
    }

    public static Downgrade lookup() {
        return new Downgrade(Source.LOOKUP, null, null);
    }

    /** Opportunistic mode fell back to plaintext on link {@code name}'s own server, which takes names beside TLS. */
    public static Downgrade lookupFromLink(String name) {
        return new Downgrade(Source.LOOKUP, name, null);
    }

    public static Downgrade link(String name) {
        return new Downgrade(Source.LINK, name, null);
    }

    public static Downgrade journal(String line) {
        return new Downgrade(Source.JOURNAL, null, line);
    }

    /** True when opportunistic mode itself fell back to plaintext (not a link that takes names beside TLS). */
    public boolean isFallback() {
        return source != Source.LINK;
    }

    /** The evidence in one English sentence. */
    public String english() {
        return switch (source) {
            case LOOKUP -> "a lookup of " + LinuxChange.PROBE_NAME + " just now came back " + (link == null
                    ? "from the network without encryption" : "without encryption from the DNS server of link " + link);
            case LINK -> "a lookup of " + LinuxChange.PROBE_NAME + " just now came back in plaintext from the DNS "
                    + "server of link " + link;
            case JOURNAL -> "resolved's journal says: " + journalLine;
        };
    }
}
