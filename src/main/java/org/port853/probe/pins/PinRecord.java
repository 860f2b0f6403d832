package org.port853.probe.pins;

import java.time.Instant;
import org.port853.probe.doctor.Check;

/**
 * The recorded SPKI pin of one server. {@code source}: "catalogue" (published by the provider) or "tofu"
 * (trust on first use: what the server showed when it was first checked). {@code lastPin} is what the last
 * check saw (differs from {@code pin} after a key change until the user accepts the new key).
 */
public record PinRecord(String server, String pin, String source, String issuer, Instant firstSeen,
                        Instant lastChecked, String lastPin) {
    public PinRecord {
        // a certificate's text, or the store file's (which anyone with the user's rights can edit): shown as is
        issuer = issuer == null ? null : org.port853.core.Printable.line(issuer);
    }

    /** Did the last check see a key other than the pin, a change the user has not accepted? */
    public boolean changed() {
        return lastPin != null && !lastPin.equals(pin);
    }

    /**
     * The key change the last check saw, worded as that check said it (the issuer it saw is not recorded).
     *
     * @throws IllegalStateException when the key has not {@link #changed()}
     */
    public Check change() {
        if (!changed()) {
            throw new IllegalStateException("the key of " + server + " has not changed");
        }
        return new PinVerdict(PinVerdict.Kind.CHANGED, pin, lastPin, source, issuer, null).toCheck(server);
    }
}
