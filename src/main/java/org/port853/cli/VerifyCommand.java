package org.port853.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.Optional;
import java.util.function.Supplier;
import org.port853.capture.CaptureSession;
import org.port853.platform.LookupTransport;
import org.port853.capture.CaptureSessions;
import org.port853.capture.CaptureUnavailableException;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.Severity;
import org.port853.capture.LeakRecord;
import org.port853.platform.RootAdvice;
import org.port853.probe.NoAnswerCause;
import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;
import org.port853.probe.SystemResolverQuerySender;
import org.port853.probe.Verifier;
import org.port853.probe.VerifyResult;
import org.port853.probe.VerifyVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code port853 verify [--queries N] [--interface NAME] [--json]}: the window's Verify button on the command line.
 * Starts a live capture, sends N fresh queries through the system resolver ({@link Verifier}, the same code the
 * window runs), waits briefly for late packets, stops the capture and reports. Exit 0 only for
 * {@link VerifyVerdict#ALL_ENCRYPTED}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves the encryption: sends fresh test queries through the system resolver while capturing "
            + "and reports \"N queries, all on 853, none leaked\" or exactly which leaked, and to which server.",
            "Needs capture rights (root or CAP_NET_RAW) or membership of the group port853 with the package's "
            + "capture service. Exit codes: 0 all encrypted, 1 leaked / no answer / "
            + "unproven / capture unavailable, 2 bad input."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "" + Verifier.DEFAULT_QUERIES,
            description = "How many test queries to send, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--interface", paramLabel = "NAME", description = "Capture on one interface (default: all).")
    String iface;

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    private final Function<String, CaptureSession> sessions;
    private final QuerySender sender;
    private final Duration settle;
    private final Supplier<Optional<LookupTransport>> resolverSays;
    private final Supplier<Assessment> configuration;

    /**
     * @param resolverSays  asked only when the traffic cannot be watched: the resolver's own word on one lookup
     * @param configuration asked only when no query was answered: the resolver's assessment, which may say why
     */
    public VerifyCommand(Supplier<Optional<LookupTransport>> resolverSays, Supplier<Assessment> configuration) {
        this(CaptureSessions::live, new SystemResolverQuerySender(), Verifier.SETTLE, resolverSays, configuration);
    }

    /** Tests pass their own capture (by interface name, null = all), query sender and settle time. */
    public VerifyCommand(Function<String, CaptureSession> sessions, QuerySender sender, Duration settle,
                         Supplier<Optional<LookupTransport>> resolverSays, Supplier<Assessment> configuration) {
        this.sessions = sessions;
        this.sender = sender;
        this.settle = settle;
        this.resolverSays = resolverSays;
        this.configuration = configuration;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (queries < 1 || queries > 100) {
            err.println("port853 verify: --queries must be between 1 and 100.");
            return ExitCodes.BAD_INPUT;
        }
        if (iface != null && !org.port853.capture.CaptureDevice.isPlausibleName(iface)) {
            err.println("port853 verify: '" + org.port853.core.Printable.of(iface) + "' is not an interface name.");
            return ExitCodes.BAD_INPUT;
        }
        CaptureSession session = sessions.apply(iface);
        CaptureUnavailableException problem = null;
        try {
            session.start();
        } catch (CaptureUnavailableException e) {
            if (e.reason().startsWith("No such network interface")) {
                err.println("port853 verify: " + e.reason() + " Fix: " + RootAdvice.forThisUser(e.fix()));
                return ExitCodes.BAD_INPUT;
            }
            problem = e;
        }
        VerifyResult r;
        try {
            r = new Verifier(sender, Verifier.TIMEOUT, settle).verify(problem == null ? session : null,
                    Verifier.names(queries));
        } finally {
            session.stop();
        }
        Optional<LookupTransport> said = problem == null ? Optional.empty() : askResolver();
        Optional<Reason> cause = r.verdict() == VerifyVerdict.NO_ANSWER ? NoAnswerCause.of(r, assessment())
                : Optional.empty();
        if (json) {
            out.println(Json.write(json(r, problem == null ? session.description() : null, problem, said, cause)));
        }
        if (problem != null) {
            err.println("port853 verify: sent " + queries(r.queries()) + " (" + r.answered() + " answered) but could "
                    + "not watch the traffic, so nothing is proven: " + sentence(problem.reason()) + " Fix: "
                    + sentence(RootAdvice.forThisUser(problem.fix())) + said.map(t -> " " + resolverWord(t)).orElse(""));
        } else if (!json) {
            text(out, r, session.description(), cause);
        }
        return r.verdict() == VerifyVerdict.ALL_ENCRYPTED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The resolver's assessment now, or null when it cannot be read (a witness only, as the resolver's word). */
    private Assessment assessment() {
        try {
            return configuration.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Optional<LookupTransport> askResolver() {
        try {
            return resolverSays.get();
        } catch (RuntimeException e) { // a witness only: without it the report stands as it is
            return Optional.empty();
        }
    }

    static String resolverWord(LookupTransport t) {
        return t.resolver() + " itself reports that a fresh lookup of " + t.name() + " just now came " + (t.encrypted()
                ? "over an encrypted connection (one lookup: plaintext sent on another link is not ruled out)."
                : "back without encryption: names leave this computer in plaintext.");
    }

    /** "1 query", "10 queries". */
    static String queries(int n) {
        return n + (n == 1 ? " query" : " queries");
    }

    private static String sentence(String s) {
        return org.port853.core.Sentence.ended(s);
    }

    private void text(PrintWriter out, VerifyResult r, String capture, Optional<Reason> cause) {
        int n = r.queries();
        switch (r.verdict()) {
            case ALL_ENCRYPTED:
                out.println(r.answered() == n ? queries(n) + ", all on 853, none leaked."
                        : queries(n) + ", " + r.answered() + " answered, all on 853, none leaked.");
                break;
            case LEAKED:
                out.println(r.leakedNames() + " of " + queries(n) + " leaked in plaintext:");
                for (LeakRecord l : r.leakedQueries()) {
                    out.println("  " + leakLine(l));
                }
                break;
            case NO_ANSWER:
                String unanswered = n == 1 ? "The query was not answered" : "None of the " + n + " queries were answered";
                out.println(cause.map(c -> unanswered + " (none leaked). " + c.message() + "\nFix: "
                        + RootAdvice.forThisUser(c.fix()))
                        .orElse(unanswered + ": name resolution is not working (none leaked)."));
                break;
            default:
                if (r.encryptedPackets() <= 0 && r.reasons().size() == 1) {
                    // "none leaked" would claim too much: the capture may watch an interface the leaks did not take
                    out.println(queries(n) + " sent, " + r.answered() + " answered, none seen in plaintext, but no "
                            + "encrypted traffic was seen: nothing is proven (is the capture watching the right interface?).");
                } else {
                    out.println(queries(n) + " sent, " + r.answered() + " answered, none of them seen in plaintext, "
                            + "but nothing is proven:");
                    for (String why : r.reasons()) {
                        out.println("  " + why);
                    }
                }
        }
        out.println(r.answered() + " answered, " + r.failed() + " failed through " + sender.target() + "; "
                + r.encryptedPackets() + " encrypted packets seen (capture " + capture + ").");
        // a resolver that is not running was said once above, with its fix: every query's own error would only repeat it
        boolean resolverUnusable = cause.filter(c -> c.severity() == Severity.UNAVAILABLE).isPresent();
        for (QueryOutcome q : r.outcomes()) {
            if (!q.answered() && !resolverUnusable) {
                // with the cause known, the response code alone: "a server behind it refused" would be a guess
                out.println("  no answer: " + q.name() + " (" + (cause.isPresent() && q.rcode() != null ? q.rcode()
                        : q.error()) + ")");
            }
        }
        if (!r.otherLeaks().isEmpty()) {
            out.println("Meanwhile " + queries(r.otherLeaks().size()) + " of other programs leaked in plaintext:");
            for (LeakRecord l : r.otherLeaks()) {
                out.println("  " + leakLine(l));
            }
        }
    }

    private static String leakLine(LeakRecord l) {
        return (l.name().isEmpty() ? "(no question)" : l.name()) + " " + l.type() + " -> " + l.server() + " on "
                + l.iface() + (l.process() == null ? "" : " by " + l.process());
    }

    private ObjectNode json(VerifyResult r, String capture, CaptureUnavailableException problem,
                            Optional<LookupTransport> said, Optional<Reason> cause) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("verdict", r.verdict().name());
        o.put("queries", r.queries());
        o.put("answered", r.answered());
        o.put("failed", r.failed());
        o.put("encryptedPackets", r.encryptedPackets());
        o.put("leakPackets", r.leakPackets());
        ArrayNode reasons = o.putArray("reasons");
        r.reasons().forEach(reasons::add);
        leaks(o.putArray("leakedQueries"), r.leakedQueries());
        leaks(o.putArray("otherLeaks"), r.otherLeaks());
        ArrayNode results = o.putArray("results");
        for (QueryOutcome q : r.outcomes()) {
            ObjectNode n = results.addObject();
            n.put("name", q.name());
            n.put("answered", q.answered());
            n.put("rcode", q.rcode());
            n.put("millis", q.elapsed().toMillis());
            n.put("error", q.error());
        }
        o.put("resolver", sender.target());
        o.put("capture", capture);
        if (problem == null) {
            o.putNull("captureProblem");
        } else {
            ObjectNode p = o.putObject("captureProblem");
            p.put("reason", problem.reason());
            p.put("fix", RootAdvice.forThisUser(problem.fix()));
        }
        o.set("cause", cause.map(c -> Json.MAPPER.createObjectNode().put("code", c.code()).put("message", c.message())
                .put("fix", RootAdvice.forThisUser(c.fix()))).orElse(null)); // null: a JSON null
        if (said.isEmpty()) {
            o.putNull("resolverSays");
        } else {
            ObjectNode w = o.putObject("resolverSays");
            w.put("resolver", said.get().resolver());
            w.put("name", said.get().name());
            w.put("encrypted", said.get().encrypted());
        }
        return o;
    }

    private static void leaks(ArrayNode into, List<LeakRecord> leaks) {
        for (LeakRecord l : leaks) {
            ObjectNode n = into.addObject();
            n.put("name", l.name());
            n.put("server", l.server());
            n.put("interface", l.iface());
            n.put("type", l.type());
            n.put("process", l.process());
            n.put("program", l.program());
            n.put("rcode", l.rcode());
            n.put("time", l.time() == null ? null : l.time().toString());
        }
    }
}
