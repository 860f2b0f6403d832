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
    private final CaptureSession session;

    private DemoCapture(CaptureSession session) {
        this.session = session;
    }

    static CaptureSession create() {
        return new DemoCapture(CaptureSessions.demo());
    }

    @Override public void start() throws org.port853.capture.CaptureUnavailableException { session.start(); }
    @Override public void stop() { session.stop(); }
    @Override public boolean isRunning() { return session.isRunning(); }
    @Override public String description() { return session.description(); }
    @Override public MeterSnapshot snapshot(int seconds) { return session.snapshot(seconds); }
    @Override public void clear() { session.clear(); }
    @Override public void addListener(CaptureListener l) { session.addListener(l); }
    @Override public void removeListener(CaptureListener l) { session.removeListener(l); }
    @Override public void close() { session.close(); }

    @Override
    public List<LeakRecord> recentLeaks(int max) {
        List<LeakRecord> in = session.recentLeaks(max);
        List<LeakRecord> out = new ArrayList<>(in.size());
        for (LeakRecord r : in) {
            out.add(r.iface() != null && r.iface().matches("if\\d+")
                    ? new LeakRecord(r.time(), DEMO_INTERFACE, r.server(), r.name(), r.type(), r.process(), r.rcode()) : r);
        }
        return out;
    }
}
