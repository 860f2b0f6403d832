package org.port853.ui.traffic;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.port853.capture.LeakRecord;
import org.port853.core.ResolverState;

/**
 * The leaks once judged a program's own ({@link LeakExplainer#bypassesResolver(LeakRecord, ResolverState, Instant)})
 * stay a program's own: a later change may make their server one of the resolver's, which does not make the program's
 * query the resolver's (window walkthrough: "dig @198.18.0.2" from before Protect was then "from before the change,
 * nothing left to fix"). Remembers the newest {@value #LIMIT}.
 */
public final class OwnLeaks {
    static final int LIMIT = 10_000;
    private final Set<LeakRecord> own = new LinkedHashSet<>();

    /** Is {@code r} a program's own leak, judged now or before? */
    public synchronized boolean test(LeakRecord r, ResolverState s, Instant lastChange) {
        if (own.contains(r)) {
            return true;
        }
        if (!LeakExplainer.bypassesResolver(r, s, lastChange)) {
            return false;
        }
        own.add(r);
        if (own.size() > LIMIT) {
            own.remove(own.iterator().next());
        }
        return true;
    }
}
