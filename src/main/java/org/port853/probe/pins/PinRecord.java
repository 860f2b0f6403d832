package org.port853.probe.pins;

import java.time.Instant;

/**
 * The recorded SPKI pin of one server. {@code source}: "catalogue" (published by the provider) or "tofu"
 * (trust on first use: what the server showed when it was first checked). {@code lastPin} is what the last
 * check saw (differs from {@code pin} after a key change until the user accepts the new key).
 */
public record PinRecord(String server, String pin, String source, String issuer, Instant firstSeen,
                        Instant lastChecked, String lastPin) {
    /** Did the last check see a key other than the pin, a change the user has not accepted? */
    public boolean changed() {
        return lastPin != null && !lastPin.equals(pin);
    }
}
