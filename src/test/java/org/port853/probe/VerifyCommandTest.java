package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureUnavailableException;
import org.port853.cli.VerifyCommand;
import picocli.CommandLine;

/** {@code port853 verify} over a scripted capture and sender (the real rig run is VerifyIT). */
@DisplayName("port853 verify")
class VerifyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> interfaces = new ArrayList<>();
    private ScriptedCapture capture;
    private java.util.Optional<org.port853.platform.LookupTransport> resolverSays = java.util.Optional.empty();
    private int resolverAsked;
    private org.port853.core.Assessment configuration;
    private int configurationAsked;

    private int run(ScriptedCapture c, ScriptedSender s, String... args) {
        capture = c;
        CommandLine cl = new CommandLine(new VerifyCommand(iface -> {
            interfaces.add(String.valueOf(iface));
            return c;
        }, s, Duration.ZERO, () -> {
            resolverAsked++;
            return resolverSays;
        }, () -> {
            configurationAsked++;
            return configuration;
        }));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    @DisplayName("all encrypted: one line, exit 0, capture stopped, default 5 queries on all interfaces")
    void clean() {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(true, (n, i) -> c.encrypted(2));
        assertEquals(0, run(c, s));
        assertTrue(out.toString().startsWith("5 queries, all on 853, none leaked.\n"), out.toString());
        assertTrue(out.toString().contains("5 answered, 0 failed through 127.0.0.53:53; 10 encrypted packets seen"),
                out.toString());
        assertEquals(List.of("null"), interfaces);
        assertTrue(c.stopped);
        assertEquals("", err.toString());
    }

    @Test
    @DisplayName("--json: the documented fields; leaked queries named with server and interface; exit 1")
    void leakedJson() throws Exception {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(true, (n, i) -> {
            c.leaked(ScriptedCapture.leak(n, "198.18.90.4"));
            if (i == 0) c.leaked(ScriptedCapture.leak("update.example.org", "198.18.90.4"));
        });
        assertEquals(1, run(c, s, "--queries", "3", "--interface", "eth0", "--json"));
        JsonNode j = json();
        assertEquals("LEAKED", j.path("verdict").asText());
        assertEquals(3, j.path("queries").asInt());
        assertEquals(3, j.path("answered").asInt());
        assertEquals(0, j.path("encryptedPackets").asInt());
        Set<String> leaked = new HashSet<>();
        for (JsonNode l : j.path("leakedQueries")) {
            leaked.add(l.path("name").asText());
            assertEquals("198.18.90.4", l.path("server").asText());
            assertEquals("eth0", l.path("interface").asText());
        }
        assertEquals(new HashSet<>(s.sent), leaked);
        assertEquals("update.example.org", j.path("otherLeaks").get(0).path("name").asText());
        assertEquals(3, j.path("results").size());
        assertTrue(j.path("captureProblem").isNull());
        assertEquals(List.of("eth0"), interfaces);
    }

    @Test
    @DisplayName("leaked, as text: which names went where, and other programs' leaks")
    void leakedText() {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(true, (n, i) -> {
            if (i == 1) c.leaked(ScriptedCapture.leak(n, "198.18.90.4"));
            c.encrypted(3);
        });
        assertEquals(1, run(c, s, "--queries", "2"));
        String o = out.toString();
        assertTrue(o.startsWith("1 of 2 queries leaked in plaintext:\n  " + s.sent.get(1) + " A -> 198.18.90.4 on eth0"),
                o);
    }

    @Test
    @DisplayName("unproven on one interface: claims no more than it saw (the leaks may have left on another)")
    void unprovenOnOneInterface() {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(true, (n, i) -> { });
        assertEquals(1, run(c, s, "--queries", "3", "--interface", "lo"));
        assertTrue(out.toString().startsWith("3 queries sent, 3 answered, none seen in plaintext, but no encrypted "
                + "traffic was seen: nothing is proven (is the capture watching the right interface?).\n"), out.toString());
        assertFalse(out.toString().contains("none leaked"), out.toString());
    }

    @Test
    @DisplayName("capture unavailable: one sentence with the fix on stderr, exit 1; JSON says CAPTURE_UNAVAILABLE")
    void captureUnavailable() throws Exception {
        CaptureUnavailableException no = new CaptureUnavailableException(
                "This program may not capture network traffic: it runs as 'alice' without the CAP_NET_RAW capability.",
                "Join the capture group and log in again");
        ScriptedSender s = new ScriptedSender(true, (n, i) -> { });
        assertEquals(1, run(new ScriptedCapture(no), s, "--json"));
        assertEquals("CAPTURE_UNAVAILABLE", json().path("verdict").asText());
        assertEquals("Join the capture group and log in again", json().path("captureProblem").path("fix").asText());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("port853 verify: sent 5 queries (5 answered) but could not watch the "
                + "traffic, so nothing is proven: This program may not capture"), err.toString());
        assertTrue(err.toString().contains(" Fix: Join the capture group and log in again."), err.toString());
        assertTrue(json().path("resolverSays").isNull(), "the resolver could not say: " + out);
    }

    @Test
    @DisplayName("capture unavailable: the resolver's own word on a fresh lookup is added (JSON and the sentence); "
            + "with the capture running it is not asked")
    void captureUnavailableWithTheResolversWord() throws Exception {
        CaptureUnavailableException no = new CaptureUnavailableException("No capture rights.", "Run it as root");
        resolverSays = java.util.Optional.of(new org.port853.platform.LookupTransport("systemd-resolved", "example.com", false));
        assertEquals(1, run(new ScriptedCapture(no), new ScriptedSender(true, (n, i) -> { }), "--json"));
        assertEquals("CAPTURE_UNAVAILABLE", json().path("verdict").asText(), "one lookup proves nothing of the rest");
        JsonNode said = json().path("resolverSays");
        assertEquals("systemd-resolved", said.path("resolver").asText());
        assertEquals("example.com", said.path("name").asText());
        assertFalse(said.path("encrypted").asBoolean(true), said.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().strip().endsWith(" Fix: Run it as root. systemd-resolved itself reports that a fresh "
                + "lookup of example.com just now came back without encryption: names leave this computer in plaintext."),
                err.toString());

        ScriptedCapture watching = new ScriptedCapture(null);
        int asked = resolverAsked;
        run(watching, new ScriptedSender(true, (n, i) -> watching.encrypted(1)));
        assertEquals(asked, resolverAsked, "a watched run needs no witness");
    }

    @Test
    @DisplayName("no answers: NO_ANSWER, exit 1, each failure listed")
    void noAnswer() {
        ScriptedCapture c = new ScriptedCapture(null);
        assertEquals(1, run(c, new ScriptedSender(false, (n, i) -> { }), "--queries", "2"));
        assertTrue(out.toString().startsWith("None of the 2 queries were answered"), out.toString());
        assertEquals(2, out.toString().lines().filter(l -> l.startsWith("  no answer: p853-")).count());
    }

    /** What the stub answers with no DNS server anywhere (rig, systemd 252): REFUSED, said as the sender says it. */
    private static ScriptedSender refusedByTheStub() {
        return new ScriptedSender(false, (n, i) -> { }) {
            @Override
            public List<QueryOutcome> send(List<String> names, Duration timeout) {
                return super.send(names, timeout).stream().map(q -> new QueryOutcome(q.name(), false, "REFUSED",
                        Duration.ofMillis(1), "REFUSED through the resolver (it gave up, or a server behind it refused)"))
                        .toList();
            }
        };
    }

    /** The assessment of a running resolver with no DNS server, neither global nor on a link. */
    private static org.port853.core.Assessment noServerAnywhere() {
        org.port853.core.GlobalState g = new org.port853.core.GlobalState(List.of(), List.of(), null,
                org.port853.core.DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
        return org.port853.core.Assessor.assess(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, true, g, List.of(), null, null,
                new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                        org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of())));
    }

    @Test
    @DisplayName("no answers because no DNS server is configured anywhere: said plainly with the fix, as status says "
            + "it, not as a server that refused (outside test: 'REFUSED through the resolver (it gave up, or a server "
            + "behind it refused)'); --json gives it as cause")
    void noAnswerWithoutAnyServerSaysSo() throws Exception {
        configuration = noServerAnywhere();
        assertEquals(1, run(new ScriptedCapture(null), refusedByTheStub(), "--queries", "2"));
        String o = out.toString();
        assertTrue(o.startsWith("None of the 2 queries were answered (none leaked). No DNS server is configured "
                + "anywhere: names cannot resolve.\nFix: Turn on encryption with a provider (port853 apply "), o);
        assertFalse(o.contains("a server behind it refused"), o);
        assertEquals(2, o.lines().filter(l -> l.startsWith("  no answer: p853-") && l.endsWith(" (REFUSED)")).count(), o);

        out.getBuffer().setLength(0);
        assertEquals(1, run(new ScriptedCapture(null), refusedByTheStub(), "--json"));
        JsonNode cause = json().path("cause");
        assertEquals("NO_SERVERS", cause.path("code").asText(), out.toString());
        assertTrue(cause.path("fix").asText().contains("port853 apply"), cause.toString());
    }

    @Test
    @DisplayName("no answers because systemd-resolved is stopped: said with status's fix (start it), in text and --json, "
            + "not only 'is systemd-resolved running?' after each query")
    void noAnswerWithTheResolverStoppedSaysSo() throws Exception {
        org.port853.core.GlobalState g = new org.port853.core.GlobalState(List.of(), List.of(), null,
                org.port853.core.DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
        configuration = org.port853.core.Assessor.assess(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.DBUS, true, false, g, List.of(), null, null,
                new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                        org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of())));
        assertEquals(1, run(new ScriptedCapture(null), refusedByTheStub(), "--queries", "2"));
        String o = out.toString();
        assertTrue(o.startsWith("None of the 2 queries were answered (none leaked). systemd-resolved is installed but "
                + "not running.\nFix: " + configuration.reasons().get(0).fix()), o);
        out.getBuffer().setLength(0);
        assertEquals(1, run(new ScriptedCapture(null), refusedByTheStub(), "--json"));
        assertEquals("RESOLVER_STOPPED", json().path("cause").path("code").asText(), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(1, run(new ScriptedCapture(null), unheardAtTheStub(), "--queries", "3"));
        o = out.toString();
        assertEquals(1, o.split("systemd-resolved is installed but not running", -1).length - 1, "said once: " + o);
        assertFalse(o.contains("no answer:") || o.contains("nothing listens"), "not again per query: " + o);
    }

    /** As the system's sender with the stub's port closed (systemd-resolved stopped): each query its own error. */
    private static ScriptedSender unheardAtTheStub() {
        return new ScriptedSender(false, (n, i) -> { }) {
            @Override
            public List<QueryOutcome> send(List<String> names, Duration timeout) {
                return names.stream().map(n -> new QueryOutcome(n, false, null, Duration.ofMillis(1),
                        SystemResolverQuerySender.why(new java.net.PortUnreachableException(),
                                new java.net.InetSocketAddress("127.0.0.53", 53)), "127.0.0.53:53")).toList();
            }
        };
    }

    @Test
    @DisplayName("the configuration is read only when nothing answered, and a usable one adds no cause")
    void configurationOnlyExplainsSilence() throws Exception {
        configuration = noServerAnywhere();
        ScriptedCapture c = new ScriptedCapture(null);
        assertEquals(0, run(c, new ScriptedSender(true, (n, i) -> c.encrypted(2)), "--json"));
        assertEquals(0, configurationAsked);
        assertTrue(json().path("cause").isNull(), out.toString());
        configuration = new org.port853.core.Assessment(org.port853.core.Verdict.PROTECTED, List.of());
        out.getBuffer().setLength(0);
        assertEquals(1, run(new ScriptedCapture(null), refusedByTheStub(), "--queries", "1"));
        assertTrue(out.toString().startsWith("The query was not answered: name resolution is not working"), out.toString());
    }

    @Test
    @DisplayName("one query is said as one: '1 query', not '1 queries'")
    void oneQuery() {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(true, (n, i) -> c.encrypted(2));
        assertEquals(0, run(c, s, "--queries", "1"));
        assertTrue(out.toString().startsWith("1 query, all on 853, none leaked.\n"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run(new ScriptedCapture(null), new ScriptedSender(false, (n, i) -> { }), "--queries", "1"));
        assertTrue(out.toString().startsWith("The query was not answered: name resolution is not working"),
                out.toString());
    }

    @Test
    @DisplayName("bad input: exit 2, one sentence, nothing sent")
    void badInput() {
        ScriptedSender s = new ScriptedSender(true, (n, i) -> { });
        assertEquals(2, run(new ScriptedCapture(null), s, "--queries", "0"));
        assertEquals(2, run(new ScriptedCapture(null), s, "--queries", "101"));
        assertEquals(2, run(new ScriptedCapture(null), s, "--interface", "eth0; rm"));
        CaptureUnavailableException noDev = new CaptureUnavailableException("No such network interface: nope",
                "List interfaces with 'ip link' and pass one of them, or omit --interface.");
        assertEquals(2, run(new ScriptedCapture(noDev), s, "--interface", "nope"));
        assertTrue(s.sent.isEmpty());
        assertEquals(4, err.toString().strip().lines().count(), err.toString());
    }
}
