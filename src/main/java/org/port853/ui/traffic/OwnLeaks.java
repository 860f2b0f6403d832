package org.port853.ui.traffic;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.port853.capture.LeakRecord;
import org.port853.core.ResolverState;

/**
 * The leaks once judged a program's own ({@link LeakExplainer#bypassesResolver(LeakRecord, ResolverState, Instant)})
 * stay a program's own: a later change may make their server one of the resolver's, which does not make the program's
 * query the resolver's (window walkthrough: "dig @198.18.0.2" from before Protect was then "from before the change,
 * nothing left to fix"). Remembers the newest {@value #LIMIT}; the leaks judged the resolver's are remembered as long as
 * the settings and the time of the last change stay what they were judged by (the window asks each poll).
 */
public final class OwnLeaks {
    static final int LIMIT = 10_000;
    private final Set<LeakRecord> own = new LinkedHashSet<>();
    private final Set<LeakRecord> resolvers = new LinkedHashSet<>();
    private ResolverState judgedState;
    private Instant judgedChange;

    /** Is {@code r} a program's own leak, judged now or before? */
    public synchronized boolean test(LeakRecord r, ResolverState s, Instant lastChange) {
        if (own.contains(r)) {
            return true;
        }
        if (!Objects.equals(s, judgedState) || !Objects.equals(lastChange, judgedChange)) {
            resolvers.clear();
            judgedState = s;
            judgedChange = lastChange;
        } else if (resolvers.contains(r)) {
            return false;
        }
        boolean programs = LeakExplainer.bypassesResolver(r, s, lastChange);
        remember(programs ? own : resolvers, r);
        return programs;
    }

    private static void remember(Set<LeakRecord> set, LeakRecord r) {
        set.add(r);
        if (set.size() > LIMIT) {
            set.remove(set.iterator().next());
        }
    }
}
