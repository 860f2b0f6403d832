package org.port853.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an apply describes itself in the journal ("DNS-over-TLS strict with 2 servers"): the helpers write it from this
 * record and the window reads the protocol, mode and count back from it here, so the one shape lives in one place. An
 * older journal's "with 1 server(s)" is read too.
 */
public record ApplyDescription(String protocol, DotMode mode, int servers) {
    public static final String DOT = "DNS-over-TLS";
    public static final String DOH = "DNS-over-HTTPS";
    private static final Pattern SHAPE = Pattern.compile("(" + DOT + "|" + DOH
            + ") (off|opportunistic|strict) with (\\d{1,6}) server(?:s|\\(s\\))?");

    public String text() {
        return protocol + " " + mode.name().toLowerCase(Locale.ROOT) + " with " + EnglishCount.of(servers, "server");
    }

    /** Empty for a description of another shape (a revert, an unreadable marker). */
    public static Optional<ApplyDescription> read(String recorded) {
        Matcher m = recorded == null ? null : SHAPE.matcher(recorded);
        return m != null && m.matches() ? Optional.of(new ApplyDescription(m.group(1),
                DotMode.valueOf(m.group(2).toUpperCase(Locale.ROOT)), Integer.parseInt(m.group(3)))) : Optional.empty();
    }
}
