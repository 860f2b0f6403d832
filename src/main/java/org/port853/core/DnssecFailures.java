package org.port853.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** systemd-resolved's words for a lookup whose answers failed validation: "DNSSEC validation failed: RESULT". */
public final class DnssecFailures {
    private static final Pattern FAILED = Pattern.compile("DNSSEC validation failed: ([a-z-]+)");

    private DnssecFailures() {
    }

    /** The validation result (e.g. {@code no-signature}) when {@code text} says a lookup failed validation. */
    public static Optional<String> resultIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FAILED.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
