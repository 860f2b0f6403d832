package org.port853.probe.doctor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.port853.core.DnsNames;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;
import org.port853.probe.pins.PinVerdict;

/** Turns one server's probe into checks: reachability, certificate, TLS version, large answers, DNSSEC, pin. */
public final class ServerChecks {
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private ServerChecks() {
    }

    /** The checks of each report in turn, for {@code mode}, without a resolver's DNSSEC or a pin to judge by. */
    public static List<Check> ofAll(List<ProbeReport> reports, DotMode mode, Instant now) {
        List<Check> out = new ArrayList<>();
        for (ProbeReport r : reports) {
            out.addAll(of(r, mode, null, null, now));
        }
        return out;
    }

    /**
     * {@code mode}: the resolver's DoT mode for this server (null: unknown); {@code resolverDnssec}: whether the
     * resolver validates DNSSEC itself (null: unknown); {@code pin}: null when not checked.
     */
    public static List<Check> of(ProbeReport r, DotMode mode, DnssecMode resolverDnssec, PinVerdict pin, Instant now) {
        List<Check> out = new ArrayList<>();
        String s = r.server().toString();
        if (r.tls() != TlsOutcome.OK) {
            out.add(unreachable(r, s));
            out.add(downMode(mode, s));
            return out;
        }
        out.add(Check.ok("dot.reachable", s, "TCP " + r.server().dotEndpoint() + " connected in "
                + r.connectMillis() + " ms, TLS handshake " + r.handshakeMillis() + " ms"
                + (r.answered() ? ", first answer " + r.firstAnswerMillis() + " ms" : "") + ".")
                .says("dot.reachable.ok", r.server().dotEndpoint(), r.connectMillis(),
                        r.handshakeMillis(), r.firstAnswerMillis(), r.answered() ? 1 : 0));
        CertificateReport c = r.certificate();
        if (c != null) {
            out.add(trust(c, s, pin));
            out.add(name(c, r, s));
            out.add(dates(c, s, now));
        }
        out.add(version(r, s));
        // a server that answers no query for this computer makes every other answer meaningless: a REFUSED is
        // neither a small answer nor a missing AD flag
        String notAnswering = r.error() != null ? r.error() : r.firstRcode() != null && !"NOERROR".equals(r.firstRcode())
                && !"NXDOMAIN".equals(r.firstRcode()) ? r.firstRcode() : null;
        if (r.error() != null) {
            out.add(Check.failure("dns.queries", s, "TLS worked but " + r.error() + ".",
                    "The server closes DNS-over-TLS connections: try another provider.").says("dns.queries.failed", r.error()));
        } else if (r.firstRcode() != null && !"NOERROR".equals(r.firstRcode()) && !"NXDOMAIN".equals(r.firstRcode())) {
            out.add(Check.failure("dns.queries", s, "TLS worked but the server answered " + r.firstName() + " with "
                    + r.firstRcode() + ": it does not resolve names for this computer.", "The server refuses this "
                    + "computer (an access list) or cannot reach its own upstream: ask its operator, or choose another "
                    + "provider.").says("dns.queries.rcode", r.firstName(), r.firstRcode()));
        }
        if (r.large() != null) {
            out.add(large(r.large(), s, notAnswering));
        }
        if (r.dnssec() != null) {
            out.add(dnssec(r.dnssec(), s, notAnswering, resolverDnssec));
        }
        if (pin != null) {
            out.add(pin.toCheck(s, true));
        }
        return out;
    }

    private static Check unreachable(ProbeReport r, String s) {
        String where = r.server().dotEndpoint();
        if (r.tcp() == TcpOutcome.REFUSED) {
            return Check.failure("dot.reachable", s, "TCP " + where + " was refused (reset): nothing listens on port 853 there, "
                    + "or a firewall rejects it.", "Check the address; if it is right, the server does not offer DNS-over-TLS "
                    + "or the network blocks port 853: choose another provider or network.").says("dot.reachable.refused", where);
        }
        if (r.tcp() == TcpOutcome.TIMED_OUT) {
            return Check.failure("dot.reachable", s, "TCP " + where + " got no answer within the timeout: a firewall silently "
                    + "drops port 853, or the server is down.", "Try from another network; if it works there, ask this network's "
                    + "administrator to allow TCP port 853 outbound.").says("dot.reachable.timeout", where);
        }
        if (r.tcp() == TcpOutcome.UNREACHABLE) {
            return Check.failure("dot.reachable", s, "No route to " + where + " (" + r.error() + ").",
                    "Check the network connection.").says("dot.reachable.no-route", where, r.error());
        }
        String how = switch (r.tls()) {
            case RESET -> "TCP connected, then the connection was reset when the TLS handshake started";
            case CLOSED -> "TCP connected, then the connection was closed without a TLS handshake";
            case TIMED_OUT -> "TCP connected, but no TLS handshake answer came";
            default -> "the TLS handshake failed (" + r.error() + ")";
        };
        return Check.failure("dot.reachable", s, how + " at " + where + ": typical of a middlebox (firewall, captive portal, "
                + "DPI) that interferes with DNS-over-TLS.", "Try from another network; if it works there, this network "
                + "interferes with port 853.").says(switch (r.tls()) {
                    case RESET -> "dot.reachable.tls-reset";
                    case CLOSED -> "dot.reachable.tls-closed";
                    case TIMED_OUT -> "dot.reachable.tls-timeout";
                    default -> "dot.reachable.tls-failed";
                }, where, r.error());
    }

    private static Check downMode(DotMode mode, String s) {
        if (mode == DotMode.STRICT) {
            return Check.failure("dot.down-mode", s, "The resolver is in strict mode and this server cannot be reached over TLS: "
                    + "lookups through it fail by design (no plaintext fallback).", "Add a second reachable provider, or fix the "
                    + "path to this one; do not switch to opportunistic just to get answers.").says("dot.down-mode.strict");
        }
        if (mode == DotMode.OPPORTUNISTIC) {
            return Check.failure("dot.down-mode", s, "The resolver is in opportunistic mode and this server cannot be reached "
                    + "over TLS: resolved silently falls back to plaintext on port 53.", "Choose a provider reachable over TLS "
                    + "and switch to strict mode.").says("dot.down-mode.opportunistic").withFixAction(FixActions.USE_STRICT_MODE);
        }
        return Check.warning("dot.down-mode", s, "This server cannot be reached over TLS; the resolver's DoT mode is "
                + (mode == null ? "unknown" : "off") + ".", "Choose a provider that is reachable over TLS.")
                .says("dot.down-mode.other", mode == null ? 0 : 1);
    }

    /**
     * A server named to vet it ({@code doctor --server}) that the resolver does not use: what its mode would do with it,
     * since nothing is failing through it now. {@code mode}: strict or opportunistic.
     */
    static Check downModeNotInUse(DotMode mode, String s) {
        boolean strict = mode == DotMode.STRICT;
        return Check.failure("dot.down-mode", s, "The resolver does not use this server, and this server cannot be "
                + "reached over TLS: were it used in " + (strict ? "strict mode (the resolver's mode now), lookups "
                + "through it would fail (no plaintext fallback)." : "opportunistic mode (the resolver's mode now), "
                + "resolved would fall back to plaintext on port 53 for it."), "Fix the path to this server before "
                + "using it, or choose a provider reachable over TLS.").says("dot.down-mode.not-in-use", strict ? 0 : 1);
    }

    /**
     * A link's own server, beside the global ones, that cannot be reached over TLS while the link takes strict mode (a
     * router's or VPN's, given by a network manager); {@code routedNames}: the link's domains, empty when it has none.
     */
    static Check downModeOnLink(String s, String link, String routedNames) {
        if (!routedNames.isEmpty()) {
            return Check.failure("dot.down-mode", s, "Names under " + routedNames + " go only to the servers of link "
                    + link + ", which takes strict mode, and this one cannot be reached over TLS: those names do not "
                    + "resolve.", "Ask that network's administrator for DNS-over-TLS, or choose opportunistic mode, which "
                    + "falls back to plaintext for such servers.").says("dot.down-mode.link-domains", routedNames, link);
        }
        return Check.failure("dot.down-mode", s, "This server of link " + link + " cannot be reached over TLS and the "
                + "link takes strict mode: the queries resolved sends it fail; names still resolve through the global "
                + "servers.", "Route all domains to the encrypted servers (" + org.port853.core.Assessor.ROUTE_ALL_COMMAND
                + ").").says("dot.down-mode.link-default", link).withFixAction(FixActions.ROUTE_ALL_DOMAINS);
    }

    /**
     * A certificate whose chain ends at an authority the probe trusts: a public one, or a private one that was added to
     * this computer's store (or given as {@code PORT853_CA_FILE}), so the words claim no public vouching.
     */
    public static Check trusted(String server, String subject, String issuer) {
        return Check.ok("tls.trusted", server, "Certificate for " + subject + " issued by '" + issuer + "', whose chain "
                + "ends at a certificate authority this computer trusts (a public one, or a private one added here).")
                .says("tls.trusted.ok", subject, issuer);
    }

    private static Check trust(CertificateReport c, String s, PinVerdict pin) {
        if (c.trusted()) {
            return trusted(s, c.subject(), c.issuer());
        }
        boolean interception = c.nameMatches() || (pin != null && pin.changed());
        return Check.failure("tls.trusted", s, "Certificate for " + c.subject() + " issued by '" + c.issuer() + "' (root '"
                        + c.rootIssuer() + "'): " + c.trustProblem() + "."
                        + (interception ? " It carries the right name but an unexpected issuer: a TLS-inspecting middlebox "
                        + "(antivirus, corporate proxy) is probably intercepting port 853." : ""),
                interception ? "Turn off TLS/DNS inspection in the antivirus or proxy, or use another network; never trust "
                        + "the inspecting CA for DNS. If it is your own resolver with a private CA, add that CA to this "
                        + "computer's CA store (update-ca-certificates on Debian and Ubuntu, update-ca-trust on Fedora), "
                        + "which systemd-resolved trusts too." : "Check the address and #name; strict mode will refuse this server.")
                .says(interception ? "tls.trusted.intercepted" : "tls.trusted.untrusted", c.subject(), c.issuer(),
                        c.rootIssuer(), c.trustProblem());
    }

    private static Check name(CertificateReport c, ProbeReport r, String s) {
        String asWritten = r.server().nonHostName();
        if (asWritten != null) {
            // the probe checked the address, but resolved checks this name exactly as the settings write it
            return c.names().contains(asWritten) ? Check.ok("tls.name", s, "The certificate names " + asWritten + ".")
                    .says("tls.name.ok", asWritten) : Check.failure("tls.name", s, "The settings name this server " + asWritten + ", which is no host "
                    + "name; systemd-resolved checks the certificate against it as written, and the certificate ("
                    + String.join(", ", c.names()) + ") does not list it: strict mode fails.", "Write the server as "
                    + "ADDRESS#name with the provider's TLS name.").says("tls.name.not-host-name", asWritten,
                    String.join(", ", c.names()));
        }
        if (r.server().tlsName() == null) {
            return c.nameMatches() ? Check.warning("tls.name", s, "No #name is configured; the certificate lists the IP "
                    + "address, so strict mode accepts it.", "Add the provider's TLS name (ADDRESS#name) so that the check "
                    + "is by name.").says("tls.name.address-listed")
                    : Check.failure("tls.name", s, "No #name is configured and the certificate (" + String.join(", ", c.names())
                    + ") does not list " + c.checkedName() + ": strict mode fails.", "Write the server as ADDRESS#name with "
                    + "the provider's TLS name.").says("tls.name.address-missing", String.join(", ", c.names()),
                    c.checkedName());
        }
        String unicode = r.server().unicodeName();
        if (c.nameMatches() && unicode != null) {
            return unicodeName(c, r, s, unicode);
        }
        if (c.nameMatches()) {
            return Check.ok("tls.name", s, "The certificate names " + c.checkedName() + ".").says("tls.name.ok", c.checkedName());
        }
        return Check.failure("tls.name", s, "The certificate names " + String.join(", ", c.names()) + ", not "
                + c.checkedName() + ": strict mode refuses this server.", "Use the TLS name the provider documents for this "
                + "address (the part after #).").says("tls.name.mismatch", String.join(", ", c.names()), c.checkedName());
    }

    /**
     * The probe checked the ASCII form; resolved built with OpenSSL checks the name as the settings write it. A
     * look-alike's ASCII form names the same, perhaps wrong, host: the fix asks whether it is the name meant first
     * (as Status's TLS_NAME_UNICODE does), it does not offer the conversion that would only make that server work.
     */
    private static Check unicodeName(CertificateReport c, ProbeReport r, String s, String unicode) {
        String ascii = r.server().toResolvedSyntax();
        String written = "The certificate names " + c.checkedName() + ", but the settings write this name in Unicode ("
                + unicode + ", shown escaped): systemd-resolved built with OpenSSL checks the certificate against it as "
                + "written, and strict mode fails; built with GnuTLS, it converts it.";
        if (!DnsNames.isLookAlike(r.server().tlsName())) {
            return Check.warning("tls.name", s, written, "Write the server as " + ascii + ".")
                    .says("tls.name.unicode", c.checkedName(), unicode, ascii);
        }
        return Check.warning("tls.name", s, "The TLS name of this server (" + unicode + ", shown escaped) reads as a "
                + "look-alike: letters of another script that look Latin, or scripts mixed in one label.", "First check "
                + "that " + unicode + " is the name you mean: its ASCII form names the same host, so writing it so would "
                + "only make this server work. If it is not, remove the server where it is set (resolved.conf, a drop-in, "
                + "or the DNS settings of the connection), or choose a provider from the catalogue ('port853 providers'); "
                + "only if it is, write it in its ASCII form.").says("tls.name.look-alike", unicode)
                .adding(written, "tls.name.unicode", c.checkedName(), unicode, ascii);
    }

    private static Check dates(CertificateReport c, String s, Instant exactlyNow) {
        Instant now = exactlyNow.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // said to the second, as the dates
        if (c.expired()) {
            return Check.failure("tls.expiry", s, "The certificate expired on " + c.notAfter() + " (now " + now + ").",
                    "If this computer's clock is right, the provider must renew its certificate: use another provider "
                            + "meanwhile. If the clock is wrong, fix the time first.").says("tls.expiry.expired", c.notAfter(), now);
        }
        if (c.notYetValid()) {
            return Check.failure("tls.expiry", s, "The certificate is valid only from " + c.notBefore() + " (now " + now
                    + "): this computer's clock is probably behind.", "Synchronise the clock (timedatectl set-ntp true).")
                    .says("tls.expiry.not-yet-valid", c.notBefore(), now);
        }
        if (Duration.between(now, c.notAfter()).compareTo(EXPIRY_WARNING) < 0) {
            return Check.warning("tls.expiry", s, "The certificate expires on " + c.notAfter() + ".",
                    "Nothing to do unless the provider misses the renewal; run doctor again after that date.")
                    .says("tls.expiry.soon", c.notAfter());
        }
        return Check.ok("tls.expiry", s, "Valid until " + c.notAfter() + ".").says("tls.expiry.ok", c.notAfter());
    }

    private static Check version(ProbeReport r, String s) {
        String v = r.tlsVersion();
        if ("TLSv1.3".equals(v)) {
            return Check.ok("tls.version", s, "TLS 1.3 (" + r.cipher() + ").").says("tls.version.1-3", r.cipher());
        }
        if ("TLSv1.2".equals(v)) {
            return Check.warning("tls.version", s, "The server offers TLS 1.2 at most (" + r.cipher() + "): each new connection "
                    + "costs one more round trip than TLS 1.3.", "Works, only slower to connect; prefer a provider with TLS 1.3.")
                    .says("tls.version.1-2", r.cipher());
        }
        return Check.failure("tls.version", s, "Old protocol " + v + ".", "Choose a provider with TLS 1.2 or 1.3.")
                .says("tls.version.old", v);
    }

    /**
     * Answers above this size are what the check is about: beyond the classic 512-byte DNS limit, they are the ones a
     * path that drops big packets loses. A smaller answer arriving proves nothing about them.
     */
    static final int LARGE_BYTES = 512;

    private static final String NOT_TESTED = "Not tested: the server answers no query for this computer (";
    private static final String SEE_QUERIES = "See the check dns.queries (queries over TLS).";

    /** {@code notAnswering}: why the server answers no query (its error or rcode), or null. */
    private static Check large(ProbeReport.LargeAnswer l, String s, String notAnswering) {
        if (notAnswering != null) {
            return Check.warning("dns.large-answer", s, NOT_TESTED + notAnswering + ").", SEE_QUERIES)
                    .says("dns.large-answer.not-tested", notAnswering);
        }
        if (l.ok() && l.bytes() <= LARGE_BYTES) {
            return Check.warning("dns.large-answer", s, "Not proven: the answer for " + l.query() + " was only "
                    + l.bytes() + " bytes, too small to show that answers over " + LARGE_BYTES + " bytes arrive over TLS.",
                    "Run doctor with --large-query NAME/TYPE naming a record whose answer is larger than " + LARGE_BYTES
                            + " bytes; if the server answers even that small, ask its operator why.")
                    .says("dns.large-answer.small", l.query(), l.bytes(), LARGE_BYTES);
        }
        if (l.ok()) {
            return Check.ok("dns.large-answer", s, "A " + l.bytes() + "-byte answer (" + l.query() + ") arrived over TLS.")
                    .says("dns.large-answer.ok", l.bytes(), l.query());
        }
        return Check.failure("dns.large-answer", s, "The large answer for " + l.query() + " did not arrive"
                        + (l.error() != null ? " (" + l.error() + ")" : l.truncated() ? " (truncated)" : "") + ", while small ones did.",
                "Large answers (DNSSEC, many records) are lost on the way: often a path MTU problem (a tunnel or PPPoE link "
                        + "dropping big packets with ICMP blocked). Lower the interface MTU (e.g. 1400) or allow ICMP "
                        + "'fragmentation needed'.").says("dns.large-answer.lost", l.query(), l.error(),
                l.error() != null ? 1 : l.truncated() ? 2 : 0);
    }

    private static Check dnssec(ProbeReport.DnssecAnswers d, String s, String notAnswering, DnssecMode resolverDnssec) {
        if (notAnswering != null) {
            return Check.warning("dnssec.validation", s, NOT_TESTED + notAnswering + ").", SEE_QUERIES)
                    .says("dnssec.validation.not-tested", notAnswering);
        }
        if (d.error() != null) {
            return Check.failure("dnssec.validation", s, "The DNSSEC test queries failed: " + d.error() + ".",
                    "Run doctor again; if it persists, the server drops DNSSEC queries.").says("dnssec.validation.error", d.error());
        }
        boolean signedOk = "NOERROR".equals(d.signedRcode());
        boolean bogusFails = "SERVFAIL".equals(d.bogusRcode());
        if (signedOk && d.signedAd() && bogusFails) {
            return Check.ok("dnssec.validation", s, d.signedName() + " answered with AD (validated); " + d.bogusName()
                    + " answered SERVFAIL (broken signature rejected).").says("dnssec.validation.ok", d.signedName(), d.bogusName());
        }
        if (!signedOk && bogusFails) {
            return Check.failure("dnssec.validation", s, "Both the correctly signed " + d.signedName() + " (" + d.signedRcode()
                    + ") and the broken " + d.bogusName() + " fail: validation fails for everything.",
                    "Usually a wrong clock (signatures look expired or not yet valid) or a broken trust anchor: check the "
                            + "clock check below, then the server.").says("dnssec.validation.all-fail", d.signedName(),
                    d.signedRcode(), d.bogusName());
        }
        String answers = d.signedName() + " " + d.signedRcode() + (d.signedAd() ? " with AD" : " without AD")
                + ", the broken " + d.bogusName() + " " + d.bogusRcode();
        Object[] args = {d.signedName(), d.signedRcode(), d.bogusName(), d.bogusRcode(), d.signedAd() ? 1 : 0};
        if (resolverDnssec == DnssecMode.YES) {
            // resolved asks for the signatures and checks them itself: what the server does with them is not needed
            return Check.ok("dnssec.validation", s, "The server does not validate DNSSEC (" + answers + "), but "
                    + "systemd-resolved validates every answer itself (DNSSEC=yes).")
                    .says("dnssec.validation.resolver-validates", args);
        }
        if (resolverDnssec == DnssecMode.ALLOW_DOWNGRADE) {
            return Check.warning("dnssec.validation", s, "The server does not validate DNSSEC: " + answers + ".",
                    "Choose a validating provider, or set DNSSEC=yes: with allow-downgrade resolved validates only while "
                            + "answers come with signatures, and accepts them unsigned when they are stripped on the way.")
                    .says("dnssec.validation.not-validating-downgrade", args);
        }
        return Check.warning("dnssec.validation", s, "The server does not validate DNSSEC: " + answers + ".",
                "Choose a validating provider, or set DNSSEC=allow-downgrade or yes so that resolved validates itself.")
                .says("dnssec.validation.not-validating", args);
    }
}
