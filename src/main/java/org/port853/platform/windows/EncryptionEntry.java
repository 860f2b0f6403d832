package org.port853.platform.windows;

/**
 * One DNS client encryption entry ({@code Get-DnsClientDohServerAddress} for DoH, {@code netsh dnsclient show
 * encryption} for DoT). {@code template} is set for DoH, {@code dotHost} ("name:853") for DoT.
 */
public record EncryptionEntry(String server, Protocol protocol, String template, String dotHost, boolean autoUpgrade,
                              boolean udpFallback) {
    public enum Protocol { DOH, DOT }

    /** Strict: queries to this server are upgraded and never fall back to plaintext. */
    public boolean strict() {
        return autoUpgrade && !udpFallback;
    }
}
