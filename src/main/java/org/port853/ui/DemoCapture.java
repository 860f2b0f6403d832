package org.port853.ui;

import java.util.ArrayList;
import java.util.List;

import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureSessions;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;

/**
 * The bundled demo capture, with its interface shown under the sample resolver state's name for it. The file
 * was recorded on a Linux "any" capture, which stores only an interface index, so the engine calls it
 * {@code if24}; in the demo the leaks leave through {@code wlan0}, the link the sample state warns about.
 */
final class DemoCapture implements CaptureSession {
    /** The sample state's link with plaintext DNS and the default route. */
    static final String DEMO_INTERFACE = "wlan0";
    /** The sample link's own DNS server: the demo's leaks go there, as they would on that machine. */
    static final String DEMO_SERVER = "192.168.1.1";
    private final CaptureSession session;
    /** When the demo's fix made it leak-free (null while not): leaks after that are not shown. */
    private final java.util.function.Supplier<java.time.Instant> protectedSince;

    private DemoCapture(CaptureSession session, java.util.function.Supplier<java.time.Instant> protectedSince) {
        this.session = session;
        this.protectedSince = protectedSince;
    }

    static CaptureSession create() {
        return new DemoCapture(CaptureSessions.demo(), () -> null);
    }

    /** A demo capture whose leaks stop once {@code adapter}'s fix is applied. */
    static CaptureSession create(org.port853.platform.demo.DemoResolverAdapter adapter) {
        return new DemoCapture(CaptureSessions.demo(), adapter::protectedSince);
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
        if (since == null) {
            return s;
        }
        long[] leaks = s.leakPackets().clone();
        long[] markers = s.leakMarkers().clone();
        long first = s.endEpochSecond() - s.seconds() + 1;
        for (int i = 0; i < leaks.length; i++) {
            if (first + i >= since.getEpochSecond()) {
                leaks[i] = 0;
                markers[i] = 0;
            }
        }
        return new MeterSnapshot(s.endEpochSecond(), s.seconds(), s.encryptedPackets(), s.localPlaintextPackets(),
                leaks, markers, s.totals(), s.pcapDrops(), s.ifDrops(), s.interfaces());
    }
    @Override public void clear() { session.clear(); }

    /** Leaks replayed while the demo's fix is applied are not leaks (nor shown): they are not counted either. */
    private long hiddenLeaks;
    private long leaksSeen;

    @Override
    public synchronized long leaksSinceStart() {
        long n = session.leaksSinceStart();
        if (protectedSince.get() != null) {
            hiddenLeaks += n - leaksSeen;
        }
        leaksSeen = n;
        return n - hiddenLeaks;
    }
    @Override public void addListener(CaptureListener l) { session.addListener(l); }
    @Override public void removeListener(CaptureListener l) { session.removeListener(l); }
    @Override public void close() { session.close(); }

    @Override
    public List<LeakRecord> recentLeaks(int max) {
        List<LeakRecord> in = session.recentLeaks(max);
        java.time.Instant since = protectedSince.get();
        List<LeakRecord> out = new ArrayList<>(in.size());
        for (LeakRecord r : in) {
            if (since != null && r.time() != null && !r.time().isBefore(since)) {
                continue; // the demo's fix routes every name to the encrypted servers: no more leaks
            }
            out.add(new LeakRecord(r.time(), DEMO_INTERFACE, DEMO_SERVER, r.name(), r.type(), r.process(), r.rcode()));
        }
        return out;
    }
}
