package org.port853.core;

/**
 * The DNSSEC rule of the window and of {@code apply} without {@code --dnssec}: a change writes a DNSSEC setting only
 * when the user chose one; otherwise the system's own setting stays (no DNSSEC line is written), and a setting
 * Port853's own settings already hold (an earlier choice) is written again, so that it stays too.
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
        return s == null || s.platform() == null ? null : s.platform().ownDnssec();
    }

    /** What the draft writes: {@code chosen} when it differs from the system's setting, otherwise {@link #kept}. */
    public static DnssecMode toWrite(DnssecMode chosen, ResolverState s) {
        return s != null && s.readable() && chosen == shown(s.global()) ? kept(s) : chosen;
    }

    /** {@code desired} as written over state {@code s}: where it leaves DNSSEC to the system, with {@link #kept}. */
    public static DesiredSettings keptIn(DesiredSettings desired, ResolverState s) {
        DnssecMode kept = desired.dnssec() == null ? kept(s) : null;
        return kept == null ? desired : new DesiredSettings(desired.servers(), desired.mode(), kept,
                desired.routeAllDomains(), desired.fallback());
    }
}
