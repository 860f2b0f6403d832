package org.port853.probe.pins;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.ResolverState;

/**
 * The pin store's unaccepted key changes as part of the assessment, so that {@code status} and the window's Status say
 * them alike: only those of servers in use count (a server no longer used is no risk now).
 */
public final class ChangedKeys {
    private ChangedKeys() {
    }

    /** {@code a}, with {@link Assessor#PIN_CHANGED} when a server in use in {@code s} is among {@code changed}. */
    public static Assessment assessed(Assessment a, ResolverState s, List<String> changed) {
        List<String> inUse = inUse(s, changed);
        return inUse.isEmpty() ? a : Assessor.keysChanged(a, inUse);
    }

    /** The servers of {@code changed} (as the store writes them) that {@code s} uses. */
    private static List<String> inUse(ResolverState s, List<String> changed) {
        if (changed.isEmpty() || s == null || s.global() == null) {
            return List.of();
        }
        Set<String> used = new HashSet<>();
        s.global().servers().forEach(x -> used.add(PinStore.canonical(x.toString())));
        return changed.stream().filter(used::contains).toList();
    }
}
