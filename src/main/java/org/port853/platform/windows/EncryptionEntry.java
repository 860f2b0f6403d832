package org.port853.platform.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * One DNS client encryption entry ({@code Get-DnsClientDohServerAddress} for DoH, {@code netsh dnsclient show
 * encryption} for DoT). {@code template} is set for DoH, {@code dotHost} ("name:853") for DoT.
 */
public record EncryptionEntry(String server, Protocol protocol, String template, String dotHost, YesNo autoUpgrade,
                              YesNo udpFallback) {
    public enum Protocol { DOH, DOT }

    public EncryptionEntry(String server, Protocol protocol, String template, String dotHost, boolean autoUpgrade,
                           boolean udpFallback) {
        this(server, protocol, template, dotHost, YesNo.of(autoUpgrade), YesNo.of(udpFallback));
    }

    /** Strict, as far as Port853 can tell: queries to this server are upgraded and never fall back to plaintext. */
    public boolean strict() {
        return autoUpgrade.isYes() && udpFallback.isNo();
    }

    /** The flags netsh printed in words Port853 does not know: whether this entry encrypts is unknown while any is. */
    public List<UnrecognisedWord> unrecognised() {
        List<UnrecognisedWord> out = new ArrayList<>();
        if (!autoUpgrade.recognised()) {
            out.add(new UnrecognisedWord(UnrecognisedWord.AUTO_UPGRADE, server, autoUpgrade.word()));
        }
        if (!udpFallback.recognised()) {
            out.add(new UnrecognisedWord(UnrecognisedWord.UDP_FALLBACK, server, udpFallback.word()));
        }
        return out;
    }
}
