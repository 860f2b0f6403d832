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
        org.port853.core.Sentence hung = ResolvedStateReader.resolvectlFailure(new ProcessRunner.Result(-1, "", "",
                true), TIMEOUT);
        assertEquals("resolvectl did not answer within 10 s", hung.english());
        assertEquals(org.port853.core.Words.of("problem.resolvectl-no-answer", 10), hung.words(), "the window's words");
    }

    @Test
    void itsOwnWordsElseItsExitCode() {
        assertEquals("resolvectl failed: Failed to get global data: Connection refused", ResolvedStateReader
                .resolvectlFailure(new ProcessRunner.Result(1, "", "Failed to get global data: Connection refused\n",
                        false), TIMEOUT).english());
        assertEquals("resolvectl failed: exit code 1",
                ResolvedStateReader.resolvectlFailure(new ProcessRunner.Result(1, "", " \n", false), TIMEOUT).english());
    }

    @Test
    @DisplayName("a bus that did not answer in time is said in Port853's words; any other bus problem is the system's")
    void busProblems() {
        org.port853.core.Sentence late = ResolvedStateReader.busProblem(new ResolvedBus.NoAnswerInTime(
                Duration.ofMillis(3000), null));
        assertEquals("systemd-resolved did not answer on D-Bus within 3000 ms", late.english());
        assertEquals(org.port853.core.Words.of("problem.bus-no-answer", 3000), late.words());
        assertEquals(org.port853.core.Words.of("problem.system", "Failed to connect to bus"), ResolvedStateReader.busProblem(
                new java.io.IOException("Failed to connect to bus")).words());
    }
}
