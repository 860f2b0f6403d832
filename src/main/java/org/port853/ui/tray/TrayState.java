package org.port853.ui.tray;

import org.port853.ui.status.ProtectionState;

/** What the tray shows: the Status screen's state and the leaked queries counted since the app started. */
public record TrayState(ProtectionState state, long leaksSinceStart) {
}
