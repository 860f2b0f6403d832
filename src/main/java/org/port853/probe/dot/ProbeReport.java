package org.port853.probe.dot;

import java.util.List;
import org.port853.core.ServerAddress;

/**
 * Everything one probe of one server found. Times are milliseconds; fields of later phases are null (or empty)
 * when an earlier phase failed. {@code coldMillis}/{@code warmMillis}: one entry per answered query.
 */
public record ProbeReport(ServerAddress server, TcpOutcome tcp, TlsOutcome tls, String error,
                          Double connectMillis, Double handshakeMillis, String tlsVersion, String cipher,
                          CertificateReport certificate, Double firstAnswerMillis, List<Double> coldMillis,
                          List<Double> warmMillis, int failedQueries, String firstName, String firstRcode,
                          List<String> firstAnswers, Boolean pipelined, LargeAnswer large, DnssecAnswers dnssec) {
    /** The large-answer query: size of the answer in bytes, or the error. */
    public record LargeAnswer(String query, Integer bytes, boolean truncated, String error) {
        public boolean ok() {
            return error == null && bytes != null && !truncated;
        }
    }

    /** The DNSSEC pair: rcode and AD flag of the signed name, rcode of the broken one. */
    public record DnssecAnswers(String signedName, String signedRcode, boolean signedAd, String bogusName,
                                String bogusRcode, String error) {
    }

    public ProbeReport {
        coldMillis = coldMillis == null ? List.of() : List.copyOf(coldMillis);
        warmMillis = warmMillis == null ? List.of() : List.copyOf(warmMillis);
        firstAnswers = firstAnswers == null ? List.of() : List.copyOf(firstAnswers);
    }

    /** TLS handshake done and at least one answer came back. */
    public boolean answered() {
        return tls == TlsOutcome.OK && !coldMillis.isEmpty();
    }

    /** Reachable and authenticated the way strict mode requires: trusted, named right, in date. */
    public boolean strictCapable() {
        return strictProblem() == null;
    }

    /** Why strict mode would not take this server, in a few words; null when it would. */
    public String strictProblem() {
        if (tls != TlsOutcome.OK) {
            return "no TLS connection" + (error == null ? "" : ": " + error);
        }
        if (certificate == null) {
            return "no certificate was seen";
        }
        if (!certificate.trusted()) {
            return "certificate not trusted" + (certificate.trustProblem() == null ? "" : ": " + certificate.trustProblem());
        }
        if (!certificate.nameMatches()) {
            return certificate.checkedName() == null ? "no TLS name to check the certificate against (give IP#NAME)"
                    : "certificate is not for " + certificate.checkedName() + " (it names "
                    + String.join(", ", certificate.names()) + ")";
        }
        if (certificate.expired()) {
            return "certificate expired " + certificate.notAfter();
        }
        if (certificate.notYetValid()) {
            return "certificate not valid before " + certificate.notBefore();
        }
        return coldMillis.isEmpty() ? "no answer came back" : null;
    }

    public static ProbeReport failed(ServerAddress server, TcpOutcome tcp, TlsOutcome tls, String error, Double connectMillis) {
        return new ProbeReport(server, tcp, tls, error, connectMillis, null, null, null, null, null, List.of(), List.of(),
                0, null, null, List.of(), null, null, null);
    }
}
