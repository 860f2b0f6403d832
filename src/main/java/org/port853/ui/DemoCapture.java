package org.port853.ui;

import java.util.ArrayList;
import java.util.List;

import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureSessions;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;

/**
 * The bundled demo capture, shown as the sample machine would see it. The file was recorded on a Linux "any"
 * capture, which stores only an interface index, so the engine calls it {@code if24}; in the demo the leaks leave
 * through the sample machine's link with plaintext DNS ({@code wlan0} in the Linux demo, {@code Wi-Fi} in the
 * Windows demo) to that link's own DNS server. The demo's test queries (Verify) go where the sample machine would
 * send them: out in plaintext to that server before the demo's fix, encrypted after it.
 */
final class DemoCapture implements CaptureSession {
    /** The Linux sample state's link with plaintext DNS and the default route. */
    static final String DEMO_INTERFACE = "wlan0";
    /** The Windows sample machine's adapter with plaintext DNS. */
    static final String WINDOWS_INTERFACE = "Wi-Fi";
    /** The sample link's own DNS server: the demo's leaks go there, as they would on that machine. */
    static final String DEMO_SERVER = "192.168.1.1";
    /** The sample machine's system resolver, as the capture names its socket's owner (whole, not the kernel's 15 bytes). */
    static final String DEMO_RESOLVER = "systemd-resolved (97)";
    /** This app, asking the system resolver for Verify's test names. */
    private static final String ASKER = "port853 (" + ProcessHandle.current().pid() + ")";
    /** Packets that one test query adds, encrypted on port 853 or leaked in plaintext (query and answer). */
    private static final int PACKETS_PER_QUERY = 2;
    private final CaptureSession session;
    private final String iface;
    /** Whose socket sends the test queries as the capture names it; null where that is not known (Windows). */
    private final String resolver;
    /** When the demo's fix made it leak-free (null while not): leaks after that are not shown. */
    private final java.util.function.Supplier<java.time.Instant> protectedSince;
    private final List<CaptureListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Map<CaptureListener, CaptureListener> shown = new java.util.concurrent.ConcurrentHashMap<>();
    /** The demo's own test queries that leaked, newest last. */
    private final List<LeakRecord> testLeaks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The demo's own test queries sent encrypted, by epoch second. */
    private final java.util.Map<Long, Long> testEncrypted = new java.util.concurrent.ConcurrentHashMap<>();

    private DemoCapture(CaptureSession session, String iface, String resolver,
                        java.util.function.Supplier<java.time.Instant> protectedSince) {
        this.session = session;
        this.iface = iface;
        this.resolver = resolver;
        this.protectedSince = protectedSince;
    }

    /** The Windows sample machine's capture: its changes are refused, so its leaks never stop. */
    static DemoCapture create() {
        return new DemoCapture(CaptureSessions.demo(), WINDOWS_INTERFACE, null, () -> null);
    }

    /** A demo capture whose leaks stop once {@code adapter}'s fix is applied. */
    static DemoCapture create(org.port853.platform.demo.DemoResolverAdapter adapter) {
        return new DemoCapture(CaptureSessions.demo(), DEMO_INTERFACE, DEMO_RESOLVER, adapter::protectedSince);
    }

    /**
     * The demo's test queries (Verify) as the sample machine sends them: each leaks in plaintext to the link's server
     * while the demo is unprotected, and travels encrypted once its fix is applied. Nothing is sent.
     */
    void queriesSent(List<String> names) {
        java.time.Instant now = java.time.Instant.now();
        if (protectedSince.get() != null) {
            testEncrypted.merge(now.getEpochSecond(), (long) names.size(), Long::sum);
            return;
        }
        for (String name : names) {
            // sent through the system resolver, as on a real machine: its socket sends them, asked by this app
            LeakRecord r = new LeakRecord(now, iface, DEMO_SERVER, name, "A", null, null)
                    .withSender(resolver, resolver == null ? null : ASKER);
            testLeaks.add(r);
            for (CaptureListener l : listeners) {
                l.onLeak(r);
            }
        }
    }

    /**
     * The programs of the Linux sample machine that asked for the demo capture's names; the system resolver sent the
     * queries on their behalf, as on a real machine (the capture file itself names no process).
     */
    private static final java.util.Map<String, String> SAMPLE_PROGRAMS = java.util.Map.of(
            "tracker.example.com", "firefox (2481)", "ads.example.net", "firefox (2481)",
            "printer.local.example", "cups-browsed (911)", "telemetry.example.org", "gnome-software (1873)",
            "vpn.example.com", "openvpn (3310)", "chat.example.net", "slack (2760)");

    /** A replayed leak as the sample machine shows it (its interface, server and programs); null once its fix is in. */
    LeakRecord asShown(LeakRecord r) {
        java.time.Instant since = protectedSince.get();
        if (since != null && r.time() != null && !r.time().isBefore(since)) {
            return null; // the demo's fix routes every name to the encrypted servers: no more leaks
        }
        LeakRecord shown = new LeakRecord(r.time(), iface, DEMO_SERVER, r.name(), r.type(), r.process(), r.rcode(),
                r.id(), r.sender(), r.requestedBy());
        String asker = r.name() == null ? null : SAMPLE_PROGRAMS.get(r.name().toLowerCase(java.util.Locale.ROOT));
        return resolver == null || r.process() != null || asker == null ? shown : shown.withSender(resolver, asker);
    }

    @Override public void start() throws org.port853.capture.CaptureUnavailableException { session.start(); }
    @Override public void stop() { session.stop(); }
    @Override public boolean isRunning() { return session.isRunning(); }
    @Override public String description() { return session.description(); }
    @Override public org.port853.core.Words descriptionWords() { return session.descriptionWords(); }
    @Override
    public MeterSnapshot snapshot(int seconds) {
        MeterSnapshot s = session.snapshot(seconds);
        java.time.Instant since = protectedSince.get();
        long first = s.endEpochSecond() - s.seconds() + 1;
        long[] encrypted = s.encryptedPackets();
        long[] encryptedQueries = s.queries().encrypted();
        if (!testEncrypted.isEmpty()) {
            encrypted = encrypted.clone();
            encryptedQueries = encryptedQueries.clone();
            for (int i = 0; i < encrypted.length; i++) {
                long queries = testEncrypted.getOrDefault(first + i, 0L);
                encrypted[i] += queries * PACKETS_PER_QUERY;
                encryptedQueries[i] += queries;
            }
        }
        long[] leaks = s.leakPackets();
        long[] markers = s.leakMarkers();
        if (since != null) {
            leaks = leaks.clone();
            markers = markers.clone();
            for (int i = 0; i < leaks.length; i++) {
                if (first + i >= since.getEpochSecond()) {
                    leaks[i] = 0;
                    markers[i] = 0;
                }
            }
        }
        if (!testLeaks.isEmpty()) {
            // the test queries that leaked are measured like every leak (the list shows the same records): a mark
            // for each query in the graph and the summary, and its packets (query and answer) in the leak series
            leaks = leaks == s.leakPackets() ? leaks.clone() : leaks;
            markers = markers == s.leakMarkers() ? markers.clone() : markers;
            for (LeakRecord r : testLeaks) {
                long i = r.time().getEpochSecond() - first;
                if (i >= 0 && i < markers.length) {
                    markers[(int) i]++;
                    leaks[(int) i] += PACKETS_PER_QUERY;
                }
            }
        }
        return new MeterSnapshot(s.endEpochSecond(), s.seconds(), encrypted, s.localPlaintextPackets(),
                leaks, markers, s.totals(), s.pcapDrops(), s.ifDrops(), s.interfaces(), s.plaintext853Packets(),
                new MeterSnapshot.Queries(encryptedQueries, s.queries().local()));
    }

    @Override
    public synchronized void clear() {
        session.clear();
        List<LeakRecord> gone = List.copyOf(testLeaks);
        testLeaks.removeAll(gone);
        clearedTestLeaks += gone.size(); // cleared from the display, still counted since start
    }

    /** Leaks replayed while the demo's fix is applied are not leaks (nor shown): they are not counted either. */
    private long hiddenLeaks;
    private long leaksSeen;
    private long clearedTestLeaks;

    @Override
    public synchronized long leaksSinceStart() {
        long n = session.leaksSinceStart();
        if (protectedSince.get() != null) {
            hiddenLeaks += n - leaksSeen;
        }
        leaksSeen = n;
        return n - hiddenLeaks + clearedTestLeaks + testLeaks.size();
    }

    @Override
    public void addListener(CaptureListener l) {
        CaptureListener filtered = new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                passShown(r, l::onLeak);
            }

            @Override
            public void onLeakUpdated(LeakRecord r) {
                passShown(r, l::onLeakUpdated);
            }

            @Override
            public void onFirstLeak(LeakRecord r) {
                passShown(r, l::onFirstLeak);
            }

            @Override
            public void onStopped(String reasonOrNull) {
                l.onStopped(reasonOrNull);
            }
        };
        shown.put(l, filtered);
        listeners.add(l);
        session.addListener(filtered);
    }

    /** Passes a replayed leak on as the sample machine shows it, unless the demo's fix has stopped it. */
    private void passShown(LeakRecord r, java.util.function.Consumer<LeakRecord> to) {
        LeakRecord s = asShown(r);
        if (s != null) {
            to.accept(s);
        }
    }

    @Override
    public void removeListener(CaptureListener l) {
        listeners.remove(l);
        CaptureListener filtered = shown.remove(l);
        if (filtered != null) session.removeListener(filtered);
    }

    @Override public void close() { session.close(); }

    @Override
    public List<LeakRecord> recentLeaks(int max) {
        List<LeakRecord> out = new ArrayList<>();
        for (LeakRecord r : session.recentLeaks(max)) {
            LeakRecord s = asShown(r);
            if (s != null) out.add(s);
        }
        out.addAll(testLeaks);
        out.sort(java.util.Comparator.comparing(LeakRecord::time, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())));
        return out.size() <= max ? out : List.copyOf(out.subList(out.size() - max, out.size()));
    }
}
