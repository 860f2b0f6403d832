package org.port853.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.Verdict;

@DisplayName("adapters come from ServiceLoader, filtered by OS and sorted by priority")
class ResolverAdaptersTest {
    private final String realOs = System.getProperty("os.name");

    @AfterEach
    void restoreOs() {
        System.setProperty("os.name", realOs);
    }

    @Test
    void linuxGetsTheSystemdResolvedAdapter() {
        System.setProperty("os.name", "Linux");
        ResolverAdapter a = ResolverAdapters.detect();
        assertEquals("systemd-resolved", a.id());
        assertTrue(a.isSupported());
    }

    @Test
    @DisplayName("on macOS (no adapter) the user gets the real reason, not 'sudo apt install systemd-resolved'")
    void noAdapterSaysTheRealReason() {
        System.setProperty("os.name", "Mac OS X");
        assertTrue(ResolverAdapters.supported().isEmpty(), "no adapter claims macOS");
        ResolverAdapter a = ResolverAdapters.detect();
        assertEquals("none", a.id());
        ResolverState s = a.readState();
        Assessment as = a.assess(s);
        assertEquals(Verdict.UNAVAILABLE, as.verdict());
        Reason r = as.reasons().get(0);
        assertEquals("RESOLVER_MISSING", r.code());
        String text = r.message() + " " + r.fix();
        assertTrue(text.contains("Mac OS X"), text);
        assertFalse(text.contains("apt install") || text.contains("dnf install") || text.contains("systemd-resolved is not installed"),
                text);
        assertEquals(ApplyResult.Outcome.REFUSED, a.revert().outcome());
    }

    @Test
    void windowsWithoutItsAdapterIsNotToldToInstallSystemd() {
        System.setProperty("os.name", "Windows 11");
        ResolverAdapter a = ResolverAdapters.detect();
        Assessment as = a.assess(a.readState());
        String all = as.reasons().toString();
        assertFalse(all.contains("apt install"), all);
        assertTrue(all.contains("Windows 11"), all);
    }
}
