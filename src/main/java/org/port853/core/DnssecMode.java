package org.port853.core;

import java.util.Locale;

public enum DnssecMode {
    YES("yes"),
    ALLOW_DOWNGRADE("allow-downgrade"),
    NO("no");

    private final String resolvedValue;

    DnssecMode(String resolvedValue) {
        this.resolvedValue = resolvedValue;
    }

    public String resolvedValue() {
        return resolvedValue;
    }

    public static DnssecMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DnssecMode m : values()) {
            if (m.resolvedValue.equals(t)) {
                return m;
            }
        }
        if (t.equals("true")) return YES;
        if (t.equals("false")) return NO;
        throw new InvalidInputException("unknown DNSSEC mode '" + text + "' (expected yes, allow-downgrade or no)")
                .says("dnssec.unknown", text);
    }

    public static DnssecMode parseOrNull(String resolvedText) {
        return resolvedText == null || resolvedText.isBlank() ? null : parse(resolvedText);
    }
}
