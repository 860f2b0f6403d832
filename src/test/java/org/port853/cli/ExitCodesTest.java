package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;

class ExitCodesTest {
    @Test
    void aRevertAfterWhichNamesDoNotResolveIsNotAFullSuccess() {
        ApplyResult unhealthy = ApplyResult.of(ApplyResult.Outcome.REVERTED, Sentence.of("restored the previous settings, "
                + "but names do not resolve with them: no servers", "result.reverted-unhealthy", 0, "", "no servers", 0));
        assertEquals(ExitCodes.NOT_COVERED, ExitCodes.of(unhealthy), "a script must be able to tell");
        ApplyResult fine = ApplyResult.of(ApplyResult.Outcome.REVERTED, Sentence.of("restored the previous settings; "
                + "names resolve", "result.reverted", 0, "", "", 0));
        assertEquals(ExitCodes.OK, ExitCodes.of(fine));
    }
}
