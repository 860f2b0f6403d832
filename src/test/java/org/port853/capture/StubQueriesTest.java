package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StubQueriesTest {
    static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    static final String RESOLVED = "systemd-resolved (97)";

    @Test
    void upstreamQueryNamesTheNewestAskerOfTheSameNameWithinTwoSeconds() {
        StubQueries s = new StubQueries();
        s.asked(T, "Example.TEST", "curl (5)");
        s.asked(T.plusMillis(500), "example.test", "dig (812)");
        s.asked(T.plusMillis(600), "other.test", "getent (9)");
        assertEquals("dig (812)", s.requester(T.plusMillis(700), "example.test", RESOLVED));
        assertNull(new StubQueries().requester(T, "example.test", RESOLVED), "nobody asked");
    }

    @Test
    void noAskerOutsideTheWindowOrForTheSenderItself() {
        StubQueries s = new StubQueries();
        s.asked(T, "example.test", "dig (812)");
        assertNull(s.requester(T.plusMillis(2001), "example.test", RESOLVED), "over 2 s later");
        assertNull(s.requester(T.minusMillis(1), "example.test", RESOLVED), "before the question");
        assertNull(s.requester(T.plusMillis(10), "example.test", "dig (812)"), "dig leaking on its own");
        s.asked(T.plusSeconds(5), "x.test", null);
        assertEquals("unknown", s.requester(T.plusSeconds(5), "x.test", RESOLVED), "asker not found: unknown");
    }

    @Test
    void retriesOfTheSameSenderKeepTheAsker() {
        StubQueries s = new StubQueries();
        s.asked(T, "example.test", "dig (812)");
        assertEquals("dig (812)", s.requester(T.plusMillis(5), "example.test", RESOLVED));
        assertEquals("dig (812)", s.requester(T.plusSeconds(4), "example.test", RESOLVED), "retry after 4 s");
        assertNull(s.requester(T.plusSeconds(4), "example.test", "unbound (3)"), "another sender");
        assertNull(s.requester(T.plusSeconds(30), "example.test", RESOLVED), "much later: a new question");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a query whose sending socket was gone (a resolver's retry) still names the "
            + "program that asked the stub, first query and retries alike")
    void anUnknownSenderStillNamesTheAsker() {
        StubQueries s = new StubQueries();
        s.asked(T, "example.test", "dig (812)");
        assertEquals("dig (812)", s.requester(T.plusMillis(5), "example.test", RESOLVED));
        assertEquals("dig (812)", s.requester(T.plusMillis(35), "example.test", null), "retry, socket gone");
        assertEquals("dig (812)", s.requester(T.plusSeconds(5), "example.test", null), "later retry");
        StubQueries fresh = new StubQueries();
        fresh.asked(T, "other.test", "getent (9)");
        assertEquals("getent (9)", fresh.requester(T.plusMillis(30), "other.test", null), "first query, socket gone");
        assertNull(fresh.requester(T.plusMillis(30), "nobody.test", null));
        assertNull(fresh.requester(T.plusSeconds(5), "other.test", "dig (1)"), "an unknown sender vouches for no one");
    }
}
