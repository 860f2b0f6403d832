package org.port853.capture;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Meter, leak log, listeners and the capture-thread life cycle shared by live and replayed sessions. */
abstract class AbstractCaptureSession implements CaptureSession, PipelineAccess {
    protected final TrafficMeter meter = new TrafficMeter();
    protected final LeakLog leakLog = new LeakLog();
    protected final ProgramTotals programs = new ProgramTotals();
    private final CopyOnWriteArrayList<CaptureListener> listeners = new CopyOnWriteArrayList<>();
    protected final PacketPipeline pipeline;
    protected volatile boolean running;
    private volatile boolean clearRequested;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stoppedFired = new AtomicBoolean();
    protected Thread thread;

    AbstractCaptureSession(LocalAddresses local, java.util.function.IntFunction<String> ifNames) {
        this(local, ifNames, false);
    }

    /** @param asyncLeaks parse leaked DNS messages on a worker thread ({@link LeakStage#async}) */
    AbstractCaptureSession(LocalAddresses local, java.util.function.IntFunction<String> ifNames, boolean asyncLeaks) {
        pipeline = new PacketPipeline(meter, local, new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                onLeakCandidate(c);
            }

            @Override
            public void update(LeakCandidate c) {
                onLeakUpdate(c);
            }

            @Override
            public void stubQuery(LeakCandidate c) {
                onStubQuery(c);
            }

            @Override
            public void sent(int protocol, byte[] address, int port, long epochNanos) {
                ProcessResolver p = processes;
                if (p != null) {
                    p.sent(protocol, address, port, epochNanos);
                }
            }

            @Override
            public boolean wantsStubQueries() {
                return asyncLeaks; // live capture: the programs behind a resolver's leaks
            }
        }, ifNames, asyncLeaks ? LeakStage::async : LeakStage::inline);
    }

    /** Live sessions set this when they start: it names the program behind each leak. */
    protected volatile ProcessResolver processes;
    private ScheduledExecutorService housekeeping;
    private Optional<SocketOwnerLookup> socketOwners; // looked for once (a service lookup and a netlink probe)

    /** How this machine names the program behind a socket, if it can here. */
    protected final synchronized Optional<SocketOwnerLookup> socketOwners() {
        if (socketOwners == null) {
            socketOwners = SocketOwnerLookup.forThisMachine();
        }
        return socketOwners;
    }

    /**
     * Starts what a live session runs beside its capture thread: the process resolver and a housekeeping thread
     * that refreshes this machine's addresses every 5 s. Returns that thread's executor for further tasks.
     */
    protected final ScheduledExecutorService startHousekeeping() {
        socketOwners().ifPresent(owners ->
                processes = new ProcessResolver(owners, this::publish, (rcode, id) -> publishUpdate(id, rcode)));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "port853-capture-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::refreshAddresses, 5, 5, TimeUnit.SECONDS);
        return housekeeping;
    }

    /** On the housekeeping thread: the machine's addresses may have changed (DHCP, VPN). */
    protected void refreshAddresses() {
        pipeline.setLocalAddresses(LocalAddresses.ofThisMachine());
    }

    /** After the last frame: stops housekeeping, emits the leaks still waiting, then closes the process resolver. */
    protected final void stopHousekeeping() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        pipeline.flushLeaks();
        ProcessResolver p = processes;
        if (p != null) {
            p.close();
        }
    }

    /** Called on the capture (or leak worker) thread for every leaked query: to the process resolver, if any. */
    protected void onLeakCandidate(LeakCandidate c) {
        ProcessResolver p = processes;
        if (p != null) {
            p.submit(c);
        } else {
            publish(c.toRecord(null));
        }
    }

    /** A query asked of a resolver on loopback (live capture only): remembered by the process resolver. */
    protected void onStubQuery(LeakCandidate c) {
        ProcessResolver p = processes;
        if (p != null) {
            p.submitStub(c);
        }
    }

    /** The response code of an earlier candidate arrived; default: update the published record. */
    protected void onLeakUpdate(LeakCandidate c) {
        ProcessResolver p = processes;
        if (p != null) {
            p.submitUpdate(c); // behind its candidate in the resolver's queue, so the record exists
        } else {
            publishUpdate(c.seq(), c.rcode());
        }
    }

    /** Sets the response code of the published record {@code id} and tells the listeners. */
    protected final void publishUpdate(long id, String rcode) {
        LeakRecord updated = leakLog.update(id, rcode);
        if (updated == null) {
            return;
        }
        for (CaptureListener l : listeners) {
            try {
                l.onLeakUpdated(updated);
            } catch (RuntimeException e) {
                // a listener's failure must not stop the capture
            }
        }
    }

    @Override
    public java.util.Map<String, Long> leaksByProgram() {
        return programs.snapshot();
    }

    @Override
    public long leaksNotListed() {
        return pipeline.unlistedLeakQueries();
    }

    @Override
    public java.util.Map<EncryptedProtocol, Long> encryptedProtocols() {
        return pipeline.encryptedProtocols();
    }

    @Override
    public long leaksSinceStart() {
        return programs.sinceStart();
    }

    protected final void publish(LeakRecord r) {
        programs.add(r);
        boolean first = leakLog.add(r);
        for (CaptureListener l : listeners) {
            try {
                l.onLeak(r);
                if (first) {
                    l.onFirstLeak(r);
                }
            } catch (RuntimeException e) {
                // a listener's failure must not stop the capture
            }
        }
    }

    private volatile String endReason;

    @Override
    public String endReason() {
        return endReason;
    }

    protected final void fireStopped(String reason) {
        if (stoppedFired.compareAndSet(false, true)) {
            for (CaptureListener l : listeners) {
                try {
                    l.onStopped(reason);
                } catch (RuntimeException e) {
                    // ignore
                }
            }
        }
    }

    /** Called on the capture thread between frames: applies a pending {@link #clear()}. */
    protected final void applyPendingClear() {
        if (clearRequested) {
            clearRequested = false;
            pipeline.clear();
        }
    }

    @Override
    public final void start() throws CaptureUnavailableException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a capture session starts once");
        }
        running = true;
        try {
            thread = startCapture();
        } catch (CaptureUnavailableException | RuntimeException e) {
            running = false;
            throw e;
        }
    }

    /** Opens the source and starts the capture thread, which must end by calling {@link #finished(String)}. */
    protected abstract Thread startCapture() throws CaptureUnavailableException;

    protected final void finished(String reasonOrNull) {
        try {
            pipeline.flushLeaks();
        } catch (RuntimeException | Error e) {
            if (reasonOrNull == null) {
                reasonOrNull = "capture failed at its end: " + e;
            }
        }
        endReason = reasonOrNull; // before running turns false: a poll that sees it stopped also sees why
        running = false;
        fireStopped(reasonOrNull);
    }

    /** Wakes the capture thread so it notices {@code running == false}. */
    protected abstract void interruptCapture();

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            interruptCapture();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fireStopped(null);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The second the graph ends at when no packet is newer. */
    protected long nowSecond() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public MeterSnapshot snapshot(int seconds) {
        return meter.snapshot(seconds, nowSecond());
    }

    @Override
    public List<LeakRecord> recentLeaks(int max) {
        return leakLog.recent(max);
    }

    @Override
    public void clear() {
        meter.clear();
        leakLog.clear();
        programs.clear();
        clearRequested = true;
    }

    /** Frames, parse errors and per-interface totals so far (read from any thread, approximately current). */
    @Override
    public PacketPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void addListener(CaptureListener l) {
        listeners.addIfAbsent(l);
    }

    @Override
    public void removeListener(CaptureListener l) {
        listeners.remove(l);
    }

    @Override
    public void close() {
        stop();
    }
}
