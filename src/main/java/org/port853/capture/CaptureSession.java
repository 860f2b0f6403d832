package org.port853.capture;

import java.util.List;

/**
 * A running capture (live or replayed) feeding a {@code TrafficMeter} and a {@code LeakLog}. All methods are
 * thread-safe; {@link #snapshot(int)} and {@link #recentLeaks(int)} are cheap enough to poll ten times a second.
 */
public interface CaptureSession extends AutoCloseable {
    /** Starts the capture thread(s) and returns quickly. */
    void start() throws CaptureUnavailableException;

    /** Stops capturing and joins the threads; idempotent. */
    void stop();

    boolean isRunning();

    /**
     * Why the session ended by itself (its source went away: the capture service's stream, an interface), set before
     * {@link #isRunning()} turns false; null while it runs, after {@link #stop()} and when a replay finished.
     */
    default String endReason() {
        return null;
    }

    /**
     * Whether this capture looks for the program behind each leak where it may: as root, or through the installed
     * capture service. False for a replay, and for a capture whose process may not look (a fix may then say where
     * it could).
     */
    default boolean namesPrograms() {
        return false;
    }

    /** e.g. "live on all interfaces" or "replay of demo.pcap". */
    String description();

    /** The description as the window can say it in the user's language; null: only the English one. */
    default org.port853.core.Words descriptionWords() {
        return null;
    }

    MeterSnapshot snapshot(int seconds);

    /** The most recent leaks, newest last. */
    List<LeakRecord> recentLeaks(int max);

    /** Resets the meter and the leak log. */
    void clear();

    void addListener(CaptureListener l);

    /**
     * Leaked queries per program since start (or clear), in order of first appearance: the program that asked
     * ({@link LeakRecord#program()}), "unknown" when it could not be found.
     */
    default java.util.Map<String, Long> leaksByProgram() {
        return java.util.Map.of();
    }

    /**
     * Leaked queries since the session started, including those no longer in {@link #recentLeaks(int)} and those
     * before a {@link #clear()}. The default counts those still in the log.
     */
    default long leaksSinceStart() {
        return recentLeaks(Integer.MAX_VALUE).size();
    }

    /**
     * Leaked queries since start (or clear) that no {@link LeakRecord} names: they came faster than the capture could
     * read them (they are counted in the meter's leaked queries all the same).
     */
    default long leaksNotListed() {
        return 0;
    }

    /** Counted encrypted packets on 853 since start (or clear) by what they carry; empty where none are counted. */
    default java.util.Map<EncryptedProtocol, Long> encryptedProtocols() {
        return java.util.Map.of();
    }

    void removeListener(CaptureListener l);

    @Override
    void close();
}
