package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journal's description of an apply: one server in the singular, and read back as written. */
class ApplyDescriptionTest {
    @Test
    void oneServerIsSingular() {
        assertEquals("DNS-over-TLS strict with 1 server", new ApplyDescription(ApplyDescription.DOT, DotMode.STRICT, 1).text());
        assertEquals("DNS-over-HTTPS opportunistic with 2 servers",
                new ApplyDescription(ApplyDescription.DOH, DotMode.OPPORTUNISTIC, 2).text());
        assertEquals("0 servers", EnglishCount.of(0, "server"));
    }

    @Test
    void readBackAsWrittenAndFromAnOlderJournal() {
        ApplyDescription d = new ApplyDescription(ApplyDescription.DOT, DotMode.STRICT, 1);
        assertEquals(Optional.of(d), ApplyDescription.read(d.text()));
        assertEquals(Optional.of(new ApplyDescription(ApplyDescription.DOH, DotMode.OFF, 3)),
                ApplyDescription.read("DNS-over-HTTPS off with 3 server(s)"));
        assertEquals(Optional.empty(), ApplyDescription.read("strict with Cloudflare"));
    }
}
