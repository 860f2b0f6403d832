package org.port853.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureSessions;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.capture.TrafficClass;
import org.port853.cli.TextTable.Column;
import org.port853.platform.RootAdvice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code port853 monitor [--interface NAME] [--json]}: live DNS traffic, one line per second with the three
 * counts and one line per leaked query; Ctrl-C (or --duration) prints the totals.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Watches DNS traffic live: a line per second with encrypted / local plaintext / leaked "
            + "packets, a line per leaked query, totals on Ctrl-C. Only ports 53 and 853 are captured: multicast DNS, "
            + "LLMNR and NetBIOS name lookups, which ask the local network in plaintext, are not watched.",
            "Needs capture rights (root or CAP_NET_RAW) or membership of the group port853 with the package's "
            + "capture service. Exit codes: 0 ok (stopped by --duration), 1 failed, 2 bad input, 130 stopped by Ctrl-C "
            + "(the totals are printed all the same)."})
public final class MonitorCommand implements java.util.concurrent.Callable<Integer> {
    /** A program is cut beyond this (it reads "dig (812) → systemd-resolved (97)" at most, unless renamed so). */
    private static final int PROGRAM_COLUMNS = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--interface", paramLabel = "NAME", description = "Capture on one interface (default: all).")
    String iface;

    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    Integer duration;

    @Option(names = "--replay", paramLabel = "FILE", hidden = true,
            description = "Replay a capture file in real time instead of capturing (for demos and tests).")
    java.nio.file.Path replay;

    /** Session factory; replaced in tests. */
    Supplier<CaptureSession> sessions = () -> replay != null ? CaptureSessions.replay(replay, 1.0, false)
            : CaptureSessions.live(iface);


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (duration != null && duration < 1) {
            err.println("port853 monitor: --duration must be at least 1 second.");
            return 2;
        }
        if (iface != null && !org.port853.capture.CaptureDevice.isPlausibleName(iface)) {
            err.println("port853 monitor: '" + org.port853.core.Printable.of(iface) + "' is not an interface name.");
            return 2;
        }
        CaptureSession session = sessions.get();
        CountDownLatch ended = new CountDownLatch(1);
        String[] failure = {null};
        Object lock = new Object();
        session.addListener(new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                synchronized (lock) {
                    out.println(json ? json(leakJson("leak", r)) : "LEAK " + r.time() + " " + r.iface() + " -> "
                            + r.server() + " " + r.type() + " " + (r.name().isEmpty() ? "(no question)" : r.name())
                            + (r.process() == null ? " by unknown program" : " by " + r.process())
                            + (r.rcode() == null ? "" : " -> " + r.rcode()));
                    out.flush();
                }
            }

            @Override
            public void onLeakUpdated(LeakRecord r) {
                synchronized (lock) {
                    out.println(json ? json(leakJson("leakUpdate", r)) : "  answer " + r.rcode() + " for "
                            + (r.name().isEmpty() ? "(no question)" : r.name()) + " (asked at " + r.time() + ")");
                    out.flush();
                }
            }

            @Override
            public void onStopped(String reasonOrNull) {
                failure[0] = reasonOrNull;
                ended.countDown();
            }
        });
        try {
            session.start();
        } catch (CaptureUnavailableException e) {
            // one line, as verify says it
            err.println("port853 monitor: " + e.reason() + " Fix: " + RootAdvice.forThisUser(e.fix()));
            boolean badInterface = e.reason().startsWith("No such network interface");
            return badInterface ? 2 : 1;
        }
        AtomicBoolean totalsPrinted = new AtomicBoolean();
        Runnable totals = () -> {
            if (totalsPrinted.compareAndSet(false, true)) {
                session.stop();
                MeterSnapshot s = session.snapshot(1);
                synchronized (lock) {
                    printTotals(out, s, session, failure[0]);
                    out.flush();
                }
            }
        };
        Thread hook = new Thread(totals, "port853-monitor-totals");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!json) {
            out.println("Capturing DNS traffic " + session.description() + " (Ctrl-C to stop)");
            out.flush();
        }
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        try {
            long next = (System.currentTimeMillis() / 1000 + 1) * 1000 + LAG_MILLIS;
            while (System.nanoTime() < deadline) {
                long wait = Math.max(1, next - System.currentTimeMillis());
                if (ended.await(Math.min(wait, (deadline - System.nanoTime()) / 1_000_000 + 1), TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (System.currentTimeMillis() >= next) {
                    MeterSnapshot s = session.snapshot(4);
                    synchronized (lock) {
                        printSecond(out, s, (next - LAG_MILLIS) / 1000 - 1);
                        out.flush();
                    }
                    next += 1000;
                    if (WrittenOutput.lost(out)) {
                        break; // the reader went away (| head -1): capturing on would print to no one, for ever
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        totals.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        if (failure[0] != null) {
            err.println("port853 monitor: " + failure[0]);
            return 1;
        }
        return 0;
    }

    /** Print a second this long after it ended: libpcap hands packets over in blocks of up to 100 ms. */
    static final long LAG_MILLIS = 300;

    private void printSecond(PrintWriter out, MeterSnapshot s, long sec) {
        int i = (int) (sec - (s.endEpochSecond() - s.seconds() + 1));
        if (i < 0 || i >= s.seconds()) {
            return;
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("event", "second");
            o.put("time", Instant.ofEpochSecond(sec).toString());
            o.put("encrypted", s.encryptedPackets()[i]);
            o.put("localPlaintext", s.localPlaintextPackets()[i]);
            o.put("leak", s.leakPackets()[i]);
            o.put("plaintextOn853", s.plaintext853Packets()[i]);
            o.put("leakedQueries", s.leakMarkers()[i]);
            o.put("encryptedQueries", s.queries().encrypted()[i]);
            o.put("localQueries", s.queries().local()[i]);
            Map<String, Object> ifs = new LinkedHashMap<>();
            for (MeterSnapshot.InterfaceSeries f : s.interfaces()) {
                long e = f.encryptedPackets()[i];
                long l = f.localPlaintextPackets()[i];
                long k = f.leakPackets()[i];
                long p = f.plaintext853Packets()[i];
                if (e + l + k + p > 0) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("encrypted", e);
                    v.put("localPlaintext", l);
                    v.put("leak", k);
                    v.put("plaintextOn853", p);
                    v.put("bytes", f.encryptedBytes()[i] + f.localPlaintextBytes()[i] + f.leakBytes()[i]
                            + f.plaintext853Bytes()[i]);
                    ifs.put(f.name(), v);
                }
            }
            o.put("interfaces", ifs);
            out.println(json(o));
        } else {
            out.printf("%s  encrypted %6d  local plaintext %6d  leak %6d%s%s%n", Instant.ofEpochSecond(sec),
                    s.encryptedPackets()[i], s.localPlaintextPackets()[i], s.leakPackets()[i],
                    s.plaintext853Packets()[i] > 0 ? "  plaintext on 853 " + s.plaintext853Packets()[i] : "",
                    s.leakMarkers()[i] > 0 ? "  (" + s.leakMarkers()[i] + (s.leakMarkers()[i] == 1 ? " leaked query)"
                            : " leaked queries)") : "");
        }
    }

    private static long leakTotal(CaptureSession session) {
        return session instanceof org.port853.capture.PipelineAccess a ? a.pipeline().leakQueries() : -1;
    }

    private static long overflows(CaptureSession session) {
        return session instanceof org.port853.capture.PipelineAccess a ? a.pipeline().leakQueueOverflows() : 0;
    }

    /** {@code failure}: why the capture ended by itself, or null (also said on stderr, after the totals). */
    private void printTotals(PrintWriter out, MeterSnapshot s, CaptureSession session, String failure) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("event", "totals");
            o.put("totals", AnalyzeCommand.classes(s.totals()));
            o.put("encryptedProtocols", AnalyzeCommand.encryptedProtocols(session.encryptedProtocols()));
            o.put("pcapDrops", s.pcapDrops());
            o.put("ifDrops", s.ifDrops());
            o.put("leakedQueries", leakTotal(session));
            o.put("leakQueueOverflows", overflows(session));
            o.put("leaksNotListed", session.leaksNotListed());
            o.put("leaksByProgram", session.leaksByProgram());
            o.put("failure", failure); // a script reading stdout learns that the stream ended early, and why
            out.println(json(o));
        } else {
            out.println("Totals:");
            TextTable totals = new TextTable("  ", " ", Column.left(16), Column.right(10), Column.left(7),
                    Column.right(12), Column.left(0));
            for (TrafficClass c : TrafficClass.values()) {
                totals.row(AnalyzeCommand.label(c), s.total(c).packets(), "packets", s.total(c).bytes(), "bytes");
            }
            out.print(totals);
            out.printf("  dropped by the capture: %d (kernel buffer), %d (interface)%n", s.pcapDrops(), s.ifDrops());
            long unlisted = session.leaksNotListed();
            if (unlisted > 0) {
                // counted among the leaked queries, but never read: no line above names them or their program
                out.printf("  %d more leaked quer%s not listed: they came faster than they could be read%n",
                        unlisted, unlisted == 1 ? "y" : "ies");
            }
            long lost = overflows(session) - unlisted;
            if (lost > 0) {
                out.printf("  not examined: %d other plaintext DNS message%s (answers, questions to this "
                        + "computer's resolver) arrived faster than they could be read%n", lost, lost == 1 ? "" : "s");
            }
            if (leakTotal(session) == 0) {
                AnalyzeCommand.noQueryIn(out, s.total(TrafficClass.LEAK).packets(), "  ");
            }
            if (!session.leaksByProgram().isEmpty()) {
                out.println("Leaked queries by program:");
                TextTable byProgram = new TextTable("  ", " ", Column.left(24, PROGRAM_COLUMNS), Column.right(8));
                session.leaksByProgram().forEach(byProgram::row);
                out.print(byProgram);
            }
        }
    }

    private Map<String, Object> leakJson(String event, LeakRecord r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("event", event);
        o.put("id", r.id());
        o.putAll(AnalyzeCommand.leak(r));
        return o;
    }

    private static String json(Map<String, Object> o) {
        return PlainJson.write(o, false);
    }
}
