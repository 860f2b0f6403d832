package org.port853.probe.dot;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Keeps the server's chain and lets the handshake finish whatever it holds, so that the probe can report
 * every problem of a certificate instead of the first. Only the probe uses it: its answers are test queries,
 * and {@link CertificateInspector} judges the recorded chain afterwards. Never use it for real traffic.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();

    List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) {
        chain = List.of(certs);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) {
        chain = List.of(certs);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) {
        chain = List.of(certs);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
