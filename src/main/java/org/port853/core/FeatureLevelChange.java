package org.port853.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of systemd-resolved's log lines on the feature level it uses with a server (resolved-dns-server.c, worded alike
 * in 247, 252, 257 and 262): "Using degraded feature set NEW instead of OLD for DNS server S." and "Grace period over,
 * resuming full feature set (LEVEL) for DNS server S.". The levels TCP, UDP, UDP+EDNS0 and UDP+EDNS0+DO travel in
 * plaintext, TLS+EDNS0 and TLS+EDNS0+DO (247 spells it TLS+EDNS0+D0) over TLS: a step from TLS+EDNS0+DO to TLS+EDNS0
 * stays encrypted.
 *
 * @param from the level left; null for a resumed full feature set
 */
public record FeatureLevelChange(String to, String from, String server) {
    private static final String LEVEL = "(TCP|UDP|UDP\\+EDNS0|UDP\\+EDNS0\\+DO|TLS\\+EDNS0|TLS\\+EDNS0\\+D[O0])";
    private static final String SERVER = " for DNS server (\\S+)\\.$";
    private static final Pattern STEP_DOWN = Pattern.compile("Using degraded feature set " + LEVEL + " instead of "
            + LEVEL + SERVER);
    private static final Pattern RESUME = Pattern.compile("Grace period over, resuming full feature set \\(" + LEVEL
            + "\\)" + SERVER);

    /** The change a log line (its message alone, or with journalctl's prefix) tells of; empty for any other line. */
    public static Optional<FeatureLevelChange> parse(String line) {
        String l = line.strip();
        Matcher m = STEP_DOWN.matcher(l);
        if (m.find()) {
            return Optional.of(new FeatureLevelChange(m.group(1), m.group(2), m.group(3)));
        }
        m = RESUME.matcher(l);
        return m.find() ? Optional.of(new FeatureLevelChange(m.group(1), null, m.group(2))) : Optional.empty();
    }

    /** resolved stopped asking this server over TLS: from now on it goes in plaintext (opportunistic fallback). */
    public boolean leftTls() {
        return from != null && overTls(from) && !overTls(to);
    }

    /** resolved tries this server's full feature set again after the grace period. */
    public boolean resumed() {
        return from == null;
    }

    /** After this change resolved asks the server over TLS again (or tries to: a resumption of its full set). */
    public boolean backOnTls() {
        return resumed() || overTls(to);
    }

    private static boolean overTls(String level) {
        return level.startsWith("TLS+");
    }
}
