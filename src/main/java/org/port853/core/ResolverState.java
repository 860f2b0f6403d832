package org.port853.core;

import java.util.List;

/**
 * What the system resolver does now, as read from the system. {@code global} is null when the resolver could
 * not be read; {@code problem} then says why in one sentence.
 */
public record ResolverState(String resolverName, StateSource source, boolean installed, boolean running,
                            int systemdVersion, GlobalState global, List<LinkState> links,
                            ResolvConfState resolvConf, List<DropIn> dropIns, PendingChange pendingChange,
                            String problem, PlatformDetails platform) {
    /** The state without platform details (Linux callers until the state model is split). */
    public ResolverState(String resolverName, StateSource source, boolean installed, boolean running,
                         int systemdVersion, GlobalState global, List<LinkState> links, ResolvConfState resolvConf,
                         List<DropIn> dropIns, PendingChange pendingChange, String problem) {
        this(resolverName, source, installed, running, systemdVersion, global, links, resolvConf, dropIns,
                pendingChange, problem, null);
    }

    public ResolverState {
        links = List.copyOf(links);
        dropIns = List.copyOf(dropIns);
    }

    public boolean readable() {
        return global != null;
    }

    public boolean degraded() {
        return source == StateSource.RESOLVECTL;
    }
}
