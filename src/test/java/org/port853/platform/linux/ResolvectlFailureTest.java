package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.platform.ProcessRunner;

class ResolvectlFailureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    @DisplayName("a resolver that hangs answers resolvectl neither: said as such, not 'resolvectl failed: ' with nothing "
            + "after it (rig walkthrough, resolved stopped with SIGSTOP)")
    void hungResolvectlIsSaid() {
        assertEquals("resolvectl did not answer within 10 s",
                ResolvedStateReader.resolvectlFailure(new ProcessRunner.Result(-1, "", "", true), TIMEOUT));
    }

    @Test
    void itsOwnWordsElseItsExitCode() {
        assertEquals("resolvectl failed: Failed to get global data: Connection refused", ResolvedStateReader
                .resolvectlFailure(new ProcessRunner.Result(1, "", "Failed to get global data: Connection refused\n",
                        false), TIMEOUT));
        assertEquals("resolvectl failed: exit code 1",
                ResolvedStateReader.resolvectlFailure(new ProcessRunner.Result(1, "", " \n", false), TIMEOUT));
    }
}
