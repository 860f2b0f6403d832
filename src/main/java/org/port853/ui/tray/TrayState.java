package org.port853.ui.tray;

import org.port853.ui.status.ProtectionState;

/**
 * What the tray shows: the Status screen's state and the leaked queries counted since the app started; {@code demo}
 * when they are the demo's sample machine's, not this computer's.
 */
public record TrayState(ProtectionState state, long leaksSinceStart, boolean demo) {
    public TrayState(ProtectionState state, long leaksSinceStart) {
        this(state, leaksSinceStart, false);
    }
}
