package org.port853.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        // the window says it in its own words, from the bundles, and offers no command to copy
        String window = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.status.ReasonTexts.of(r, s).fix());
        assertFalse(window.contains("apt install") || window.contains("systemd"), window);
        assertNull(a.rules().command(r));
        assertEquals(ApplyResult.Outcome.REFUSED, a.revert().outcome());
    }

    @Test
    @DisplayName("Windows gets its own adapter, never the Linux one")
    void windowsGetsItsOwnAdapter() {
        // Only detection: reading the state would initialise JNA under a faked os.name and break JNA for every
        // later test in this JVM.
        System.setProperty("os.name", "Windows 11");
        assertEquals("windows-dnsclient", ResolverAdapters.detect().id());
    }
}
