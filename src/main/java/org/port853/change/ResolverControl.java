package org.port853.change;

/** Platform-specific steps around a change: make the resolver load it, and prove it works. */
public interface ResolverControl {
    /** {@code detail} is one sentence; {@code encrypted} = the answer provably came over an encrypted transport;
     *  {@code answeredBy} names the server/link that answered when known (may be null). */
    record Health(boolean ok, boolean encrypted, String detail, String answeredBy) {}
    void ensureEnabled() throws java.io.IOException;
    /** Make the resolver read its configuration again (restart, reload, cache flush) and wait until it serves. */
    void reload() throws java.io.IOException;
    Health check(boolean requireEncrypted);
}
