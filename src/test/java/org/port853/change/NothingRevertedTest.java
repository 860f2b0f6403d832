package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;

/** Every way the engine says a revert left someone else's files alone is one filesLeftAlone finds them in. */
class NothingRevertedTest {
    private static final String DROP_IN = "/etc/systemd/resolved.conf.d/zz-port853.conf";
    private static final String MAIN = "/etc/systemd/resolved.conf";

    @Test
    @DisplayName("the files of each nothing-reverted wording are the files left alone")
    void eachWordingNamesTheFilesLeftAlone() {
        for (Sentence said : List.of(ChangeEngine.nothingReverted(List.of(DROP_IN, MAIN), List.of()),
                ChangeEngine.nothingReverted(List.of(DROP_IN), List.of(DROP_IN)))) {
            assertTrue(ApplyResult.NOTHING_REVERTED.contains(said.words().wording()), said.words().wording());
            List<String> files = said.words().details().get(0).equals(DROP_IN) ? List.of(DROP_IN) : List.of(DROP_IN, MAIN);
            assertEquals(files, ApplyResult.of(ApplyResult.Outcome.UNCHANGED, said).filesLeftAlone(), said.english());
        }
    }
}
