package org.port853.ui.traffic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
 * <p>
 * One exception: a leak whose program could not be identified is judged by the settings alone, and when the next
 * reading shows that the settings changed at a time not after the leak (a change made elsewhere is only seen at the
 * next reading), the settings it was judged by may not be the ones it was made under, so it is judged again (window
 * walkthrough: the resolver's own plaintext fallback during {@code port853 apply} was named "a program that could not
 * be identified, past the system resolver").
 */
public final class OwnLeaks {
    static final int LIMIT = 10_000;
    /** A program's own leaks, each with the time of the last change it was judged under. */
    private final Map<LeakRecord, Instant> own = new LinkedHashMap<>();
    private final Set<LeakRecord> resolvers = new LinkedHashSet<>();
    private ResolverState judgedState;
    private Instant judgedChange;

    /** Is {@code r} a program's own leak, judged now or before? */
    public synchronized boolean test(LeakRecord r, ResolverState s, Instant lastChange) {
        if (own.containsKey(r)) {
            if (!judgedBeforeAChangeItMayFollow(r, own.get(r), lastChange)) {
                return true;
            }
            own.remove(r);
        }
        if (!Objects.equals(s, judgedState) || !Objects.equals(lastChange, judgedChange)) {
            resolvers.clear();
            judgedState = s;
            judgedChange = lastChange;
        } else if (resolvers.contains(r)) {
            return false;
        }
        boolean programs = LeakExplainer.bypassesResolver(r, s, lastChange);
        if (programs) {
            own.put(r, lastChange);
            dropOldest(own.keySet());
        } else {
            resolvers.add(r);
            dropOldest(resolvers);
        }
        return programs;
    }

    private static void dropOldest(Set<LeakRecord> set) {
        if (set.size() > LIMIT) {
            set.remove(set.iterator().next());
        }
    }

    /** An unidentified sender's leak, judged before a change that is now known to have come no later than it. */
    private static boolean judgedBeforeAChangeItMayFollow(LeakRecord r, Instant judgedUnder, Instant lastChange) {
        return LeakExplainer.sender(r) == null && lastChange != null && r.time() != null
                && !Objects.equals(judgedUnder, lastChange) && !lastChange.isAfter(r.time());
    }
}
