package org.port853.ui.tray;

/**
 * A leak monitor icon in the desktop's tray. Implementations do their bus work on the calling thread, so call
 * them off the JavaFX thread ({@link TrayMonitor} does).
 */
public interface Tray extends AutoCloseable {
    /** Whether the icon is in the tray now, and if not, one sentence saying why. */
    record Registration(boolean registered, String reason) {
        public static Registration ok() {
            return new Registration(true, null);
        }

        public static Registration unavailable(String reason) {
            return new Registration(false, reason);
        }
    }

    /** Puts the icon in the tray; never throws: a tray that cannot be used says why. */
    Registration start(TrayState initial, TrayActions actions);

    /**
     * Tells {@code listener} (on a thread of the tray's) when the icon leaves the tray or comes (back) into it
     * after {@link #start}: the desktop's tray host stopped, restarted, or appeared only after the app. Call
     * before {@link #start}.
     */
    default void whenShownChanges(java.util.function.Consumer<Registration> listener) {
    }

    /** Shows a new state or leak count (no-op when not registered). */
    void update(TrayState state);

    @Override
    void close();
}
