package org.port853.probe.dot;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.port853.core.IpAddresses;

/**
 * Judges a server's certificate chain: path to a trust anchor (at a date inside the leaf's validity, so that
 * expiry is reported apart), validity dates, and the name check resolved does (RFC 6125: DNS names with a
 * left-most wildcard; without a configured name, the server's IP address must be in the certificate).
 */
public final class CertificateInspector {
    private final TrustAnchors anchors;

    public CertificateInspector(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    public CertificateReport inspect(List<X509Certificate> chain, String tlsName, InetAddress address, Instant now) {
        X509Certificate leaf = chain.get(0);
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        String trustProblem = validate(chain, clamp(now, notBefore, notAfter));
        List<String> names = subjectAltNames(leaf);
        String checked = tlsName != null ? tlsName : IpAddresses.format(address);
        boolean nameMatches = tlsName != null ? names.stream().anyMatch(n -> dnsNameMatches(n, tlsName))
                : names.stream().anyMatch(n -> n.equals("IP:" + IpAddresses.format(address)));
        X509Certificate top = chain.get(chain.size() - 1);
        return new CertificateReport(cn(leaf.getSubjectX500Principal().getName()),
                cn(leaf.getIssuerX500Principal().getName()), cn(top.getIssuerX500Principal().getName()), names,
                notBefore, notAfter, now.isAfter(notAfter), now.isBefore(notBefore), trustProblem == null,
                trustProblem, nameMatches, checked, SpkiPin.of(leaf));
    }

    private String validate(List<X509Certificate> chain, Instant at) {
        try {
            PKIXParameters params = new PKIXParameters(anchors.anchors());
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            return null;
        } catch (CertPathValidatorException e) {
            return "no path to a certificate authority in " + anchors.source()
                    + (e.getReason() == null ? "" : " (" + e.getReason().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        } catch (GeneralSecurityException e) {
            return "the chain cannot be checked: " + e.getMessage();
        }
    }

    private static Instant clamp(Instant now, Instant from, Instant to) {
        if (now.isBefore(from)) return from.plusSeconds(1);
        if (now.isAfter(to)) return to.minusSeconds(1);
        return now;
    }

    /** "DNS:name" and "IP:address" entries of the subjectAltName extension. */
    static List<String> subjectAltNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        out.add("DNS:" + san.get(1));
                    } else if (type == 7) {
                        out.add("IP:" + IpAddresses.format(IpAddresses.parse(san.get(1).toString())));
                    }
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // an unparsable extension matches no name
        }
        return out;
    }

    /** RFC 6125 section 6.4: case-insensitive, a '*' only as the whole left-most label. */
    static boolean dnsNameMatches(String san, String name) {
        if (!san.startsWith("DNS:")) {
            return false;
        }
        String pattern = stripDot(san.substring(4).toLowerCase(Locale.ROOT));
        String host = stripDot(name.toLowerCase(Locale.ROOT));
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2)) && pattern.indexOf('.', 2) > 0;
        }
        return pattern.equals(host);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String cn(String dn) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through to the full name
        }
        return dn;
    }
}
