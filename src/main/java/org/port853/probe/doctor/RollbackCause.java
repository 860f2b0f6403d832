package org.port853.probe.doctor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;
import org.port853.probe.dot.ProbeReport;

/**
 * Why a change that asked for encryption was rolled back, when its servers are the cause: the resolver only says
 * that no server could be reached; a quick probe of each chosen server names the first problem the doctor would
 * (nothing on port 853, no TLS, an untrusted certificate, a certificate for another name), with its fix.
 */
public final class RollbackCause {
    private final Function<List<ServerAddress>, List<ProbeReport>> prober;
    private final Clock clock;

    public RollbackCause(Function<List<ServerAddress>, List<ProbeReport>> prober, Clock clock) {
        this.prober = prober;
        this.clock = clock;
    }

    /** Worth probing: a change towards encryption that was rolled back. */
    public static boolean applies(ApplyResult r, DesiredSettings desired) {
        return r.outcome() == ApplyResult.Outcome.ROLLED_BACK && desired.mode() != DotMode.OFF
                && !desired.servers().isEmpty();
    }

    /** The first failed or warned check of the chosen servers; empty when they all look fine. */
    public Optional<Check> of(DesiredSettings desired) {
        for (ProbeReport report : prober.apply(desired.servers())) {
            for (Check c : ServerChecks.of(report, desired.mode(), null, clock.instant())) {
                if (c.status() != CheckStatus.OK) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
