package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JournalFallbackTest {
    private static final Instant STARTED = Instant.ofEpochSecond(1765000000);
    /** resolved's real line (recorded on 252) for an opportunistic server whose port 853 is closed. */
    private static final String FELL_BACK = "Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 for DNS server "
            + "198.18.86.4#dot.test.";

    private static String at(long second, String message) {
        return second + ".250000 vm systemd-resolved[412]: " + message + "\n";
    }

    @Test
    @DisplayName("a step down to plaintext after resolved started is reported with resolved's own words")
    void aDatedFallbackIsReported() {
        assertEquals(Downgrade.journal(FELL_BACK), JournalFallback.standing(at(1765000100, FELL_BACK), STARTED));
    }

    @Test
    @DisplayName("a line without its time (-o cat, or short-unix missing its stamp) may be from hours ago: not 'now'")
    void anUndatedLineIsNotNow() {
        assertNull(JournalFallback.standing(FELL_BACK + "\n", STARTED));
        assertNull(JournalFallback.standing("vm systemd-resolved[412]: " + FELL_BACK + "\n", STARTED));
    }

    @Test
    @DisplayName("a step down before the running resolved started is over: a restart tries TLS afresh")
    void aFallbackBeforeTheStartIsOver() {
        assertNull(JournalFallback.standing(at(1764990000, FELL_BACK), STARTED));
    }

    @Test
    @DisplayName("TLS+EDNS0+DO to TLS+EDNS0 stays encrypted (247 spells it D0): not a fallback")
    void aStepWithinTlsIsNoFallback() {
        assertNull(JournalFallback.standing(at(1765000100, "Using degraded feature set TLS+EDNS0 instead of "
                + "TLS+EDNS0+DO for DNS server 198.18.86.2#dot.test."), STARTED));
        assertNull(JournalFallback.standing(at(1765000100, "Using degraded feature set TLS+EDNS0 instead of "
                + "TLS+EDNS0+D0 for DNS server 198.18.86.2#dot.test."), STARTED));
        assertEquals(Downgrade.journal("Using degraded feature set UDP+EDNS0+DO instead of TLS+EDNS0+D0 for DNS server "
                + "198.18.86.2."), JournalFallback.standing(at(1765000100, "Using degraded feature set UDP+EDNS0+DO "
                + "instead of TLS+EDNS0+D0 for DNS server 198.18.86.2."), STARTED));
    }

    @Test
    @DisplayName("a further step down in plaintext keeps the fallback (it ended it: the doctor saw no fallback while "
            + "queries went in plaintext)")
    void aFurtherPlaintextStepKeepsTheFallback() {
        assertEquals(Downgrade.journal(FELL_BACK), JournalFallback.standing(at(1765000100, FELL_BACK) + at(1765000200,
                "Using degraded feature set UDP instead of UDP+EDNS0 for DNS server 198.18.86.4#dot.test."), STARTED));
    }

    @Test
    @DisplayName("resolved's grace period ended and it resumed TLS with that server: the fallback no longer holds")
    void aResumedServerNoLongerFallsBack() {
        String resumed = "Grace period over, resuming full feature set (TLS+EDNS0) for DNS server 198.18.86.4#dot.test.";
        assertNull(JournalFallback.standing(at(1765000100, FELL_BACK) + at(1765000400, resumed), STARTED));
        assertEquals(Downgrade.journal(FELL_BACK), JournalFallback.standing(at(1765000100, FELL_BACK)
                + at(1765000400, resumed) + at(1765000401, FELL_BACK), STARTED), "and fell back again");
    }
}
