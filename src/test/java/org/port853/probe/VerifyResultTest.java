package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;

@DisplayName("verification rules")
class VerifyResultTest {
    static final List<QueryOutcome> ANSWERED = List.of(ok("p853-a.example.com"), ok("p853-b.example.com"));

    static QueryOutcome ok(String name) {
        return new QueryOutcome(name, true, "NOERROR", Duration.ofMillis(3), null);
    }

    static QueryOutcome lost(String name) {
        return new QueryOutcome(name, false, null, Duration.ofSeconds(3), "timed out");
    }

    @Test
    @DisplayName("answered, encrypted traffic seen, nothing leaked: ALL_ENCRYPTED")
    void allEncrypted() {
        VerifyResult r = VerifyResult.judge(ANSWERED, true, 12, List.of());
        assertEquals(VerifyVerdict.ALL_ENCRYPTED, r.verdict());
        assertEquals(2, r.queries());
        assertEquals(2, r.answered());
        assertEquals(0, r.failed());
        assertEquals(12, r.encryptedPackets());
    }

    @Test
    @DisplayName("our names leaked (any case, trailing dot, resent twice): LEAKED, one entry per name/server/interface")
    void leakedOurs() {
        LeakRecord a1 = ScriptedCapture.leak("P853-A.example.com.", "198.18.1.4");
        LeakRecord a2 = ScriptedCapture.leak("p853-a.example.com", "198.18.1.4");
        LeakRecord a3 = ScriptedCapture.leak("p853-a.example.com", "198.18.1.5");
        LeakRecord other = ScriptedCapture.leak("tracker.example.net", "198.18.1.4");
        VerifyResult r = VerifyResult.judge(ANSWERED, true, 40, List.of(a1, other, a2, a3));
        assertEquals(VerifyVerdict.LEAKED, r.verdict());
        assertEquals(List.of(a1, a3), r.leakedQueries());
        assertEquals(1, r.leakedNames());
        assertEquals(List.of(other), r.otherLeaks());
    }

    @Test
    @DisplayName("a leak wins over no answer: a plaintext query that got no answer still leaked")
    void leakBeatsNoAnswer() {
        List<QueryOutcome> lostAll = List.of(lost("p853-a.example.com"));
        assertEquals(VerifyVerdict.LEAKED, VerifyResult.judge(lostAll, true, 0,
                List.of(ScriptedCapture.leak("p853-a.example.com", "198.18.1.4"))).verdict());
        assertEquals(VerifyVerdict.NO_ANSWER, VerifyResult.judge(lostAll, true, 9, List.of()).verdict());
    }

    @Test
    @DisplayName("other programs' leaks meanwhile: not LEAKED (ours stayed encrypted), but never ALL_ENCRYPTED")
    void otherLeaksOnly() {
        VerifyResult r = VerifyResult.judge(ANSWERED, true, 3,
                List.of(ScriptedCapture.leak("mail.example.org", "192.0.2.1")));
        assertEquals(VerifyVerdict.UNPROVEN, r.verdict());
        assertEquals(1, r.otherLeaks().size());
        assertEquals(1, r.reasons().size(), r.reasons().toString());
    }

    @Test
    @DisplayName("answers without any encrypted packet prove nothing: UNPROVEN")
    void unproven() {
        assertEquals(VerifyVerdict.UNPROVEN, VerifyResult.judge(ANSWERED, true, 0, List.of()).verdict());
    }

    @Test
    @DisplayName("no capture: CAPTURE_UNAVAILABLE whatever was answered")
    void noCapture() {
        VerifyResult r = VerifyResult.judge(List.of(ok("p853-a.example.com"), lost("p853-b.example.com")), false, 0,
                List.of());
        assertEquals(VerifyVerdict.CAPTURE_UNAVAILABLE, r.verdict());
        assertEquals(1, r.answered());
        assertEquals(1, r.failed());
    }
}
