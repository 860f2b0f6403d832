package org.port853.capture;

/** Capture events. Called on capture threads: do not block, and marshal to the UI thread yourself. */
public interface CaptureListener {
    /** Every leaked query message, as soon as the query is seen ({@code rcode} is then usually {@code null}). */
    default void onLeak(LeakRecord r) {
    }

    /** A leak reported earlier, now with its response code: replaces the record with the same {@link LeakRecord#id()}. */
    default void onLeakUpdated(LeakRecord r) {
    }

    /** A leak after a quiet period (or the first one since start/clear): the moment to notify the user. */
    default void onFirstLeak(LeakRecord r) {
    }

    /** The session ended: {@code null} when stopped or finished normally, else why it failed. */
    default void onStopped(String reasonOrNull) {
    }
}
