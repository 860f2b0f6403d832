package org.port853.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.pins.ServerPins;
import org.port853.probe.pins.PinRecord;

/** The JSON documents of doctor, pins and bench-providers (documented in docs/cli.md). */
final class DoctorJson {
    private DoctorJson() {
    }

    /**
     * {@code refused}: "changesRefused" names the reason that refuses every change (null where changes can be made), and
     * each check's "fixRefused" says whether its fix is a change refused until then, as status --json says them.
     */
    static ObjectNode doctor(Doctor.Report r, RefusedChanges refused) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("failed", r.failed());
        o.put("changesRefused", refused.blocking() == null ? null : refused.blocking().code());
        ArrayNode checks = o.putArray("checks");
        r.checks().forEach(c -> {
            ObjectNode n = checks.addObject();
            check(n, c);
            n.put("fixRefused", refused.fixRefused(c));
        });
        ArrayNode probes = o.putArray("servers");
        r.probes().forEach(p -> probe(probes.addObject(), p));
        ArrayNode skipped = o.putArray("skipped");
        r.skipped().forEach(skipped::add);
        return o;
    }

    /** One check as doctor and pins print it. */
    static void check(ObjectNode n, Check c) {
        n.put("id", c.id());
        n.put("status", c.status().jsonName());
        n.put("server", c.server());
        n.put("evidence", c.evidence());
        n.put("fix", org.port853.platform.RootAdvice.forThisUser(c.fix()));
        n.put("fixAction", c.fixAction());
    }

    static void probe(ObjectNode n, ProbeReport p) {
        n.put("server", p.server().toString());
        n.put("tcp", p.tcp().name().toLowerCase());
        n.put("tls", p.tls().name().toLowerCase());
        n.put("error", p.error());
        n.put("connectMillis", p.connectMillis());
        n.put("handshakeMillis", p.handshakeMillis());
        n.put("tlsVersion", p.tlsVersion());
        n.put("cipher", p.cipher());
        n.put("firstAnswerMillis", p.firstAnswerMillis());
        n.put("firstRcode", p.firstRcode());
        ArrayNode answers = n.putArray("firstAnswers");
        p.firstAnswers().forEach(answers::add);
        n.put("pipelined", p.pipelined());
        CertificateReport c = p.certificate();
        if (c == null) {
            n.putNull("certificate");
        } else {
            ObjectNode cn = n.putObject("certificate");
            cn.put("subject", c.subject());
            cn.put("issuer", c.issuer());
            cn.put("rootIssuer", c.rootIssuer());
            ArrayNode names = cn.putArray("names");
            c.names().forEach(names::add);
            cn.put("notBefore", c.notBefore().toString());
            cn.put("notAfter", c.notAfter().toString());
            cn.put("trusted", c.trusted());
            cn.put("nameMatches", c.nameMatches());
            cn.put("expired", c.expired());
            cn.put("pin", c.pin());
        }
    }

    static ObjectNode pins(List<PinRecord> pins, List<Check> checks, String file) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("file", file);
        ArrayNode arr = o.putArray("pins");
        for (PinRecord p : pins) {
            ObjectNode n = arr.addObject();
            n.put("server", p.server());
            n.put("pin", p.pin());
            n.put("source", p.source());
            n.put("issuer", p.issuer());
            n.put("firstSeen", p.firstSeen() == null ? null : p.firstSeen().toString());
            n.put("lastChecked", p.lastChecked() == null ? null : p.lastChecked().toString());
            n.put("lastPin", p.lastPin());
            n.put("changed", p.changed());
        }
        ArrayNode ch = o.putArray("checks");
        checks.forEach(c -> check(ch.addObject(), c));
        return o;
    }

    /** apply's "pins" (one per server with a TLS name) and "pinsProblem" fields. */
    static void chosenPins(ObjectNode doc, ServerPins.Result pins) {
        ArrayNode arr = doc.putArray("pins");
        for (ServerPins.Recorded p : pins.pins()) {
            Check c = p.check();
            ObjectNode n = arr.addObject();
            n.put("server", p.server());
            n.put("pin", p.verdict().pin());
            n.put("source", p.verdict().source());
            n.put("seenPin", p.verdict().seenPin());
            n.put("status", c.status().jsonName());
            n.put("evidence", c.evidence());
            n.put("fix", org.port853.platform.RootAdvice.forThisUser(c.fix()));
        }
        doc.put("pinsProblem", pins.problem());
    }

    static ObjectNode bench(List<BenchResult> ranked, BenchResult suggestion, List<String> names) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode ns = o.putArray("names");
        names.forEach(ns::add);
        ArrayNode arr = o.putArray("results");
        for (BenchResult b : ranked) {
            ObjectNode n = arr.addObject();
            n.put("rank", b.rank());
            n.put("server", b.server().toString());
            n.put("provider", b.provider());
            n.put("strictCapable", b.strictCapable());
            n.put("strictProblem", b.strictProblem());
            n.put("handshakeMillis", b.handshakeMillis());
            n.put("coldMedianMillis", b.coldMedian());
            n.put("coldP90Millis", b.coldP90());
            n.put("warmMedianMillis", b.warmMedian());
            n.put("warmP90Millis", b.warmP90());
            n.put("queries", b.queries());
            n.put("failures", b.failures());
            n.put("tlsVersion", b.tlsVersion());
            n.put("error", b.error());
        }
        o.put("suggested", suggestion == null ? null : suggestion.server().toString());
        return o;
    }
}
