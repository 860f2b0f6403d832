package org.port853.probe.doctor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.port853.platform.linux.JournalLine;

/** Recorded journal messages as the doctor reads them: dated a minute apart from {@link #START}, read since then. */
public final class JournalExcerpts {
    /** When the recorded resolved started: 14:02 UTC. */
    public static final Instant START = Instant.parse("2026-11-30T14:02:00Z");
    /** The same afternoon, in UTC: the evidence says times of day. */
    public static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, ZoneOffset.UTC);

    private JournalExcerpts() {
    }

    public static JournalExcerpt of(List<String> messages) {
        List<JournalLine> lines = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            lines.add(new JournalLine(START.plusSeconds(60L * (i + 1)), messages.get(i)));
        }
        return new JournalExcerpt(lines, START);
    }
}
