package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/** A revert that left Port853's own file in place because someone edited it is no plain success for a fleet job. */
class ExitCodesTest {
    private static final String FILE = "/etc/systemd/resolved.conf.d/zz-port853.conf";

    @Test
    @DisplayName("nothing reverted because someone else changed Port853's file: exit 3, not 0")
    void nothingRevertedBecauseEdited() {
        ApplyResult r = ApplyResult.of(Outcome.UNCHANGED, Sentence.of("nothing reverted: " + FILE + " changed after "
                + "Port853 last wrote it, so it is someone else's now and stays as it is, with what it sets",
                "result.nothing-to-revert.others", FILE));
        assertEquals(ExitCodes.NOT_COVERED, ExitCodes.of(r));
    }

    @Test
    @DisplayName("reverted, one file left alone: exit 3; reverted with nothing left alone: 0")
    void revertedWithAFileLeftAlone() {
        ApplyResult left = ApplyResult.of(Outcome.REVERTED, Sentence.of("restored the previous settings; names resolve; "
                + "left " + FILE + " as it is", "result.reverted", 1, FILE, "", 0));
        assertEquals(ExitCodes.NOT_COVERED, ExitCodes.of(left));
        ApplyResult all = ApplyResult.of(Outcome.REVERTED, Sentence.of("restored the previous settings; names resolve",
                "result.reverted", 0, "", "", 0));
        assertEquals(ExitCodes.OK, ExitCodes.of(all));
        assertEquals(ExitCodes.OK, ExitCodes.of(ApplyResult.of(Outcome.UNCHANGED, Sentence.of(
                "nothing to revert: Port853's changes are not in place", "result.nothing-to-revert"))));
    }

    @Test
    @DisplayName("a revert that left an item as it is because it cannot tell what it is now (the DoT switch in an unknown "
            + "word): exit 3 as its reason or as a note, not 0 (Port853's DoT may still be on)")
    void revertThatLeftAnItemItCannotRead() {
        Sentence left = Sentence.of("left DoT (global) as it is: netsh prints 'jaa' for the DoT switch, so Port853 cannot "
                + "tell whether it is still as Port853 set it", "result.left-unknown", "DoT (global)",
                Sentence.of("netsh prints 'jaa' for the DoT switch", "windows.unpinned-word", "jaa"));
        assertEquals(ExitCodes.NOT_COVERED, ExitCodes.of(ApplyResult.of(Outcome.UNCHANGED, left)));
        ApplyResult reverted = ApplyResult.of(Outcome.REVERTED, Sentence.of("restored the previous settings; names "
                + "resolve", "result.reverted", 0, "", "", 0)).withNote(left);
        assertEquals(ExitCodes.NOT_COVERED, ExitCodes.of(reverted));
    }
}
