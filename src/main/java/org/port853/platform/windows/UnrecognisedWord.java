package org.port853.platform.windows;

import org.port853.core.Sentence;

/**
 * A yes/no setting that netsh printed in a word Port853 does not know ({@link YesNo#unrecognised}): which setting
 * ({@code setting}: one of the constants), of which server (null for the DoT switch), and the word as printed.
 */
public record UnrecognisedWord(int setting, String server, String word) {
    public static final int DOT_SWITCH = 0;
    public static final int AUTO_UPGRADE = 1;
    public static final int UDP_FALLBACK = 2;

    /** "netsh prints 'jaa' for the auto-upgrade of 9.9.9.9, a word Port853 does not know as yes or no ...". */
    public Sentence said() {
        String what = switch (setting) {
            case DOT_SWITCH -> "the DoT switch";
            case AUTO_UPGRADE -> "the auto-upgrade of " + server;
            default -> "the UDP fallback of " + server;
        };
        return Sentence.of("netsh prints '" + word + "' for " + what + ", a word Port853 does not know as yes or no in "
                + "the language of this Windows", "windows.unrecognised-word", word, setting, server == null ? "" : server);
    }
}
