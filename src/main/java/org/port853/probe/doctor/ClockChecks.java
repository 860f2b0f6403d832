package org.port853.probe.doctor;

/** Clock synchronisation: DNSSEC signatures and certificates are only valid within time windows. */
public final class ClockChecks {
    /** Beyond this the kernel's estimated error makes DNSSEC and certificate dates unreliable. */
    static final double MAX_ERROR_MILLIS = 60_000;

    private ClockChecks() {
    }

    public static Check of(ClockStatus c) {
        String kernel = c.kernelSynced() == null ? "" : " The kernel " + (c.kernelSynced()
                ? "counts the clock as synchronised" : "does not count the clock as synchronised")
                + (c.offsetMillis() == null ? "" : ", offset " + c.offsetMillis() + " ms")
                + (c.estimatedErrorMillis() == null ? "" : ", estimated error " + c.estimatedErrorMillis() + " ms") + ".";
        Check check = ntp(c, kernel);
        return c.kernelSynced() == null ? check : check.says("clock.sync.kernel", c.offsetMillis(), c.estimatedErrorMillis(),
                c.kernelSynced() ? 1 : 0, c.offsetMillis() == null ? 0 : 1, c.estimatedErrorMillis() == null ? 0 : 1);
    }

    private static Check ntp(ClockStatus c, String kernel) {
        if (Boolean.TRUE.equals(c.ntpSynchronized())) {
            if (c.estimatedErrorMillis() != null && c.estimatedErrorMillis() > MAX_ERROR_MILLIS) {
                return Check.warning("clock.sync", null, "NTP reports synchronised, but the estimated error is large." + kernel,
                        "Check the time servers: timedatectl timesync-status.").says("clock.sync.large-error");
            }
            return Check.ok("clock.sync", null, "The clock is synchronised by NTP, says systemd-timedated." + kernel)
                    .says("clock.sync.ntp");
        }
        if (Boolean.FALSE.equals(c.ntpSynchronized())) {
            return Check.warning("clock.sync", null, "The clock is not synchronised by NTP, says systemd-timedated." + kernel,
                    "A wrong clock makes certificates look expired and DNSSEC answers fail (SERVFAIL): turn on time "
                            + "synchronisation with 'sudo timedatectl set-ntp true'.").says("clock.sync.unsynced");
        }
        if (Boolean.TRUE.equals(c.kernelSynced())) {
            return Check.ok("clock.sync", null, "Whether NTP keeps the clock synchronised is unknown: " + c.problem() + "."
                    + kernel)
                    .says("clock.sync.kernel-only", c.problem());
        }
        return Check.warning("clock.sync", null, "Whether the clock is synchronised is unknown: " + c.problem() + "." + kernel,
                "Make sure a time service (systemd-timesyncd, chrony) runs: timedatectl status.")
                .says("clock.sync.unknown", c.problem());
    }
}
