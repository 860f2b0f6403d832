package org.port853.probe.dot;

import java.time.Instant;
import java.util.List;

/**
 * What the server's certificate says and how it fares, each aspect judged on its own so that a diagnosis can
 * name the one that fails. {@code trusted} ignores the validity dates (they are {@code expired}/{@code notYetValid}).
 */
public record CertificateReport(String subject, String issuer, String rootIssuer, List<String> names,
                                Instant notBefore, Instant notAfter, boolean expired, boolean notYetValid,
                                boolean trusted, String trustProblem, boolean nameMatches, String checkedName,
                                String pin) {
    public CertificateReport {
        // the server's text: shown in terminals and the window, so no control characters or new lines
        subject = printable(subject);
        issuer = printable(issuer);
        rootIssuer = printable(rootIssuer);
        trustProblem = printable(trustProblem);
        names = names.stream().map(CertificateReport::printable).toList();
    }

    private static String printable(String s) {
        return s == null ? null : org.port853.core.Printable.line(s);
    }
}
