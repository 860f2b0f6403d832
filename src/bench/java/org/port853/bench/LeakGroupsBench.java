package org.port853.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.port853.capture.LeakRecord;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.ui.traffic.LeakGroups;

/**
 * The traffic screen's grouping of a long capture's leaks, all from before the last change (the case that explains each
 * leak to tell the old ones apart): {@code java -cp target/classes:target/lib/* org.port853.bench.LeakGroupsBench
 * [LEAKS] [NAMES] [RUNS]} prints the median CPU milliseconds of one grouping by name and by program.
 */
public final class LeakGroupsBench {
    /** CPU time of this thread: steadier than wall time on a machine that others share. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int leaks = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int names = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Instant change = Instant.parse("2026-12-04T14:17:48Z");
        ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
        ResolverState state = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, new GlobalState(
                List.of(quad9), List.of(), quad9, DotMode.STRICT, DnssecMode.NO, true, List.of(new DomainEntry(".", true)),
                "yes", "stub"), List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")),
                DotMode.OFF, null, List.of(), true, null)), null, null, null);
        List<LeakRecord> records = new ArrayList<>();
        for (int i = 0; i < leaks; i++) {
            String sender = i % 3 == 0 ? "systemd-resolve (97)" : null;
            records.add(new LeakRecord(change.minusMillis(leaks - i), "eth0", i % 2 == 0 ? "198.18.132.4" : "9.9.9.9",
                    "host" + (i % names) + ".example.com", "A", sender, null, i, sender, null));
        }
        for (int warm = 0; warm < 3; warm++) {
            for (LeakGroups.By by : LeakGroups.By.values()) {
                LeakGroups.group(records, by, state, change, new LeakGroups.Programs("unknown", "Port853"), r -> false);
            }
        }
        for (LeakGroups.By by : LeakGroups.By.values()) {
            long[] ms = new long[runs];
            int groups = 0;
            for (int run = 0; run < runs; run++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                groups = LeakGroups.group(records, by, state, change, new LeakGroups.Programs("unknown", "Port853"),
                        r -> false).size();
                ms[run] = (CPU.getCurrentThreadCpuTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.println(by + ": " + leaks + " leaks, " + names + " names, " + groups + " groups: median "
                    + ms[runs / 2] + " ms CPU of " + runs + " runs");
        }
    }
}
