package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What each systemd release of the matrix really does, where the integration tests' expectations differ. */
final class Versions {
    /** ResolveHostname's reply flags arrived in 248. */
    static final int FIRST_TRANSPORT_FLAGS = 248;
    /** resolved reloads in place (Type=notify-reload, SIGHUP) from 256. */
    static final int FIRST_RELOAD = 256;

    private Versions() {
    }

    /**
     * A working strict setup: PROTECTED where resolved reports the transport of its answers; before 248 status
     * cannot see it from configuration alone, so it stays PARTIAL and says why (TRANSPORT_UNREPORTED).
     */
    static void assertProtectedAsFarAsProvable(int systemd, JsonNode status) {
        List<String> codes = ResolvedAdapterITBase.codes(status);
        if (systemd >= FIRST_TRANSPORT_FLAGS) {
            assertEquals("PROTECTED", status.path("assessment").path("verdict").asText(), status.toString());
        } else {
            assertEquals("PARTIAL", status.path("assessment").path("verdict").asText(), status.toString());
            assertTrue(codes.contains("TRANSPORT_UNREPORTED"), codes.toString());
        }
    }
}
