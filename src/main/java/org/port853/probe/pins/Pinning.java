package org.port853.probe.pins;

import java.time.Instant;
import java.util.List;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;

/**
 * Compares what a probe saw with the store: records a first pin (the provider's published one where the
 * catalogue lists it, otherwise trust on first use), detects a change.
 */
public final class Pinning {
    public static final String TOFU = "tofu";
    public static final String CATALOGUE = "catalogue";

    private Pinning() {
    }

    /** Like {@link #check(PinStore, ProbeReport, List, Instant)} for a server whose provider publishes no pins. */
    public static PinVerdict check(PinStore store, ProbeReport report, Instant now) {
        return check(store, report, List.of(), now, false);
    }

    /**
     * Updates {@code store} in memory (the caller saves it) and says what happened. {@code published}: the pins the
     * server's provider publishes (empty: none). A server without a record gets the published pin (even when the
     * probe saw no key), else the key it shows now, trusted on first use only when its certificate passed the probe's
     * checks or {@code vouched}: the resolver itself has just accepted it (strict mode); a key outside the published
     * set is a change from the start.
     */
    public static PinVerdict check(PinStore store, ProbeReport report, List<String> published, Instant now,
                                   boolean vouched) {
        String server = report.server().toString();
        CertificateReport c = report.certificate();
        PinRecord old = store.find(server).orElse(null);
        if (old == null && !published.isEmpty()) {
            String pin = c != null && published.contains(c.pin()) ? c.pin() : published.get(0);
            store.put(new PinRecord(server, pin, CATALOGUE, null, now, c == null ? null : now, c == null ? null : c.pin()));
            if (c == null) {
                return new PinVerdict(PinVerdict.Kind.NOT_SEEN, pin, null, CATALOGUE, null, null);
            }
            PinVerdict.Kind kind = pin.equals(c.pin()) ? PinVerdict.Kind.RECORDED_NOW : PinVerdict.Kind.CHANGED;
            return new PinVerdict(kind, pin, c.pin(), CATALOGUE, null, c.issuer());
        }
        if (c != null && old == null && !vouched && !passesChecks(c)) {
            return untrusted(c);
        }
        if (c != null && old == null) {
            store.put(new PinRecord(server, c.pin(), TOFU, c.issuer(), now, now, c.pin()));
            return new PinVerdict(PinVerdict.Kind.RECORDED_NOW, null, c.pin(), TOFU, null, c.issuer());
        }
        PinVerdict verdict = compare(store, report, published);
        if (c != null) {
            // a match may be the provider's backup key: that becomes the pin
            String pin = verdict.kind() == PinVerdict.Kind.MATCHES ? c.pin() : old.pin();
            store.put(new PinRecord(server, pin, old.source(), old.issuer(), old.firstSeen(), now, c.pin()));
        }
        return verdict;
    }

    /** A certificate whose key may be trusted on first use: a trusted chain, the server's name, and in date. */
    private static boolean passesChecks(CertificateReport c) {
        return c.trusted() && c.nameMatches() && !c.expired() && !c.notYetValid();
    }

    /** A key that is not trusted on first use: {@code c} fails {@link #passesChecks}. */
    private static PinVerdict untrusted(CertificateReport c) {
        return new PinVerdict(PinVerdict.Kind.NOT_TRUSTED, null, c.pin(), null, null, c.issuer(),
                c.trusted() && !c.nameMatches() ? c.checkedName() : null, c.trusted() && c.nameMatches());
    }

    /**
     * Compares what the probe saw with the store, changing nothing: a server without a record is compared with the
     * pins its provider publishes, else reported as {@code NOT_RECORDED} (a diagnosis enrols no server).
     */
    public static PinVerdict compare(PinStore store, ProbeReport report, List<String> published) {
        CertificateReport c = report.certificate();
        PinRecord old = store.find(report.server().toString()).orElse(null);
        if (c == null) {
            return new PinVerdict(PinVerdict.Kind.NOT_SEEN, old == null ? null : old.pin(), null,
                    old == null ? null : old.source(), old == null ? null : old.issuer(), null);
        }
        if (old == null && published.isEmpty()) {
            // as check() would: a certificate that fails its checks is not one 'pins --check' would record
            return passesChecks(c)
                    ? new PinVerdict(PinVerdict.Kind.NOT_RECORDED, null, c.pin(), null, null, c.issuer())
                    : untrusted(c);
        }
        if (old == null) {
            boolean listed = published.contains(c.pin());
            return new PinVerdict(listed ? PinVerdict.Kind.MATCHES : PinVerdict.Kind.CHANGED,
                    listed ? c.pin() : published.get(0), c.pin(), CATALOGUE, null, c.issuer());
        }
        // a provider may publish a backup key: rotating to it is no change
        boolean matches = old.pin().equals(c.pin()) || CATALOGUE.equals(old.source()) && published.contains(c.pin());
        PinVerdict.Kind kind = matches ? PinVerdict.Kind.MATCHES : PinVerdict.Kind.CHANGED;
        return new PinVerdict(kind, old.pin(), c.pin(), old.source(), old.issuer(), c.issuer());
    }

    /** What {@link #accept} found. */
    public enum Acceptance { ACCEPTED, NOT_RECORDED, NOT_CHANGED }

    /** The user accepts the key the server showed at the last check as its pin (in memory: the caller saves). */
    public static Acceptance accept(PinStore store, ServerAddress server, Instant now) {
        PinRecord old = store.find(server.toString()).orElse(null);
        if (old == null) {
            return Acceptance.NOT_RECORDED;
        }
        if (!old.changed()) {
            return Acceptance.NOT_CHANGED;
        }
        store.put(new PinRecord(old.server(), old.lastPin(), TOFU, old.issuer(), now, now, old.lastPin()));
        return Acceptance.ACCEPTED;
    }
}
