package org.port853.core;

import java.util.List;

/**
 * What the system resolver does now, as read from the system. {@code global} is null when the resolver could
 * not be read; {@code problem} then says why in one sentence. {@code platform} holds what only one platform has.
 */
public record ResolverState(String resolverName, StateSource source, boolean installed, boolean running,
                            GlobalState global, List<LinkState> links, PendingChange pendingChange,
                            String problem, PlatformDetails platform) {
    public ResolverState {
        links = List.copyOf(links);
        platform = platform == null ? PlatformDetails.NONE : platform;
    }

    public boolean readable() {
        return global != null;
    }

    /**
     * /etc/resolv.conf leads programs past the local resolver, and linking it to the resolver's stub would put them
     * through it: not on a machine without such a file (Windows), not where it already is the stub's, not while the
     * stub listener is off (there is nothing to link to then).
     */
    public boolean resolverFileNeedsLink() {
        ResolvConfState file = platform.resolverFile();
        return file != null && file.kind() != ResolvConfState.Kind.STUB && !(global != null && global.stubListenerOff());
    }

    public boolean degraded() {
        return source == StateSource.RESOLVECTL;
    }

    public ResolverState withPlatform(PlatformDetails p) {
        return new ResolverState(resolverName, source, installed, running, global, links, pendingChange, problem, p);
    }
}
