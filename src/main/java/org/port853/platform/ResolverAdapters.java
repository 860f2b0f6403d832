package org.port853.platform;

import java.util.List;
import java.util.function.Supplier;
import org.port853.platform.linux.SystemdResolvedAdapter;

/** Picks the resolver adapter for this machine at start-up. */
public final class ResolverAdapters {
    private ResolverAdapters() {
    }

    /** The first supported adapter, or one that reports "no supported resolver" in its state. */
    public static ResolverAdapter detect() {
        List<Supplier<ResolverAdapter>> candidates = List.of(SystemdResolvedAdapter::new);
        for (Supplier<ResolverAdapter> c : candidates) {
            ResolverAdapter a = c.get();
            if (a.isSupported()) {
                return a;
            }
        }
        return new UnsupportedResolverAdapter();
    }
}
