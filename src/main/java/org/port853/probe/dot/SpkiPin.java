package org.port853.probe.dot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The SPKI pin of a certificate: base64 of the SHA-256 digest of its DER SubjectPublicKeyInfo, as in
 * RFC 7469 and Stubby's {@code tls_pubkey_pinset}.
 */
public final class SpkiPin {
    private SpkiPin() {
    }

    public static String of(X509Certificate cert) {
        return of(cert.getPublicKey().getEncoded());
    }

    /** The pin of a DER SubjectPublicKeyInfo (or of any bytes: the demo's sample keys). */
    public static String of(byte[] spki) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
