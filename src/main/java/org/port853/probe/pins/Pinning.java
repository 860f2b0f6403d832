package org.port853.probe.pins;

import java.time.Instant;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;

/** Compares what a probe saw with the store: records a first pin (trust on first use), detects a change. */
public final class Pinning {
    private Pinning() {
    }

    /** Updates {@code store} in memory (the caller saves it) and says what happened. */
    public static PinVerdict check(PinStore store, ProbeReport report, Instant now) {
        String server = report.server().toString();
        CertificateReport c = report.certificate();
        PinRecord old = store.find(server).orElse(null);
        if (c == null) {
            return new PinVerdict(PinVerdict.Kind.NOT_SEEN, old == null ? null : old.pin(), null,
                    old == null ? null : old.source(), old == null ? null : old.issuer(), null);
        }
        if (old == null) {
            store.put(new PinRecord(server, c.pin(), "tofu", c.issuer(), now, now, c.pin()));
            return new PinVerdict(PinVerdict.Kind.RECORDED_NOW, null, c.pin(), "tofu", null, c.issuer());
        }
        store.put(new PinRecord(server, old.pin(), old.source(), old.issuer(), old.firstSeen(), now, c.pin()));
        PinVerdict.Kind kind = old.pin().equals(c.pin()) ? PinVerdict.Kind.MATCHES : PinVerdict.Kind.CHANGED;
        return new PinVerdict(kind, old.pin(), c.pin(), old.source(), old.issuer(), c.issuer());
    }

    /** The user accepts the key the server shows now as its pin. */
    public static boolean accept(PinStore store, String server, Instant now) {
        PinRecord old = store.find(server).orElse(null);
        if (old == null || old.lastPin() == null) {
            return false;
        }
        store.put(new PinRecord(server, old.lastPin(), "tofu", old.issuer(), now, now, old.lastPin()));
        return true;
    }
}
