package org.port853.capture;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

import org.port853.core.Words;

/** Replays a pcap/pcapng through the same pipeline, paced (or as fast as possible), once or looping. */
final class ReplayCaptureSession extends AbstractCaptureSession {
    interface Opener {
        PcapFileReader open() throws IOException, PcapFormatException;
    }

    private final Opener opener;
    private final String description;
    private final Words words;
    private final double speed;
    private final boolean loop;

    /** {@code words}: the description as the window can say it (see {@link CaptureSession#descriptionWords()}). */
    ReplayCaptureSession(Opener opener, String description, Words words, double speed, boolean loop, LocalAddresses local) {
        super(local, null);
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0");
        }
        this.opener = opener;
        this.description = description;
        this.words = words;
        this.speed = speed;
        this.loop = loop;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Words descriptionWords() {
        return words;
    }

    @Override
    protected long nowSecond() {
        return speed > 0 ? super.nowSecond() : Long.MIN_VALUE; // unpaced: the graph ends at the last packet
    }

    @Override
    protected Thread startCapture() throws CaptureUnavailableException {
        PcapFileReader first;
        try {
            first = opener.open();
        } catch (IOException | PcapFormatException e) {
            throw new CaptureUnavailableException("Cannot replay " + description + ": " + e.getMessage(),
                    "Choose a readable .pcap or .pcapng capture file.", e).says("replay-failed", words.details().isEmpty() ? description : words.details().get(0), e.getMessage());
        }
        Thread t = new Thread(() -> run(first), "port853-replay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void run(PcapFileReader firstReader) {
        String reason = null;
        PcapFileReader reader = firstReader;
        try {
            while (running) {
                long[] state = {-1, System.nanoTime(), System.currentTimeMillis() * 1_000_000L, 0};
                try (PcapFileReader r = reader) {
                    while (running && r.next((ns, lt, iface, b, off, cap, orig) -> {
                        applyPendingClear();
                        if (state[0] < 0) {
                            state[0] = ns;
                        }
                        long at = ns;
                        if (speed > 0) {
                            long rel = (long) ((ns - state[0]) / speed);
                            long wake = state[1] + rel;
                            while (running) {
                                long wait = wake - System.nanoTime();
                                if (wait <= 0) {
                                    break;
                                }
                                LockSupport.parkNanos(Math.min(wait, 100_000_000L));
                            }
                            at = state[2] + rel;
                        }
                        state[3]++;
                        pipeline.accept(at, lt, iface, r.frameInterface(), r.frameDirection(), b, off, cap, orig);
                    })) {
                        // next frame
                    }
                    if (r.error() != null && state[3] == 0) {
                        reason = "replay of " + description + " failed: " + r.error();
                        break;
                    }
                }
                if (!loop || state[3] == 0) {
                    break;
                }
                reader = opener.open();
            }
        } catch (IOException | PcapFormatException | RuntimeException e) {
            reason = "replay of " + description + " failed: " + e.getMessage();
        } catch (Error e) {
            reason = "replay of " + description + " failed: " + e; // OutOfMemoryError...: never a normal stop
        } finally {
            finished(reason);
        }
    }

    @Override
    protected void interruptCapture() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
