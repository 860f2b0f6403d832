package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.core.Verdict;
import org.port853.probe.doctor.Check;

class TlsFailuresTest {
    private static final ServerAddress SERVER = ServerAddress.parse("198.18.0.4#dot.test");

    private final MovableClock clock = new MovableClock();
    private final TlsFailures failures = new TlsFailures(clock);

    private void journalSaysFellBack() {
        failures.assessed(new Assessment(Verdict.NOT_ENCRYPTED, List.of(new Reason("DOT_DOWNGRADED_JOURNAL",
                Severity.UNENCRYPTED, "Opportunistic mode fell back to plaintext.", "Use strict mode.",
                List.of("resolved's journal says: Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 for DNS server "
                        + "198.18.0.4#dot.test.")))), null);
    }

    private static Check dotFailure(String wording) {
        return Check.failure("dot.reachable", SERVER.toString(), "TLS to 198.18.0.4:853 failed.", "Try another network.")
                .says(wording, "198.18.0.4:853");
    }

    @Test
    @DisplayName("a fallback in resolved's journal 40 minutes after an expired one is recorded anew, and the expired "
            + "one is gone")
    void aFallbackAfterAnExpiredOneCounts() {
        journalSaysFellBack();
        assertTrue(failures.of(SERVER).isPresent());
        clock.advance(Duration.ofMinutes(40));
        journalSaysFellBack();
        assertEquals(clock.instant(), failures.of(SERVER).orElseThrow().at());
    }

    @Test
    @DisplayName("a finding older than 15 minutes is dropped when looked up, and that is announced (the Protect row "
            + "follows)")
    void expiredFindingsAreDropped() {
        journalSaysFellBack();
        long before = failures.changes().get();
        clock.advance(TlsFailures.STANDS.plusSeconds(1));
        failures.forgetExpired();
        assertTrue(failures.of(SERVER).isEmpty());
        assertTrue(failures.changes().get() > before, "the drop is announced");
    }

    @Test
    @DisplayName("a handshake reset, closed or left hanging is handshake interference, not a port that did not answer; "
            + "no route to the address family is no TLS failure at all")
    void kindsOfDotFailures() {
        for (String wording : List.of("dot.reachable.tls-reset", "dot.reachable.tls-closed", "dot.reachable.tls-timeout",
                "dot.reachable.tls-failed")) {
            failures.checked(List.of(dotFailure(wording)));
            assertEquals(TlsFailures.Kind.HANDSHAKE, failures.of(SERVER).orElseThrow().kind(), wording);
        }
        failures.checked(List.of(dotFailure("dot.reachable.timeout")));
        assertEquals(TlsFailures.Kind.NO_ANSWER, failures.of(SERVER).orElseThrow().kind());
        TlsFailures fresh = new TlsFailures(clock);
        fresh.checked(List.of(dotFailure("dot.reachable.no-route")));
        assertTrue(fresh.of(SERVER).isEmpty());
    }

    @Test
    @DisplayName("a provider counts as failed only when none of its checked servers passed")
    void aProviderFailsOnlyWhenNoServerPassed() {
        ServerAddress v4 = ServerAddress.parse("198.18.0.2#dot.test");
        ServerAddress v6 = ServerAddress.parse("2001:db8::2#dot.test");
        failures.checked(List.of(Check.ok("dot.reachable", v4.toString(), "TCP connected."),
                Check.failure("dot.reachable", v6.toString(), "no answer", "Try another network.")
                        .says("dot.reachable.timeout", "[2001:db8::2]:853")));
        assertTrue(failures.of(v6).isPresent());
        assertTrue(failures.ofAll(List.of(v4, v6)).isEmpty(), "198.18.0.2 passed");
        assertTrue(failures.ofAll(List.of(v6, SERVER)).isPresent(), "198.18.0.4 was not checked");
    }

    private static Check pinCheck(org.port853.probe.pins.PinVerdict.Kind kind) {
        String pin = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        return new org.port853.probe.pins.PinVerdict(kind, pin, pin, "tofu", "Lab-CA", "Lab-CA")
                .toCheck(SERVER.toString());
    }

    @Test
    @DisplayName("a pin check that saw the server's key (a handshake that worked), newer than its failure, ends the "
            + "failure; one that saw no handshake does not")
    void aPinCheckThatSawTheKeyEndsAFailure() {
        failures.checked(List.of(dotFailure("dot.reachable.timeout")));
        failures.checked(List.of(pinCheck(org.port853.probe.pins.PinVerdict.Kind.NOT_SEEN)));
        assertTrue(failures.of(SERVER).isPresent(), "no handshake: no pass");
        clock.advance(Duration.ofMinutes(1));
        failures.checked(List.of(pinCheck(org.port853.probe.pins.PinVerdict.Kind.MATCHES)));
        assertTrue(failures.of(SERVER).isEmpty());
        assertTrue(failures.ofAll(List.of(SERVER)).isEmpty());
    }

    @Test
    @DisplayName("resolved's journal line of a fallback, read again after the server passed a check, is the old line "
            + "(it has no time), not a new failure")
    void theJournalsOldLineDoesNotOutweighALaterPass() {
        journalSaysFellBack();
        clock.advance(Duration.ofMinutes(2));
        failures.checked(List.of(Check.ok("dot.reachable", SERVER.toString(), "TCP connected.")));
        journalSaysFellBack(); // the next refresh reads the same journal
        assertTrue(failures.of(SERVER).isEmpty());
    }
}
