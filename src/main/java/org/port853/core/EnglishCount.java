package org.port853.core;

/** A count with its noun in English, singular for one ("1 server", "2 servers"): the CLI's and the journal's words. */
public final class EnglishCount {
    private EnglishCount() {
    }

    /** {@code noun} is the singular and takes an s in the plural. */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
