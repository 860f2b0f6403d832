package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class FreshLookupTest {
    private static final ResolvedBus.Lookup ANSWERED = new ResolvedBus.Lookup(true, 1, 0x1, null, 0, null);
    private static final ResolvedBus.Lookup FLAGS_REFUSED = ResolvedBus.Lookup.failed("Invalid flags parameter",
            ResolvedBus.Lookup.INVALID_ARGS);

    /** resolved 247: refuses any request flag, answers without them. */
    private final List<Long> asked = new ArrayList<>();
    private final LongFunction<ResolvedBus.Lookup> resolved247 = flags -> {
        asked.add(flags);
        return flags == 0 ? ANSWERED : FLAGS_REFUSED;
    };

    @Test
    void anUnknownReleaseThatRefusesTheFlagsIsAskedAgainWithout() {
        FreshLookup f = FreshLookup.ask(new ResolvedFeatures(0), resolved247);
        assertTrue(f.lookup().serverAnswered(), "247 answers the name, it only refused the flags: " + f);
        assertFalse(f.pastCache(), "an answer without the flags may come from the cache");
        assertEquals(2, asked.size());
        assertEquals(0L, asked.get(1));
    }

    @Test
    void theTransportOfAnUnknownReleaseThatRefusesTheFlagsIsNotAskedAgainWithout() {
        assertEquals(java.util.Optional.empty(), FreshLookup.pastCacheOnly(new ResolvedFeatures(0), resolved247));
        assertEquals(1, asked.size(), "an answer without the flags cannot tell the transport: not waited for " + asked);
        assertEquals(java.util.Optional.empty(), FreshLookup.pastCacheOnly(new ResolvedFeatures(247), resolved247));
        assertEquals(1, asked.size(), "a known older release is not asked at all");
        assertTrue(FreshLookup.pastCacheOnly(new ResolvedFeatures(252), flags -> ANSWERED).isPresent());
    }

    @Test
    void aKnownOldReleaseIsAskedOnceWithoutFlags() {
        FreshLookup f = FreshLookup.ask(new ResolvedFeatures(247), resolved247);
        assertEquals(List.of(0L), asked);
        assertTrue(f.lookup().serverAnswered());
        assertFalse(f.pastCache());
    }

    @Test
    void aCurrentReleaseIsAskedPastTheCache() {
        FreshLookup f = FreshLookup.ask(new ResolvedFeatures(252), flags -> {
            asked.add(flags);
            return ANSWERED;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0) != 0);
        assertTrue(f.pastCache());
    }

    @Test
    void aKnownCurrentReleaseThatRefusesIsNotAskedAgain() {
        FreshLookup f = FreshLookup.ask(new ResolvedFeatures(252), resolved247);
        assertEquals(1, asked.size());
        assertFalse(f.lookup().serverAnswered());
    }
}
