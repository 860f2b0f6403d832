package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
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
    /** The evidence when the probe itself came back in plaintext. */
    static final String LOOKUP_EVIDENCE = "a lookup of " + LinuxChange.PROBE_NAME
            + " just now came back from the network without encryption";
    /**
     * The evidence (followed by the link's name) when the probe's plaintext answer came from a link's own server that
     * the link's settings never ask over TLS: not a fallback, the link takes names beside the encrypted servers.
     */
    static final String LINK_EVIDENCE = "a lookup of " + LinuxChange.PROBE_NAME
            + " just now came back in plaintext from the DNS server of link ";

    private DowngradeObserver() {
    }

    /**
     * How long an observation stands for the same settings. The lookup is a real query, which in fallback goes out in
     * plaintext: a window that reads the state every few seconds must not add a leak of its own each time.
     */
    static final Duration KEEP = Duration.ofMinutes(5);
    private static Observation last;

    /** A fallback not seen may still come (resolved tries TLS first): looked for again sooner. */
    static final Duration KEEP_NONE_SEEN = Duration.ofMinutes(1);

    /** What was seen for these settings (servers and modes, global and per link), and when. */
    private record Observation(List<?> settings, long atNanos, String evidence) {
        boolean standsFor(List<?> now, long nanos) {
            Duration keep = evidence != null ? KEEP : KEEP_NONE_SEEN;
            return settings.equals(now) && nanos - atNanos < keep.toNanos();
        }
    }

    private static List<?> settingsOf(GlobalState g, List<LinkState> links) {
        return List.of(g.servers(), String.valueOf(g.dnsOverTls()),
                links.stream().map(l -> List.of(l.servers(), String.valueOf(l.dnsOverTls()))).toList());
    }

    static String observe(ResolvedBus bus, ResolvedFeatures features, GlobalState g, List<LinkState> links) {
        return observe(() -> bus.resolveHostname(LinuxChange.PROBE_NAME, features.probeRequestFlags(), CALL_TIMEOUT),
                features, g, links);
    }

    /** @param probe a lookup of {@link LinuxChange#PROBE_NAME} that bypasses the cache */
    static String observe(java.util.function.Supplier<ResolvedBus.Lookup> probe, ResolvedFeatures features,
                          GlobalState g, List<LinkState> links) {
        if (g == null || g.dnsOverTls() != DotMode.OPPORTUNISTIC) {
            return null;
        }
        long now = System.nanoTime();
        List<?> settings = settingsOf(g, links);
        synchronized (DowngradeObserver.class) {
            if (last != null && last.standsFor(settings, now)) {
                return last.evidence();
            }
        }
        String evidence = look(probe, features, links);
        synchronized (DowngradeObserver.class) {
            last = new Observation(settings, now, evidence);
        }
        return evidence;
    }

    /** Forgets the last observation: after a change the resolver restarted and tries TLS afresh. */
    static synchronized void forget() {
        last = null;
    }

    private static String look(java.util.function.Supplier<ResolvedBus.Lookup> probe, ResolvedFeatures features,
                               List<LinkState> links) {
        if (features.transportFlags()) {
            ResolvedBus.Lookup l = probe.get();
            if (l.answered() && (l.flags() & Resolve1.FLAG_FROM_NETWORK) != 0 && !l.confidential()) {
                // the answer's interface: 0 for the global servers, a link's index for its own servers
                return links.stream().filter(k -> k.index() == l.ifindex() && k.dnsOverTls() == DotMode.OFF)
                        .findFirst().map(k -> LINK_EVIDENCE + k.name()).orElse(LOOKUP_EVIDENCE);
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
