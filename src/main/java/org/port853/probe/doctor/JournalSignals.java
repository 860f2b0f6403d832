package org.port853.probe.doctor;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.port853.core.FeatureLevelChange;
import org.port853.platform.linux.JournalLine;

/**
 * Reads systemd-resolved's recent journal lines and maps its own complaints to the troubleshooting matrix:
 * a degraded feature set (TLS abandoned: opportunistic fallback or a blocked port), certificate errors
 * (untrusted, wrong name, expired or intercepted), and upstream errors ("Server returned error").
 * The texts are those of resolved's log messages (resolved-dns-server.c, resolved-dnstls-*.c). The evidence says from
 * when the journal was read and when the last line was logged, in this computer's time zone.
 */
public final class JournalSignals {
    private JournalSignals() {
    }

    /** {@code now}: the time and zone the evidence's times are said in. */
    public static List<Check> of(JournalExcerpt journal, ZonedDateTime now) {
        List<JournalLine> degraded = new ArrayList<>();
        List<JournalLine> certificate = new ArrayList<>();
        List<JournalLine> serverErrors = new ArrayList<>();
        for (JournalLine line : journal.lines()) {
            String l = line.message().toLowerCase(Locale.ROOT);
            if (l.contains("using degraded feature set")) {
                degraded.add(line);
            } else if (l.contains("certificate") && (l.contains("verif") || l.contains("fail") || l.contains("error"))
                    || l.contains("ssl_do_handshake") || l.contains("gnutls_handshake")) {
                certificate.add(line);
            } else if (l.contains("server returned error")) {
                serverErrors.add(line);
            }
        }
        String since = journal.since() == null ? "" : JournalExcerpt.said(journal.since(), now);
        int dated = journal.since() == null ? 0 : 1;
        String source = "systemd-resolved's journal " + (dated == 1 ? "since " + since : "of this boot");
        List<Check> out = new ArrayList<>();
        if (degraded.isEmpty()) {
            out.add(Check.ok("journal.degraded", null, "No 'Using degraded feature set' in " + source + ".")
                    .says("journal.degraded.none", since, dated));
        } else {
            boolean leftTls = degraded.stream().anyMatch(x -> FeatureLevelChange.parse(x.message())
                    .filter(FeatureLevelChange::leftTls).isPresent());
            out.add(Check.failure("journal.degraded", null, degraded.size() + " line(s) in " + source + ", the last at "
                    + at(degraded, now) + ": '" + last(degraded) + "'" + (leftTls ? ": resolved gave up TLS for that server (opportunistic fallback to "
                    + "plaintext, or in strict mode no answers)." : "."), "See the dot.reachable checks for that server: "
                    + "port 853 is blocked or the server does not speak TLS; use strict mode and a reachable provider.")
                    .says("journal.degraded.seen", degraded.size(), last(degraded), leftTls ? 1 : 0, since, dated,
                            at(degraded, now))
                    .withFixAction(leftTls ? FixActions.USE_STRICT_MODE : null));
        }
        if (certificate.isEmpty()) {
            out.add(Check.ok("journal.certificate", null, "No TLS certificate errors in " + source + ".")
                    .says("journal.certificate.none", since, dated));
        } else {
            out.add(Check.failure("journal.certificate", null, certificate.size() + " TLS handshake/certificate error(s) in "
                    + source + ", the last at " + at(certificate, now) + ": '" + last(certificate) + "'.", "The server's certificate is not trusted, has another "
                    + "name, or expired (or a middlebox intercepts): see the tls.* checks, and check the #name.")
                    .says("journal.certificate.seen", certificate.size(), last(certificate), since, dated,
                            at(certificate, now)));
        }
        if (serverErrors.isEmpty()) {
            out.add(Check.ok("journal.server-error", null, "No 'Server returned error' in " + source + ".")
                    .says("journal.server-error.none", since, dated));
        } else {
            out.add(Check.warning("journal.server-error", null, serverErrors.size() + " upstream error(s) in " + source
                    + ", the last at " + at(serverErrors, now) + ": '" + last(serverErrors) + "'.", "The upstream server answered with errors (often SERVFAIL "
                    + "from DNSSEC or a filtering provider): see the dnssec.validation check.")
                    .says("journal.server-error.seen", serverErrors.size(), last(serverErrors), since, dated,
                            at(serverErrors, now)));
        }
        return out;
    }

    private static String at(List<JournalLine> l, ZonedDateTime now) {
        return JournalExcerpt.said(l.get(l.size() - 1).at(), now);
    }

    private static String last(List<JournalLine> l) {
        String s = l.get(l.size() - 1).message();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
