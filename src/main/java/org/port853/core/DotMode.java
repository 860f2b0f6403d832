package org.port853.core;

import java.util.Locale;

/** DNS-over-TLS mode, named as users see it; {@link #resolvedValue()} is the systemd-resolved spelling. */
public enum DotMode {
    /** Never plaintext: the server must present a certificate that matches its name. */
    STRICT("yes"),
    /** Tries TLS, falls back to plaintext without authenticating the server. */
    OPPORTUNISTIC("opportunistic"),
    OFF("no");

    private final String resolvedValue;

    DotMode(String resolvedValue) {
        this.resolvedValue = resolvedValue;
    }

    public String resolvedValue() {
        return resolvedValue;
    }

    /** Accepts the user's word (strict, opportunistic, off) or resolved's (yes, opportunistic, no). */
    public static DotMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "strict": case "yes": case "true": return STRICT;
            case "opportunistic": return OPPORTUNISTIC;
            case "off": case "no": case "false": return OFF;
            default: throw new InvalidInputException("unknown DNS-over-TLS mode '" + text
                    + "' (expected strict, opportunistic or off)").says("mode.unknown", text);
        }
    }

    /** resolved reports "" for an unset per-link mode. */
    public static DotMode parseOrNull(String resolvedText) {
        return resolvedText == null || resolvedText.isBlank() ? null : parse(resolvedText);
    }
}
