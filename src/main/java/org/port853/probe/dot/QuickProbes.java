package org.port853.probe.dot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.port853.core.ServerAddress;

/**
 * Quick probes (one query, no warm rounds, a timeout each) with the configured trust anchors. The probe, its DNS
 * library and the trust store are loaded at the first probe, never while the window or a command starts.
 */
public final class QuickProbes {
    private QuickProbes() {
    }

    public static Function<List<ServerAddress>, List<ProbeReport>> prober(Duration timeout) {
        DotProbe[] probe = new DotProbe[1];
        return servers -> {
            synchronized (probe) {
                if (probe[0] == null) {
                    probe[0] = new DotProbe(TrustAnchors.configured(), Clock.systemUTC());
                }
            }
            return probe[0].probeAll(servers, ProbeOptions.quick(timeout).withWarmRounds(0));
        };
    }
}
