package org.port853.ui.common;

import org.port853.core.DnssecMode;
import org.port853.core.GlobalState;
import org.port853.core.ResolverState;

/**
 * The window's DNSSEC rule, like the command line's without {@code --dnssec}: a change writes a DNSSEC setting only
 * when the user chose one in the window; otherwise the system's own setting stays (no DNSSEC line is written), and
 * a setting Port853's own settings already hold (an earlier choice) is written again.
 */
public final class SystemDnssec {
    private SystemDnssec() {
    }

    /** The system's DNSSEC setting as the window shows it: off when the resolver does not say. */
    public static DnssecMode shown(GlobalState g) {
        return g.dnssec() == null ? DnssecMode.NO : g.dnssec();
    }

    /** What a change that leaves DNSSEC alone writes: null (no line), or the setting Port853's settings already hold. */
    public static DnssecMode kept(ResolverState s) {
        return s != null && s.readable() && s.platform().ownSettingsSetDnssec() ? shown(s.global()) : null;
    }

    /** What the draft writes: {@code chosen} when it differs from the system's setting, otherwise {@link #kept}. */
    public static DnssecMode toWrite(DnssecMode chosen, ResolverState s) {
        return s != null && s.readable() && chosen == shown(s.global()) ? kept(s) : chosen;
    }
}
