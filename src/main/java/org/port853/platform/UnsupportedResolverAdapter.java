package org.port853.platform;

import java.util.List;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;

/** Stands in when no adapter supports this machine: reads say so (with the real reason), writes are refused. */
final class UnsupportedResolverAdapter implements ResolverAdapter {
    private final String why;

    UnsupportedResolverAdapter() {
        this(System.getProperty("os.name", "this operating system"));
    }

    UnsupportedResolverAdapter(String osName) {
        this.why = "Port853 has no resolver adapter for " + osName + " (it manages systemd-resolved on Linux and the "
                + "DNS client on Windows 11)";
    }

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
        return new ResolverState("no supported resolver", StateSource.NONE, false, false, null, List.of(), null, why,
                null);
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        return Plan.refused(why);
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

    private ApplyResult refused() {
        return ApplyResult.of(ApplyResult.Outcome.REFUSED, why);
    }
}
