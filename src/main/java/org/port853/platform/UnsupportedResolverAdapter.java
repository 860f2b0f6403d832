package org.port853.platform;

import java.util.List;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.StateSource;

/** Stands in when no adapter supports this machine: reads say so (with the real reason), writes are refused. */
final class UnsupportedResolverAdapter implements ResolverAdapter {
    private final Sentence why;

    UnsupportedResolverAdapter() {
        this(System.getProperty("os.name", "this operating system"));
    }

    UnsupportedResolverAdapter(String osName) {
        this.why = Sentence.of("Port853 has no resolver adapter for " + osName + " (it manages systemd-resolved on Linux "
                + "and the DNS client on Windows 11)", "refused.no-adapter", osName);
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
        return new ResolverState("no supported resolver", StateSource.NONE, false, false, null, List.of(), null, why.english(),
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
