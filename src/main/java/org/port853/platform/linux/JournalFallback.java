package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port853.core.FeatureLevelChange;
import org.port853.platform.ProcessRunner;

/**
 * A fallback from TLS to plaintext that resolved's journal tells of and that still holds: a step down from a TLS level
 * to a plaintext one ({@link FeatureLevelChange#leftTls()}) since the running resolved started (a restart tries TLS
 * afresh), with no "Grace period over, resuming full feature set" for that server after it. Only dated lines count
 * (journalctl -o short-unix): a line without its time may be from any time this boot, and is not reported as now.
 */
final class JournalFallback {
    /** Where the start of the running resolved is not known: the last hour. */
    static final Duration WITHOUT_START = Duration.ofHours(1);

    private JournalFallback() {
    }

    /** The step-downs of the running resolved, started at {@code resolvedStart} (null: not known). */
    static Downgrade now(Instant resolvedStart) {
        Instant since = resolvedStart != null ? resolvedStart : Instant.now().minus(WITHOUT_START);
        return standing(read(since), since);
    }

    /** The last step down from TLS in journalctl's short-unix output at or after {@code since} that still holds. */
    static Downgrade standing(String shortUnix, Instant since) {
        Map<String, String> fallenBack = new LinkedHashMap<>(); // server -> its line, in the order seen
        for (String text : shortUnix.split("\n")) {
            JournalLine line = JournalLine.parse(text).orElse(null);
            if (line == null || line.at().isBefore(since)) {
                continue;
            }
            String message = line.message();
            FeatureLevelChange.parse(message).ifPresent(c -> {
                if (c.leftTls()) {
                    fallenBack.remove(c.server()); // the latest line last
                    fallenBack.put(c.server(), message);
                } else if (c.backOnTls()) {
                    fallenBack.remove(c.server());
                }
            });
        }
        return fallenBack.isEmpty() ? null
                : Downgrade.journal(List.copyOf(fallenBack.values()).get(fallenBack.size() - 1));
    }

    /** resolved's feature-level lines since {@code since}; empty when the journal is not readable (no permission, no journald). */
    private static String read(Instant since) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("journalctl", "-b", "-u", ResolvedControl.UNIT,
                    "--since", "@" + since.getEpochSecond(), "-o", "short-unix", "--no-pager", "-n", "300",
                    "-g", "feature set"), null, Duration.ofSeconds(5));
            return r.ok() ? r.stdout() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
