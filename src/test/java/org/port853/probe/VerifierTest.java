package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;

@DisplayName("Verifier over a scripted capture")
class VerifierTest {
    static Verifier verifier(QuerySender s) {
        return new Verifier(s, Duration.ofMillis(500), Duration.ZERO);
    }

    @Test
    @DisplayName("fresh names p853-<random>.example.com, all different")
    void names() {
        List<String> n = Verifier.names(20);
        assertEquals(20, n.stream().distinct().count());
        assertTrue(n.stream().allMatch(x -> x.matches("p853-[0-9a-z]+\\.example\\.com")), n.toString());
    }

    @Test
    @DisplayName("encrypted packets while sending, nothing leaked: ALL_ENCRYPTED with the packets counted")
    void encrypted() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.encrypted(100); // before the verification: not counted
        ScriptedSender s = new ScriptedSender(true, (name, i) -> c.encrypted(4));
        VerifyResult r = verifier(s).verify(c, Verifier.names(5));
        assertEquals(VerifyVerdict.ALL_ENCRYPTED, r.verdict());
        assertEquals(20, r.encryptedPackets());
        assertEquals(Duration.ofMillis(500), s.timeoutSeen);
        assertTrue(c.listeners.isEmpty(), "the listener is removed again");
    }

    @Test
    @DisplayName("leaks seen before the verification started are not counted; new ones are, ours and others")
    void onlyNewLeaks() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        LeakRecord old = ScriptedCapture.leak("old.example.org", "192.0.2.1");
        c.leaked(old);
        List<String> names = Verifier.names(3);
        ScriptedSender s = new ScriptedSender(true, (name, i) -> {
            if (i != 1) c.leaked(ScriptedCapture.leak(name, "198.18.9.4"));
            if (i == 2) c.leaked(ScriptedCapture.leak("other.example.net", "198.18.9.4"));
        });
        VerifyResult r = verifier(s).verify(c, names);
        assertEquals(VerifyVerdict.LEAKED, r.verdict());
        assertEquals(List.of(names.get(0), names.get(2)), r.leakedQueries().stream().map(LeakRecord::name).toList());
        assertEquals(List.of("other.example.net"), r.otherLeaks().stream().map(LeakRecord::name).toList());
    }

    @Test
    @DisplayName("a session that does not call listeners still shows its leaks through the log")
    void logOnly() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.notify = false;
        ScriptedSender s = new ScriptedSender(true, (name, i) -> c.leaked(ScriptedCapture.leak(name, "198.18.9.4")));
        VerifyResult r = verifier(s).verify(c, Verifier.names(2));
        assertEquals(VerifyVerdict.LEAKED, r.verdict());
        assertEquals(2, r.leakedQueries().size());
    }

    @Test
    @DisplayName("no capture: the queries are still sent and counted")
    void noCapture() throws InterruptedException {
        ScriptedSender s = new ScriptedSender(false, (name, i) -> { });
        VerifyResult r = verifier(s).verify(null, Verifier.names(3));
        assertEquals(VerifyVerdict.CAPTURE_UNAVAILABLE, r.verdict());
        assertEquals(3, s.sent.size());
        assertEquals(3, r.failed());
    }

    @Test
    @DisplayName("nothing answered, nothing leaked: NO_ANSWER")
    void noAnswer() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(false, (name, i) -> c.encrypted(1));
        assertEquals(VerifyVerdict.NO_ANSWER, verifier(s).verify(c, Verifier.names(2)).verdict());
    }

    @Test
    @DisplayName("leak packets counted by the meter while the queries travelled: never ALL_ENCRYPTED")
    void leakPacketsWithoutEntries() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.leakPackets(7); // before: not counted
        ScriptedSender s = new ScriptedSender(true, (name, i) -> {
            c.encrypted(4);
            if (i == 1) c.leakPackets(2);
        });
        VerifyResult r = verifier(s).verify(c, Verifier.names(3));
        assertEquals(VerifyVerdict.UNPROVEN, r.verdict());
        assertEquals(2, r.leakPackets());
        assertTrue(r.reasons().stream().anyMatch(x -> x.contains("2 plaintext DNS packets")), r.reasons().toString());
    }

    @Test
    @DisplayName("plaintext on 853, capture drops and another program's leak each make the result UNPROVEN")
    void dropsAndOtherLeaks() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        VerifyResult p853 = verifier(new ScriptedSender(true, (n, i) -> { c.encrypted(1); c.plaintext853(1); }))
                .verify(c, Verifier.names(2));
        assertEquals(VerifyVerdict.UNPROVEN, p853.verdict());
        ScriptedCapture d = new ScriptedCapture(null);
        VerifyResult drops = verifier(new ScriptedSender(true, (n, i) -> { d.encrypted(1); d.dropped(3); }))
                .verify(d, Verifier.names(1));
        assertEquals(VerifyVerdict.UNPROVEN, drops.verdict());
        assertTrue(drops.reasons().stream().anyMatch(x -> x.contains("dropped 3")), drops.reasons().toString());
        ScriptedCapture o = new ScriptedCapture(null);
        VerifyResult other = verifier(new ScriptedSender(true, (n, i) -> {
            o.encrypted(1);
            o.leaked(ScriptedCapture.leak(LeakRecord.UNREADABLE, "198.18.9.4"));
        })).verify(o, Verifier.names(1));
        assertEquals(VerifyVerdict.UNPROVEN, other.verdict());
    }
}
