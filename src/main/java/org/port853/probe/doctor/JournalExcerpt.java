package org.port853.probe.doctor;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.port853.platform.linux.JournalLine;

/**
 * What the doctor read of systemd-resolved's journal: the lines since the running resolved started, and from when
 * ({@code since}: the start, or the oldest line read where the line cap cut before it; null when nothing was read).
 */
public record JournalExcerpt(List<JournalLine> lines, Instant since) {
    public JournalExcerpt {
        lines = List.copyOf(lines);
    }

    /**
     * {@code journalctl -u systemd-resolved -o short-unix} output, from the last time systemd started the unit
     * ("Starting …"/"Started …", its own lines under the unit): a restart tries TLS afresh, what came before is over.
     */
    public static JournalExcerpt ofShortUnix(String stdout) {
        List<JournalLine> read = new ArrayList<>();
        for (String text : stdout.split("\n")) {
            JournalLine.parse(text).ifPresent(read::add);
        }
        int start = 0;
        Instant since = read.isEmpty() ? null : read.get(0).at();
        for (int i = 0; i < read.size(); i++) {
            String m = read.get(i).message();
            if (m.startsWith("Starting ") || m.startsWith("Started ")) {
                start = i + 1;
                since = read.get(i).at();
            }
        }
        return new JournalExcerpt(read.subList(start, read.size()), since);
    }

    /** {@code at} as the evidence says it: the time of day, with the date where it is not {@code now}'s day. */
    static String said(Instant at, ZonedDateTime now) {
        ZonedDateTime t = at.atZone(now.getZone());
        return t.format(DateTimeFormatter.ofPattern(t.toLocalDate().equals(now.toLocalDate()) ? "HH:mm" : "yyyy-MM-dd HH:mm"));
    }
}
