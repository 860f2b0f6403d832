package org.port853.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.capture.PipelineAccess;

/**
 * Verify, without any UI: with a capture running, send fresh test queries through the system resolver
 * ({@link QuerySender}), give the capture a moment for late packets, then judge what it saw
 * ({@link VerifyResult#judge}). The window's Verify button and {@code port853 verify} both call this.
 * Blocking: call it off the UI thread.
 */
public final class Verifier {
    /** Test names are {@code p853-<random>.example.com}: a reserved domain, and no cache can answer them. */
    public static final String ZONE = "example.com";
    /** How many test queries a verification sends unless told otherwise (CLI and window alike). */
    public static final int DEFAULT_QUERIES = 5;
    /** How long the capture gets after the last answer to see every packet (and name the processes). */
    public static final Duration SETTLE = Duration.ofMillis(1500);
    /** Per query; the queries travel in parallel, so this bounds the whole sending phase. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The leak log keeps this many entries (see {@code LeakLog}). */
    private static final int LEAK_LOG = 1000;

    private final QuerySender sender;
    private final Duration timeout;
    private final Duration settle;

    public Verifier(QuerySender sender) {
        this(sender, TIMEOUT, SETTLE);
    }

    public Verifier(QuerySender sender, Duration timeout, Duration settle) {
        this.sender = sender;
        this.timeout = timeout;
        this.settle = settle;
    }

    public QuerySender sender() {
        return sender;
    }

    /** True for a test name of Verify ({@code p853-<random>.example.com}, any case, with or without the final dot). */
    public static boolean isTestName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(java.util.Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        String label = n.endsWith("." + ZONE) ? n.substring(0, n.length() - ZONE.length() - 1) : null;
        return label != null && label.startsWith("p853-") && label.length() > 5 && label.indexOf('.') < 0;
    }

    /** {@code count} fresh test names. */
    public static List<String> names(int count) {
        return QuerySender.uniqueNames(count, ZONE);
    }

    /**
     * Sends {@code names} and judges the capture. {@code session} must be running, or null when capture is
     * unavailable (then the queries are still sent, and the verdict is {@link VerifyVerdict#CAPTURE_UNAVAILABLE}).
     * The session may have been running for a while: only what it sees from now on counts.
     */
    public VerifyResult verify(CaptureSession session, List<String> names) throws InterruptedException {
        if (session == null) {
            return VerifyResult.judge(sender.send(names, timeout), false, 0, List.of());
        }
        Set<LeakRecord> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        java.util.concurrent.atomic.AtomicReference<String> ended = new java.util.concurrent.atomic.AtomicReference<>();
        CaptureListener listener = new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                seen.add(r);
            }

            @Override
            public void onStopped(String reasonOrNull) {
                ended.set(reasonOrNull == null ? "" : reasonOrNull);
            }
        };
        boolean runningAtStart = session.isRunning();
        Set<Object> before = new HashSet<>(session.recentLeaks(LEAK_LOG).stream().map(Verifier::entry).toList());
        session.addListener(listener);
        java.util.function.LongSupplier encrypted = encryptedSinceNow(session);
        WindowCounter leakPackets = new WindowCounter(session, MeterSnapshot::leakPackets);
        WindowCounter plaintext853 = new WindowCounter(session, MeterSnapshot::plaintext853Packets);
        long dropsBefore = drops(session);
        long lostBefore = lostLeakMessages(session);
        List<QueryOutcome> outcomes;
        try {
            outcomes = sender.send(names, timeout);
            Thread.sleep(settle.toMillis());
        } finally {
            session.removeListener(listener);
        }
        // The listener sees every leak; the log covers sessions that do not call listeners, and its copy of an entry
        // is the newer one (with the answer's response code): one entry each
        java.util.Map<Object, LeakRecord> meanwhile = new java.util.LinkedHashMap<>();
        synchronized (seen) {
            seen.forEach(r -> meanwhile.put(entry(r), r));
        }
        for (LeakRecord r : session.recentLeaks(LEAK_LOG)) {
            if (!before.contains(entry(r))) {
                meanwhile.put(entry(r), r);
            }
        }
        List<LeakRecord> ordered = new ArrayList<>(meanwhile.values());
        ordered.sort(java.util.Comparator.comparing(LeakRecord::time, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())));
        if (ended.get() == null && runningAtStart && !session.isRunning()) {
            ended.set(session.endReason() == null ? "" : session.endReason());
        }
        VerifyResult.Evidence e = new VerifyResult.Evidence(encrypted.getAsLong(), leakPackets.sinceStart(),
                plaintext853.sinceStart(), drops(session) - dropsBefore, lostLeakMessages(session) - lostBefore,
                ended.get());
        return VerifyResult.judge(outcomes, true, e, ordered);
    }

    /** One leak however often it was updated (its id within the session); the record itself where it has none. */
    private static Object entry(LeakRecord r) {
        return r.id() >= 0 ? (Object) r.id() : r;
    }

    /**
     * Encrypted packets from now on. A session with a pipeline counts only those that carried payload: when strict
     * DNS over TLS is refused (a SYN answered by a reset), those two packets on 853 prove nothing. Other sessions
     * give their meter's encrypted packets.
     */
    private static java.util.function.LongSupplier encryptedSinceNow(CaptureSession s) {
        if (s instanceof PipelineAccess p) {
            long before = p.pipeline().encryptedWithPayload();
            return () -> p.pipeline().encryptedWithPayload() - before;
        }
        return new WindowCounter(s, MeterSnapshot::encryptedPackets)::sinceStart;
    }

    private static long drops(CaptureSession s) {
        MeterSnapshot m = s.snapshot(1);
        return m.pcapDrops() + m.ifDrops();
    }

    /** Leak messages the capture could not examine: leak-worker queue overflows and reassembly budget drops. */
    private static long lostLeakMessages(CaptureSession s) {
        if (s instanceof PipelineAccess p) {
            return p.pipeline().leakQueueOverflows() + p.pipeline().reassemblyDroppedFlows();
        }
        return 0;
    }

    /**
     * Packets of one per-second series since construction: the seconds from the start second on, minus what the
     * start second already held. Works for sessions that were running long before.
     */
    static final class WindowCounter {
        private final CaptureSession session;
        private final java.util.function.Function<MeterSnapshot, long[]> series;
        private final long startSecond;
        private final long atStart;

        WindowCounter(CaptureSession session, java.util.function.Function<MeterSnapshot, long[]> series) {
            this.session = session;
            this.series = series;
            MeterSnapshot s = session.snapshot(1);
            startSecond = s.endEpochSecond();
            atStart = series.apply(s)[s.seconds() - 1];
        }

        long sinceStart() {
            long end = session.snapshot(1).endEpochSecond();
            int seconds = (int) Math.max(1, Math.min(3600, end - startSecond + 3));
            MeterSnapshot s = session.snapshot(seconds);
            long first = s.endEpochSecond() - s.seconds() + 1;
            long sum = 0;
            boolean startIncluded = false;
            for (int i = 0; i < s.seconds(); i++) {
                long sec = first + i;
                if (sec >= startSecond) {
                    sum += series.apply(s)[i];
                    startIncluded |= sec == startSecond;
                }
            }
            return startIncluded ? sum - atStart : sum;
        }
    }
}
