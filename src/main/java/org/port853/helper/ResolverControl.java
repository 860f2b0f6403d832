package org.port853.helper;

import java.io.IOException;

/**
 * The platform-specific steps of a change, as the privileged side needs them: making the resolver pick up
 * new files, and checking that names resolve afterwards.
 */
public interface ResolverControl {
    /** The outcome of a health check; {@code detail} is one sentence. */
    record Health(boolean ok, boolean encrypted, String detail) {
    }

    /** Makes sure the resolver service starts at boot (done once before the first restart). */
    void ensureEnabled() throws IOException;

    /** Makes the resolver read its configuration again and waits until it serves. */
    void restart() throws IOException;

    /** Resolves a name through the resolver with a short deadline. */
    Health check(boolean requireEncrypted);
}
