package org.port853.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.port853.core.Assessment;
import org.port853.core.DomainEntry;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.helper.HelperDocuments;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.probe.pins.ServerPins;

/** The stable JSON documents of the command line (documented in docs/cli.md). */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(ObjectNode node) {
        return written(MAPPER.writer(), node);
    }

    /** {@code node} on one line: also a line of the JSON-lines output of {@code monitor --json}. */
    static String writeLine(ObjectNode node) {
        return written(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT), node);
    }

    private static String written(com.fasterxml.jackson.databind.ObjectWriter writer, ObjectNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status document; {@code refused}: "changesRefused" names the reason that refuses every change (null where
     * changes can be made), and each reason's "fixRefused" says whether its fix is a change refused until then.
     */
    static ObjectNode status(ResolverState s, Assessment a, RefusedChanges refused) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode as = o.putObject("assessment");
        as.put("verdict", a.verdict().name());
        ArrayNode reasons = as.putArray("reasons");
        a.reasons().forEach(r -> {
            ObjectNode n = reasons.addObject();
            n.put("code", r.code());
            n.put("severity", r.severity().name());
            n.put("message", r.message());
            n.put("fix", org.port853.platform.RootAdvice.forThisUser(r.fix()));
            n.put("fixAction", r.fixAction() == null ? null : r.fixAction().name());
            n.put("fixRefused", refused.fixRefused(r));
        });
        as.put("changesRefused", refused.blocking() == null ? null : refused.blocking().code());
        o.put("resolver", s.resolverName());
        o.put("source", s.source().jsonName());
        o.put("installed", s.installed());
        o.put("running", s.running());
        s.platform().jsonFields().forEach((k, v) -> o.set(k, MAPPER.valueToTree(v)));
        o.put("problem", s.problem());
        GlobalState g = s.global();
        if (g == null) {
            o.putNull("global");
        } else {
            ObjectNode gn = o.putObject("global");
            gn.put("dnsOverTls", mode(g.dnsOverTls()));
            gn.put("dnssec", g.dnssec() == null ? null : g.dnssec().resolvedValue());
            gn.put("dnssecSupported", g.dnssecSupported());
            servers(gn.putArray("servers"), g.servers());
            servers(gn.putArray("fallbackServers"), g.fallbackServers());
            server(gn, "currentServer", g.currentServer());
            domains(gn.putArray("domains"), g.domains());
            gn.put("stubListener", g.stubListener());
            gn.put("resolvConfMode", g.resolvConfMode());
        }
        ArrayNode links = o.putArray("links");
        for (LinkState l : s.links()) {
            ObjectNode ln = links.addObject();
            ln.put("index", l.index());
            ln.put("name", l.name());
            servers(ln.putArray("servers"), l.servers());
            ln.put("dnsOverTls", mode(l.dnsOverTls()));
            ln.put("dnssec", l.dnssec() == null ? null : l.dnssec().resolvedValue());
            ln.put("defaultRoute", l.defaultRoute());
            domains(ln.putArray("domains"), l.domains());
            server(ln, "currentServer", l.currentServer());
        }
        if (s.pendingChange() == null) {
            o.putNull("pendingChange");
        } else {
            ObjectNode p = o.putObject("pendingChange");
            p.put("id", s.pendingChange().id());
            p.put("started", s.pendingChange().started().toString());
            p.put("description", s.pendingChange().description());
            p.put("inProgress", s.pendingChange().inProgress());
        }
        return o;
    }

    public static ObjectNode result(ApplyResult r, Plan plan) {
        ObjectNode o = HelperDocuments.resultNode(r);
        o.put("reason", org.port853.platform.RootAdvice.forThisUser(r.reason())); // the helper's document keeps sudo: it is read by its caller
        if (r.item() != null && (r.item().path() == null && r.item().content() == null
                || r.filesLeftAlone().contains(r.item().path()))) {
            // the change touched no file (e.g. nothing to recover, or a revert that kept the file someone else
            // changed): "content": null would read as removed
            o.putNull(r.item().documentKey());
        }
        if (plan != null) {
            // the plan was made before the change lock was taken: a change that another process made meanwhile can
            // leave nothing to do, and then nothing was changed
            o.put("diff", r.outcome() == ApplyResult.Outcome.UNCHANGED ? "" : plan.diff());
            ArrayNode changed = o.putArray("changed");
            if (r.outcome() != ApplyResult.Outcome.UNCHANGED) {
                plan.files().stream().filter(org.port853.platform.FileChange::changes)
                        .forEach(f -> changed.addObject().put("id", f.path()).put("name", f.shown()));
            }
            // the plan's notes, while its settings are planned or in place (a rolled-back change lowered nothing)
            ArrayNode notes = o.putArray("notes");
            if (r.outcome() == ApplyResult.Outcome.PLANNED || ServerPins.serversInUse(r)) {
                plan.notes().forEach(n -> notes.add(org.port853.platform.RootAdvice.forThisUser(n.english())));
            }
        }
        return o;
    }

    private static String mode(org.port853.core.DotMode m) {
        return m == null ? null : m.name().toLowerCase(Locale.ROOT);
    }

    private static void servers(ArrayNode into, List<ServerAddress> list) {
        list.forEach(x -> server(into.addObject(), x));
    }

    private static void server(ObjectNode parent, String key, ServerAddress s) {
        if (s == null) {
            parent.putNull(key);
        } else {
            server(parent.putObject(key), s);
        }
    }

    private static void server(ObjectNode n, ServerAddress s) {
        n.put("address", s.addressText());
        n.put("port", s.port() == 0 ? null : s.port());
        n.put("name", s.tlsName());
        if (s.nonHostName() != null) {
            n.put("nameNotHostName", s.nonHostName());
        }
        if (s.unicodeName() != null) {
            n.put("nameInUnicode", s.unicodeName());
        }
    }

    private static void domains(ArrayNode into, List<DomainEntry> list) {
        list.forEach(d -> into.add(d.toString()));
    }
}
