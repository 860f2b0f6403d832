package org.port853.platform.linux;

import java.util.function.LongFunction;

/**
 * One lookup of the probe name past resolved's cache where it can (248+). Where the version is not known (systemctl
 * could not say) and resolved turns out to predate the request flags ("Invalid flags parameter"), it is asked again
 * without them, as the health check falls back: a refusal of the flags says nothing about whether names resolve.
 *
 * @param pastCache the lookup bypassed the cache, so its reply flags tell how the answer travelled
 */
record FreshLookup(ResolvedBus.Lookup lookup, boolean pastCache) {

    /** @param resolve a lookup of the probe name with these request flags */
    static FreshLookup ask(ResolvedFeatures features, LongFunction<ResolvedBus.Lookup> resolve) {
        long flags = features.probeRequestFlags();
        ResolvedBus.Lookup l = resolve.apply(flags);
        if (flags != 0 && refusedByOlderRelease(features, l)) {
            return new FreshLookup(resolve.apply(0), false);
        }
        return new FreshLookup(l, flags != 0);
    }

    /**
     * One lookup past the cache, or empty where this resolved cannot be asked so (older than 248, or an unknown version
     * that refuses the flags): a lookup without them could tell nothing of how an answer travelled, so none is made.
     */
    static java.util.Optional<ResolvedBus.Lookup> pastCacheOnly(ResolvedFeatures features,
                                                                LongFunction<ResolvedBus.Lookup> resolve) {
        long flags = features.probeRequestFlags();
        if (flags == 0) {
            return java.util.Optional.empty();
        }
        ResolvedBus.Lookup l = resolve.apply(flags);
        return refusedByOlderRelease(features, l) ? java.util.Optional.empty() : java.util.Optional.of(l);
    }

    /**
     * The lookup with {@link ResolvedFeatures#probeRequestFlags()} was refused because the flags are newer than this
     * resolved, whose version is not known: it predates 248, and what needs the flags is done as for a known older one.
     */
    static boolean refusedByOlderRelease(ResolvedFeatures features, ResolvedBus.Lookup l) {
        return !features.known() && !l.answered() && l.rejectedFlags();
    }
}
