package org.port853.probe.dot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CertificateInspectorTest {
    @Test
    void namesMatchLikeRfc6125() {
        assertTrue(CertificateInspector.dnsNameMatches("DNS:dns.quad9.net", "DNS.Quad9.net."));
        assertTrue(CertificateInspector.dnsNameMatches("DNS:*.example.net", "dot.example.net"));
        assertFalse(CertificateInspector.dnsNameMatches("DNS:*.example.net", "a.b.example.net"));
        assertFalse(CertificateInspector.dnsNameMatches("DNS:*.net", "example.net"));
        assertFalse(CertificateInspector.dnsNameMatches("DNS:wrong.test", "dot.test"));
        assertFalse(CertificateInspector.dnsNameMatches("IP:198.18.0.1", "198.18.0.1"));
    }
}
