package org.port853.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.Severity;
import org.port853.core.Verdict;

class ProtectionStateTest {
    private static final Reason INTERRUPTED = new Reason("CHANGE_INTERRUPTED", Severity.WARNING, "interrupted", "recover");

    private static ProtectionState of(Reason... beside) {
        List<Reason> reasons = new java.util.ArrayList<>(List.of(INTERRUPTED));
        reasons.addAll(List.of(beside));
        return ProtectionState.of(assessed(reasons), false, false);
    }

    /** The assessment with the verdict the reasons' worst severity gives, as the Assessor gives it. */
    private static Assessment assessed(List<Reason> reasons) {
        return new Assessment(reasons.stream().map(Reason::severity).max(java.util.Comparator.naturalOrder())
                .orElse(Severity.INFO).verdict(), reasons);
    }

    @Test
    @DisplayName("an interrupted change alone is At risk; names that cannot resolve beside it are Not working, a "
            + "plaintext setting Not encrypted")
    void anInterruptedChangeDoesNotHideWhatElseIsWrong() {
        assertEquals(ProtectionState.AT_RISK, of());
        assertEquals(ProtectionState.AT_RISK, of(new Reason("OPPORTUNISTIC", Severity.WARNING, "m", "f")));
        assertEquals(ProtectionState.NOT_WORKING, of(new Reason("NO_SERVERS", Severity.BROKEN, "no servers", "f")));
        assertEquals(ProtectionState.NOT_ENCRYPTED, of(new Reason("DOT_OFF", Severity.UNENCRYPTED, "off", "f")));
        assertEquals(ProtectionState.LEAKING, ProtectionState.of(assessed(List.of(INTERRUPTED)), true, false));
        assertEquals(ProtectionState.NOT_WORKING, ProtectionState.of(new Assessment(Verdict.BROKEN,
                List.of(new Reason("NO_SERVERS", Severity.BROKEN, "no servers", "f"))), true, false));
    }

    @Test
    @DisplayName("a resolver that runs but whose settings could not be read (hung: no answer on D-Bus nor from resolvectl) "
            + "is not 'Resolver missing', which said no resolver was found (rig walkthrough, resolved stopped with SIGSTOP)")
    void unreadableSettingsAreNotAMissingResolver() {
        Assessment unreadable = new Assessment(Verdict.UNAVAILABLE, List.of(new Reason("STATE_UNREADABLE",
                Severity.UNAVAILABLE, "The resolver's settings could not be read: D-Bus unavailable", "f")));
        assertEquals(ProtectionState.RESOLVER_UNREADABLE, ProtectionState.of(unreadable, false, false));
        assertEquals(ProtectionState.RESOLVER_UNREADABLE_LEAKING, ProtectionState.of(unreadable, true, false));
        assertEquals(ProtectionState.RESOLVER_MISSING, ProtectionState.of(new Assessment(Verdict.UNAVAILABLE,
                List.of(new Reason("RESOLVER_MISSING", Severity.UNAVAILABLE, "not installed", "f"))), false, false));
    }
}
