package org.port853.probe.dot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe trusts what the system trusts: its PEM bundle, which an administrator's own authorities join. */
class TrustAnchorsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the first bundle that exists is the system's trust, exactly (not the runtime's frozen list)")
    void theSystemsBundle() throws Exception {
        TrustAnchor one = TrustAnchors.system(List.of()).anchors().iterator().next();
        Path bundle = dir.resolve("ca-certificates.crt");
        Files.writeString(bundle, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(one.getTrustedCert().getEncoded()) + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
        TrustAnchors system = TrustAnchors.system(List.of(dir.resolve("missing.crt"), bundle));
        assertEquals(Set.of(one.getTrustedCert()), system.anchors().stream().map(TrustAnchor::getTrustedCert)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(system.source().contains(bundle.toString()), system.source());
    }

    @Test
    @DisplayName("no bundle, or one that holds no certificate: the runtime's own list, never nothing")
    void withoutABundleTheRuntimesList() throws Exception {
        Path broken = dir.resolve("broken.crt");
        Files.writeString(broken, "not a certificate\n");
        for (List<Path> bundles : List.of(List.<Path>of(), List.of(broken))) {
            TrustAnchors t = TrustAnchors.system(bundles);
            assertFalse(t.anchors().isEmpty());
            assertEquals("the Java runtime's trust store", t.source());
        }
    }
}
