package org.port853.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;

/** A capture double that "sees" what the test tells it: leaks (log and listeners) and encrypted packets. */
class ScriptedCapture implements CaptureSession {
    final CaptureUnavailableException failure;
    final List<LeakRecord> log = new CopyOnWriteArrayList<>();
    final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();
    /** Whether leaks reach listeners (the GUI's test double does not call them). */
    boolean notify = true;
    long encrypted;
    long leakPackets;
    long plaintext853Packets;
    long drops;
    volatile boolean running;
    boolean stopped;
    String startedOn = "unset";

    ScriptedCapture(CaptureUnavailableException failure) {
        this.failure = failure;
    }

    static LeakRecord leak(String name, String server) {
        return new LeakRecord(Instant.now(), "eth0", server, name, "A", "systemd-resolve (42)");
    }

    synchronized void leaked(LeakRecord r) {
        log.add(r);
        if (notify) {
            for (CaptureListener l : listeners) l.onLeak(r);
        }
    }

    /** The answer to {@code r} arrived: the log's entry gets its response code, as a session's log does. */
    synchronized void answered(LeakRecord r, String rcode) {
        LeakRecord updated = r.withRcode(rcode);
        log.set(log.indexOf(r), updated);
        for (CaptureListener l : listeners) l.onLeakUpdated(updated);
    }

    synchronized void encrypted(long packets) {
        encrypted += packets;
    }

    /** Leak-class packets the meter counted (no entry: e.g. a response, or a query the leak stage lost). */
    synchronized void leakPackets(long packets) {
        leakPackets += packets;
    }

    synchronized void plaintext853(long packets) {
        plaintext853Packets += packets;
    }

    synchronized void dropped(long packets) {
        drops += packets;
    }

    /** The capture ends by itself (its interface went away): listeners hear why, as a session's do. */
    synchronized void ends(String reason) {
        running = false;
        for (CaptureListener l : listeners) l.onStopped(reason);
    }

    @Override
    public void start() throws CaptureUnavailableException {
        if (failure != null) throw failure;
        running = true;
    }

    @Override public void stop() { running = false; stopped = true; }
    @Override public boolean isRunning() { return running; }
    @Override public String description() { return "scripted"; }

    /** All encrypted packets so far sit in the current second. */
    @Override
    public synchronized MeterSnapshot snapshot(int seconds) {
        long[] z = new long[seconds];
        long[] e = new long[seconds];
        e[seconds - 1] = encrypted;
        long[] l = new long[seconds];
        l[seconds - 1] = leakPackets;
        long[] p = new long[seconds];
        p[seconds - 1] = plaintext853Packets;
        return new MeterSnapshot(Instant.now().getEpochSecond(), seconds, e, z, l, z.clone(), Map.of(), drops, 0,
                List.of(), p);
    }

    @Override
    public List<LeakRecord> recentLeaks(int max) {
        List<LeakRecord> all = new ArrayList<>(log);
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    @Override public void clear() { log.clear(); }
    @Override public void addListener(CaptureListener l) { listeners.add(l); }
    @Override public void removeListener(CaptureListener l) { listeners.remove(l); }
    @Override public void close() { stop(); }
}
