package org.port853.platform;

import java.time.Duration;
import java.util.List;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;

/** Stands in when no adapter supports this machine: reads say so, writes are refused. */
final class UnsupportedResolverAdapter implements ResolverAdapter {
    private static final String WHY = "no supported system resolver was found (Port853 manages systemd-resolved on "
            + "Linux and the DNS client on Windows 11)";

    @Override
    public String id() {
        return "none";
    }

    @Override
    public boolean isSupported() {
        return false;
    }

    @Override
    public ResolverState readState() {
        return new ResolverState("systemd-resolved", StateSource.NONE, false, false, 0, null, List.of(), null,
                List.of(), null, WHY);
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        return Plan.refused(WHY);
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        return refused();
    }

    @Override
    public ApplyResult revert() {
        return refused();
    }

    @Override
    public ApplyResult recover() {
        return refused();
    }

    private static ApplyResult refused() {
        return new ApplyResult(ApplyResult.Outcome.REFUSED, WHY, null, null, List.of(), false, Duration.ZERO);
    }
}
