package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeakEvidenceTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    @DisplayName("a leak counts for a minute; a clean Verify supersedes older leaks, not newer ones")
    void newestMeasurementWins() {
        LeakEvidence e = new LeakEvidence();
        e.leakSeen(T);
        assertTrue(e.leakingProperty().get());
        e.tick(T.plus(LeakEvidence.WINDOW).plusSeconds(1));
        assertFalse(e.leakingProperty().get(), "a minute later the leak is over");

        e.leakSeen(T.plusSeconds(100));
        e.verified(new LeakEvidence.VerifyFinding(T.plusSeconds(110), 5, 0, null));
        assertFalse(e.leakingProperty().get());
        e.leakSeen(T.plusSeconds(100));
        e.tick(T.plusSeconds(111));
        assertFalse(e.leakingProperty().get(), "the capture reporting the same old leak again does not undo Verify");
        e.leakSeen(T.plusSeconds(112));
        assertTrue(e.leakingProperty().get(), "a leak after the clean Verify counts");
    }

    @Test
    @DisplayName("a program's own leak: neither a clean Verify nor a change of settings speaks for it; after a minute "
            + "it no longer counts")
    void ownResolverLeak() {
        LeakEvidence e = new LeakEvidence();
        LeakEvidence.Bypass python = new LeakEvidence.Bypass(T, "python3 (32416)", "198.18.0.4");
        e.bypassSeen(python);
        e.verified(new LeakEvidence.VerifyFinding(T.plusSeconds(5), 5, 0, null));
        assertTrue(e.leakingProperty().get(), "Verify measures the system resolver's path only");
        assertEquals(python, e.bypassProperty().get());
        assertNull(e.resolverLeakProperty().get());
        e.settingsChanged(T.plusSeconds(6));
        assertTrue(e.leakingProperty().get(), "no setting of the resolver changes a program's own queries");
        e.bypassSeen(new LeakEvidence.Bypass(T.minusSeconds(1), "dig (7)", "198.18.0.4"));
        assertEquals(python, e.bypassProperty().get(), "an older report does not replace the newest");
        e.tick(T.plus(LeakEvidence.WINDOW).plusSeconds(1));
        assertFalse(e.leakingProperty().get());
        assertNull(e.bypassProperty().get());
    }

    @Test
    @DisplayName("an unidentified program's leak judged by the settings: a change found to have come no later than it "
            + "withdraws it (the capture reports it again if the new settings make it a program's own); one from before "
            + "the change, or of a named program, stays")
    void unidentifiedBypassAfterTheChangeIsWithdrawn() {
        LeakEvidence e = new LeakEvidence();
        e.bypassSeen(new LeakEvidence.Bypass(T, null, "198.18.0.4"));
        e.settingsChanged(T.minusSeconds(5));
        assertNull(e.bypassProperty().get(), "judged under settings that had already changed");
        assertFalse(e.leakingProperty().get());

        LeakEvidence.Bypass before = new LeakEvidence.Bypass(T, null, "198.18.0.4");
        e.bypassSeen(before);
        e.settingsChanged(T.plusSeconds(5));
        assertEquals(before, e.bypassProperty().get(), "made under the settings it was judged by");

        LeakEvidence.Bypass dig = new LeakEvidence.Bypass(T.plusSeconds(20), "dig (7)", "198.18.0.4");
        e.bypassSeen(dig);
        e.settingsChanged(T.plusSeconds(10));
        assertEquals(dig, e.bypassProperty().get(), "a named program asked the server itself, whatever the settings");
    }

    @Test
    @DisplayName("changed settings: leaks from before no longer count, the next one does")
    void settingsChanged() {
        LeakEvidence e = new LeakEvidence();
        e.leakSeen(T);
        e.settingsChanged(T.plusSeconds(5));
        assertFalse(e.leakingProperty().get());
        e.leakSeen(T.plusSeconds(3));
        assertFalse(e.leakingProperty().get(), "a late report of a leak from before the change");
        e.leakSeen(T.plusSeconds(6));
        assertTrue(e.leakingProperty().get());
    }

    @Test
    @DisplayName("a change of settings known only to have happened after T clears leaks up to T, not a newer one")
    void settingsChangedBeforeANewerLeak() {
        LeakEvidence e = new LeakEvidence();
        e.leakSeen(T.plusSeconds(8));
        e.settingsChanged(T.plusSeconds(5));
        assertTrue(e.leakingProperty().get(), "the leak came after the change: it is the new settings' own");
    }

    @Test
    @DisplayName("a Verify without answers holds until a newer Verify answers or the settings change after it; an "
            + "older Verify reported late does not undo a newer one")
    void unansweredHoldsUntilNewerMeasurement() {
        LeakEvidence e = new LeakEvidence();
        e.answers(T, 10, 0);
        assertEquals(new LeakEvidence.Unanswered(T, 10), e.unansweredProperty().get());
        e.answers(T.minusSeconds(5), 10, 10);
        assertNotNull(e.unansweredProperty().get(), "an older Verify's answers do not end a newer failure");
        e.settingsChanged(T.minusSeconds(1));
        assertNotNull(e.unansweredProperty().get(), "settings changed before that Verify: it measured the new ones");
        e.answers(T.plusSeconds(5), 10, 1);
        assertNull(e.unansweredProperty().get(), "one answer: names resolve");
        e.answers(T.plusSeconds(10), 10, 0);
        e.settingsChanged(T.plusSeconds(11));
        assertNull(e.unansweredProperty().get());
    }

    @Test
    @DisplayName("the resolver's own lookup answered after a Verify without answers (or a change's failed check) ends "
            + "it; one asked before does not")
    void answeredLookupEndsUnanswered() {
        LeakEvidence e = new LeakEvidence();
        e.answers(T, 5, 0);
        e.namesResolved(T.minusSeconds(1));
        assertNotNull(e.unansweredProperty().get(), "asked before that Verify");
        e.namesResolved(T.plusSeconds(1));
        assertNull(e.unansweredProperty().get());
        e.changeLeftNamesUnresolved(T.plusSeconds(2));
        e.namesResolved(T.plusSeconds(3));
        assertNull(e.unansweredProperty().get());
    }

    @Test
    @DisplayName("a Verify without answers reported after a lookup asked later than it began was answered does not say "
            + "names fail (the lookup is the newer measurement); a Verify begun after that lookup still does")
    void lateVerifyDoesNotUndoANewerAnsweredLookup() {
        LeakEvidence e = new LeakEvidence();
        e.namesResolved(T.plusSeconds(2));
        e.answers(T, 10, 0);
        assertNull(e.unansweredProperty().get(), "the lookup at T+2 got an answer after that Verify began");
        e.answers(T.plusSeconds(3), 10, 0);
        assertEquals(new LeakEvidence.Unanswered(T.plusSeconds(3), 10), e.unansweredProperty().get());
    }
}
