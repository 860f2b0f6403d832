package org.port853.ui.tray;

import org.port853.ui.status.ProtectionState;

/**
 * What the tray shows: the Status screen's state and the leaked queries counted since the app started; {@code demo}
 * when they are the demo's sample machine's, not this computer's; {@code watching} false while the capture does not
 * run (no permission to capture, capture lost), when a count of 0 would read as "no leaks"; {@code canVerify} false
 * while the window's apply sheet is open (a change previewed, running or its result shown): the window's Verify waits
 * for it, so the tray's Verify now is greyed out rather than do nothing; {@code leakWithoutQuery}: the state's leak is
 * only packets on port 53 in which no DNS query was read (as Status judges it).
 */
public record TrayState(ProtectionState state, long leaksSinceStart, boolean demo, boolean watching,
                        boolean canVerify, boolean leakWithoutQuery) {
    public TrayState(ProtectionState state, long leaksSinceStart, boolean demo, boolean watching, boolean canVerify) {
        this(state, leaksSinceStart, demo, watching, canVerify, false);
    }

    public TrayState(ProtectionState state, long leaksSinceStart, boolean demo, boolean watching) {
        this(state, leaksSinceStart, demo, watching, true);
    }

    public TrayState(ProtectionState state, long leaksSinceStart, boolean demo) {
        this(state, leaksSinceStart, demo, true);
    }

    public TrayState(ProtectionState state, long leaksSinceStart) {
        this(state, leaksSinceStart, false);
    }
}
