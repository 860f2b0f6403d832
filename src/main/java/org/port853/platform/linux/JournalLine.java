package org.port853.platform.linux;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of {@code journalctl -o short-unix}: when it was logged, and the message after "unit[PID]: ". */
public record JournalLine(Instant at, String message) {
    /** short-unix's prefix: seconds since the epoch with microseconds, the host and "systemd-resolved[PID]: ". */
    private static final Pattern STAMP = Pattern.compile("^(\\d{1,12})\\.(\\d{6}) \\S+ [^\\s:]+: ");

    /** The line, or empty where it has no short-unix stamp (journalctl's "-- No entries --", a cat-format line). */
    public static Optional<JournalLine> parse(String shortUnix) {
        Matcher stamp = STAMP.matcher(shortUnix);
        if (!stamp.find()) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(stamp.group(1)), Long.parseLong(stamp.group(2)) * 1000);
        return Optional.of(new JournalLine(at, shortUnix.substring(stamp.end()).strip()));
    }
}
