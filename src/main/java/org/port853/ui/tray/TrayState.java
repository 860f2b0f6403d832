package org.port853.ui.tray;

import org.port853.ui.status.ProtectionState;

/**
 * What the tray shows: the Status screen's state and the leaked queries counted since the app started; {@code demo}
 * when they are the demo's sample machine's, not this computer's; {@code watching} false while the capture does not
 * run (no permission to capture, capture lost), when a count of 0 would read as "no leaks".
 */
public record TrayState(ProtectionState state, long leaksSinceStart, boolean demo, boolean watching) {
    public TrayState(ProtectionState state, long leaksSinceStart, boolean demo) {
        this(state, leaksSinceStart, demo, true);
    }

    public TrayState(ProtectionState state, long leaksSinceStart) {
        this(state, leaksSinceStart, false);
    }
}
