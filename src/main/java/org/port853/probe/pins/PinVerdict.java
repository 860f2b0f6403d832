package org.port853.probe.pins;

import org.port853.probe.doctor.Check;

/**
 * The outcome of comparing a server's current key with its recorded pin. {@code untrustedName}: for
 * {@link Kind#NOT_TRUSTED}, the TLS name the certificate does not carry, or null when its chain is not trusted;
 * {@code outsideValidity}: trusted and naming the server, but expired or not yet valid.
 */
public record PinVerdict(Kind kind, String recordedPin, String seenPin, String source, String recordedIssuer, String seenIssuer,
                         String untrustedName, boolean outsideValidity) {
    /**
     * {@code NOT_TRUSTED}: a server without a pin showed a certificate that fails its checks (no trusted chain, or not
     * its TLS name), so its key was not recorded: trust on first use would enrol what an interceptor shows.
     */
    public enum Kind { RECORDED_NOW, MATCHES, CHANGED, NOT_SEEN, NOT_RECORDED, NOT_TRUSTED }

    public PinVerdict(Kind kind, String recordedPin, String seenPin, String source, String recordedIssuer, String seenIssuer) {
        this(kind, recordedPin, seenPin, source, recordedIssuer, seenIssuer, null, false);
    }

    public boolean changed() {
        return kind == Kind.CHANGED;
    }

    /** The pin the store holds for the server now (null when none could be recorded). */
    public String pin() {
        return kind == Kind.RECORDED_NOW && recordedPin == null ? seenPin : recordedPin;
    }

    public Check toCheck(String server) {
        return toCheck(server, false);
    }

    /**
     * {@code besideCertificateChecks}: said among doctor's checks of the same server, whose tls.* checks already say
     * what is wrong with a certificate (sending the user to doctor there would send them where they are).
     */
    public Check toCheck(String server, boolean besideCertificateChecks) {
        boolean catalogue = Pinning.CATALOGUE.equals(source);
        return switch (kind) {
            case RECORDED_NOW -> catalogue
                    ? Check.ok("pin.spki", server, "Recorded the provider's published pin " + seenPin + "; the server shows "
                    + "this key.").says("pin.spki.recorded-published", seenPin)
                    : Check.ok("pin.spki", server, "First use: recorded this server's key " + seenPin + " (trust on first "
                    + "use, issuer '" + seenIssuer + "').").says("pin.spki.recorded-first-use", seenPin, seenIssuer);
            case NOT_RECORDED -> Check.ok("pin.spki", server, "No pin is recorded for this server, so a key change "
                    + "would go unnoticed; it shows " + seenPin + " (issuer '" + seenIssuer + "'). 'port853 pins --check "
                    + "--server " + server + "' records it.").says("pin.spki.not-recorded", seenPin, seenIssuer, server);
            case MATCHES -> Check.ok("pin.spki", server, "The server's key matches the " + source + " pin " + recordedPin + ".")
                    .says("pin.spki.matches", recordedPin, catalogue ? 1 : 0);
            case CHANGED -> Check.failure("pin.spki", server, "THE SERVER'S KEY CHANGED: recorded " + source + " pin "
                            + recordedPin + issuer(recordedIssuer) + ", now " + seenPin + issuer(seenIssuer) + ".",
                    "Providers rotate keys rarely and announce it. If the provider did not, someone may be intercepting: "
                            + "use another network. Accept the new key only when you know why: port853 pins --accept " + server + ".")
                    .says("pin.spki.changed", recordedPin, seenPin, catalogue ? 1 : 0, recordedIssuer,
                            recordedIssuer == null ? 0 : 1, seenIssuer, seenIssuer == null ? 0 : 1, server);
            case NOT_TRUSTED -> Check.warning("pin.spki", server, "Not recorded: the certificate " + (outsideValidity
                            ? "is expired or not yet valid" : untrustedName == null
                            ? "is not signed by an authority the check trusts" : "does not name " + untrustedName)
                            + " (issuer '" + seenIssuer + "'), so its key " + seenPin + " is not trusted on first use.",
                    (besideCertificateChecks ? "The certificate checks of this server (tls.*) say what is wrong with it"
                            : "Diagnostics (port853 doctor --server " + server + ") check the certificate") + "; the key is "
                            + "recorded once the certificate is trusted and names the server (" + (besideCertificateChecks
                            // doctor records no pin: its own --ca-file would not do it
                            ? "for a private CA: port853 pins --check --server " + server + " --ca-file FILE"
                            : "with --ca-file for a private CA") + ").")
                    .says("pin.spki.not-trusted", seenPin, outsideValidity ? 2 : untrustedName == null ? 0 : 1,
                            untrustedName, seenIssuer, server, besideCertificateChecks ? 1 : 0);
            case NOT_SEEN -> Check.warning("pin.spki", server, "The key could not be checked: no TLS handshake"
                            + (recordedPin != null && catalogue ? " (recorded the provider's published pin " + recordedPin + ")" : "") + ".",
                    "Diagnostics (port853 doctor --server " + server + ") say why no TLS connection was made.")
                    .says("pin.spki.not-seen", recordedPin, recordedPin != null && catalogue ? 1 : 0, server);
        };
    }

    private static String issuer(String issuer) {
        return issuer == null ? "" : " (issuer '" + issuer + "')";
    }
}
