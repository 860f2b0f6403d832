package org.port853.platform.linux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.UnclaimedNames;

/**
 * Opportunistic mode falls back to plaintext when TLS fails, and says so only in passing. This looks for the
 * fallback as it happens: a lookup that bypasses the cache and comes back from the network without the
 * confidential flag (248+), or resolved's journal ({@link JournalFallback}). Returns
 * what was seen ({@link Downgrade}), or null when nothing was.
 */
final class DowngradeObserver {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

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
    private record Observation(List<?> settings, long atNanos, Downgrade evidence) {
        boolean standsFor(List<?> now, long nanos) {
            Duration keep = evidence != null ? KEEP : KEEP_NONE_SEEN;
            return settings.equals(now) && nanos - atNanos < keep.toNanos();
        }
    }

    private static List<?> settingsOf(GlobalState g, List<LinkState> links) {
        return List.of(g.servers(), String.valueOf(g.dnsOverTls()),
                links.stream().map(l -> List.of(l.servers(), String.valueOf(l.dnsOverTls()))).toList());
    }

    /** @param resolvedStart when the running resolved started; null where that cannot be told */
    static Downgrade observe(ResolvedBus bus, ResolvedFeatures features, GlobalState g, List<LinkState> links,
                             Instant resolvedStart) {
        return observe(onLink -> bus.resolveHostname(onLink, LinuxChange.PROBE_NAME, features.probeRequestFlags(),
                CALL_TIMEOUT), () -> JournalFallback.now(resolvedStart), features, g, links);
    }

    /**
     * @param probe a lookup of {@link LinuxChange#PROBE_NAME} on the link of that index (0: all) that bypasses the cache
     * @param journal the fallback resolved's journal tells of, or null
     */
    static Downgrade observe(IntFunction<ResolvedBus.Lookup> probe, Supplier<Downgrade> journal,
                             ResolvedFeatures features, GlobalState g, List<LinkState> links) {
        if (g == null || g.dnsOverTls() != DotMode.OPPORTUNISTIC && links.stream()
                .noneMatch(l -> !l.servers().isEmpty() && l.dnsOverTls() == DotMode.OPPORTUNISTIC)) {
            return null; // nothing falls back: no opportunistic mode, globally or on a link of its own
        }
        long now = System.nanoTime();
        List<?> settings = settingsOf(g, links);
        synchronized (DowngradeObserver.class) {
            if (last != null && last.standsFor(settings, now)) {
                return last.evidence();
            }
        }
        Downgrade evidence = look(probe, journal, features, g, links);
        synchronized (DowngradeObserver.class) {
            last = new Observation(settings, now, evidence);
        }
        return evidence;
    }

    /** Forgets the last observation: after a change the resolver restarted and tries TLS afresh. */
    static synchronized void forget() {
        last = null;
    }

    private static Downgrade look(IntFunction<ResolvedBus.Lookup> probe, Supplier<Downgrade> journal,
                                  ResolvedFeatures features, GlobalState g, List<LinkState> links) {
        if (features.transportFlags()) {
            ResolvedBus.Lookup global = probe.apply(0);
            if (FreshLookup.refusedByOlderRelease(features, global)) {
                return journal.get(); // older than 248: no link is asked with the flags it refused
            }
            Downgrade seen = plaintext(global, links);
            if (seen != null) {
                return seen;
            }
            // resolved asks a default-route link beside the global servers and takes the first answer: the encrypted
            // one may win every time while that link's opportunistic mode falls back on each query, so it is asked alone
            UnclaimedNames unclaimed = UnclaimedNames.of(g, links);
            for (LinkState k : links) {
                if (unclaimed.fallBackToPlaintext(k) && (seen = plaintext(probe.apply(k.index()), links)) != null) {
                    return seen;
                }
            }
        }
        return journal.get();
    }

    /** What a lookup's answer says: a fallback when it came from the network without encryption, else null. */
    private static Downgrade plaintext(ResolvedBus.Lookup l, List<LinkState> links) {
        if (!l.answered() || (l.flags() & Resolve1.FLAG_FROM_NETWORK) == 0 || l.confidential()) {
            return null;
        }
        // the answer's interface: 0 for the global servers, a link's index for its own servers (one that never uses
        // TLS takes names beside it; an opportunistic one fell back there, not on the global path). 257 reports a
        // global server's answer with the interface it left by: a link without servers of its own cannot have answered
        return links.stream().filter(k -> k.index() == l.ifindex() && !k.servers().isEmpty()).findFirst()
                .map(k -> k.neverUsesTls() ? Downgrade.link(k.name()) : Downgrade.lookupFromLink(k.name()))
                .orElse(Downgrade.lookup());
    }
}
