package org.port853.probe.dot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.port853.core.UnreadableFile;

/**
 * The certificate authorities a probe trusts: the Java runtime's default trust store, or — for tests and for
 * checking a private resolver — exactly the PEM certificates of one file (property {@value #PROPERTY} or
 * environment {@value #ENV}). The file replaces the defaults; it never adds "trust everything".
 */
public final class TrustAnchors {
    public static final String PROPERTY = "port853.caFile";
    public static final String ENV = "PORT853_CA_FILE";

    private final Set<TrustAnchor> anchors;
    private final String source;

    private TrustAnchors(Set<TrustAnchor> anchors, String source) {
        this.anchors = Set.copyOf(anchors);
        this.source = source;
    }

    /** The configured file if set, else the system's store. */
    public static TrustAnchors configured() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            file = System.getenv(ENV);
        }
        return file == null || file.isBlank() ? system() : fromPem(Path.of(file));
    }

    /**
     * Where Linux distributions keep the certificate authorities the system trusts, as one PEM bundle (Debian, Ubuntu
     * and Arch; Fedora and RHEL; openSUSE): what systemd-resolved's TLS library reads. The first that exists is this
     * system's.
     */
    static final List<Path> OS_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/ca-bundle.pem"));

    /**
     * The authorities the system trusts: its PEM bundle where it has one, so that a probe judges a certificate as the
     * resolver does (the installed app's own Java runtime carries a frozen list of its own, without the authorities
     * an administrator added, e.g. a company's for its internal resolver); elsewhere (Windows) the runtime's store.
     */
    public static TrustAnchors system() {
        // elsewhere "/etc/ssl/…" is C:\etc\ssl\…, a folder any user may create: never read there
        return system(org.port853.platform.OperatingSystem.isLinux() ? OS_BUNDLES : List.of());
    }

    static TrustAnchors system(List<Path> bundles) {
        for (Path bundle : bundles) {
            if (Files.isRegularFile(bundle)) {
                try {
                    return new TrustAnchors(fromPem(bundle).anchors, "the system trust store (" + bundle + ")");
                } catch (IllegalArgumentException e) { // unreadable or empty: the runtime's own list, not none
                    java.util.logging.Logger.getLogger(TrustAnchors.class.getName()).warning(e.getMessage());
                }
                break;
            }
        }
        return runtimeStore();
    }

    private static TrustAnchors runtimeStore() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            Set<TrustAnchor> set = new HashSet<>();
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    for (X509Certificate c : ((X509TrustManager) tm).getAcceptedIssuers()) {
                        set.add(new TrustAnchor(c, null));
                    }
                }
            }
            return new TrustAnchors(set, "the Java runtime's trust store");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the system trust store cannot be read: " + e.getMessage(), e);
        }
    }

    public static TrustAnchors fromPem(Path file) {
        if (file.toString().isEmpty()) {
            // Path.of("") is the working directory: "cannot be read: it is a directory" would puzzle
            throw new IllegalArgumentException("no CA file was named (the --ca-file value is empty)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Set<TrustAnchor> set = new HashSet<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                set.add(new TrustAnchor((X509Certificate) c, null));
            }
            if (set.isEmpty()) {
                throw new IllegalArgumentException("CA file " + file + " holds no certificate");
            }
            return new TrustAnchors(set, file.toString());
        } catch (GeneralSecurityException e) {
            if (e.getCause() instanceof IOException io) { // the parser's read failed (a directory): not a format issue
                throw new IllegalArgumentException("CA file " + file + " cannot be read: " + UnreadableFile.why(file, io),
                        e);
            }
            throw new IllegalArgumentException("CA file " + file + " holds no certificate that can be read (PEM or DER "
                    + "X.509 expected)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("CA file " + file + " cannot be read: " + UnreadableFile.why(file, e),
                    e);
        }
    }

    public Set<TrustAnchor> anchors() {
        return anchors;
    }

    /** Where the anchors came from, for evidence texts. */
    public String source() {
        return source;
    }
}
