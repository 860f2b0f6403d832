package org.port853.helper;

import java.io.IOException;

/**
 * The platform-specific steps of a change, as the privileged side needs them: making the resolver pick up
 * new files, and checking that names resolve afterwards.
 */
public interface ResolverControl {
    /**
     * The outcome of a health check; {@code detail} is one sentence; {@code encrypted} = the answer provably came
     * over an encrypted transport; {@code answeredBy} names the server/link that answered when known (may be null).
     */
    record Health(boolean ok, boolean encrypted, String detail, String answeredBy) {
        public Health(boolean ok, boolean encrypted, String detail) {
            this(ok, encrypted, detail, null);
        }
    }

    /** Makes sure the resolver service starts at boot (done once before the first restart). */
    void ensureEnabled() throws IOException;

    /** Makes the resolver read its configuration again and waits until it serves. */
    void restart() throws IOException;

    /** Resolves a name through the resolver with a short deadline. */
    Health check(boolean requireEncrypted);
}
