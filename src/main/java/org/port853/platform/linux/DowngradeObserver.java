package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.platform.ProcessRunner;

/**
 * Opportunistic mode falls back to plaintext when TLS fails, and says so only in passing. This looks for the
 * fallback as it happens: a lookup that bypasses the cache and comes back from the network without the
 * confidential flag (248+), or resolved's journal line "Using degraded feature set ... instead of TLS". Returns
 * one sentence of evidence, or null when nothing was seen.
 */
final class DowngradeObserver {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    static final String JOURNAL_MARK = "Using degraded feature set";

    private DowngradeObserver() {
    }

    static String observe(ResolvedBus bus, ResolvedFeatures features, GlobalState g) {
        if (g == null || g.dnsOverTls() != DotMode.OPPORTUNISTIC) {
            return null;
        }
        if (features.transportFlags()) {
            ResolvedBus.Lookup l = bus.resolveHostname(LinuxChange.PROBE_NAME, features.probeRequestFlags(),
                    CALL_TIMEOUT);
            if (l.answered() && (l.flags() & Resolve1.FLAG_FROM_NETWORK) != 0 && !l.confidential()) {
                return "a lookup of " + LinuxChange.PROBE_NAME + " just now came back from the network without "
                        + "encryption";
            }
        }
        return fromJournal(readJournal());
    }

    /** The last "degraded ... instead of TLS" line of resolved's journal output, as evidence; null if none. */
    static String fromJournal(String journal) {
        String found = null;
        for (String line : journal.split("\n")) {
            if (line.contains(JOURNAL_MARK) && line.contains("instead of TLS")) {
                found = line.strip();
            }
        }
        return found == null ? null : "resolved's journal says: " + found;
    }

    /** This boot's messages of resolved; empty when the journal is not readable (no permission, no journald). */
    private static String readJournal() {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("journalctl", "-b", "-u", ResolvedControl.UNIT,
                    "-o", "cat", "--no-pager", "-n", "300", "-g", JOURNAL_MARK), null, Duration.ofSeconds(5));
            return r.ok() ? r.stdout() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
