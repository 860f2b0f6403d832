package org.port853.ui;

import java.util.function.Supplier;

import org.port853.core.DesiredSettings;
import org.port853.core.ResolverState;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.platform.PlatformRules;
import org.port853.core.Assessment;
import org.port853.platform.ResolverAdapter;

/** Detects the adapter on first use (a background thread), so detection never delays the first frame. */
final class LazyResolverAdapter implements ResolverAdapter {
    private final Supplier<ResolverAdapter> detect;
    private volatile ResolverAdapter delegate;

    LazyResolverAdapter(Supplier<ResolverAdapter> detect) {
        this.detect = detect;
    }

    private ResolverAdapter d() {
        ResolverAdapter a = delegate;
        if (a == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = detect.get();
                }
                a = delegate;
            }
        }
        return a;
    }

    @Override public String id() { return d().id(); }
    @Override public boolean isSupported() { return d().isSupported(); }
    @Override public ResolverState readState() { return d().readState(); }
    @Override public java.util.Optional<org.port853.platform.LookupTransport> freshLookupTransport() {
        return d().freshLookupTransport();
    }
    @Override public String ownLookupName() { return d().ownLookupName(); }
    @Override public org.port853.platform.OwnLookup ownLookup() {
        return d().ownLookup();
    }
    @Override public Plan plan(DesiredSettings desired, ResolverState current) { return d().plan(desired, current); }
    @Override public ApplyResult apply(DesiredSettings desired) { return d().apply(desired); }
    @Override public Plan plan(DesiredSettings desired, ResolverState current, boolean linkResolverFile) {
        return d().plan(desired, current, linkResolverFile);
    }
    @Override public ApplyResult apply(DesiredSettings desired, boolean linkResolverFile) {
        return d().apply(desired, linkResolverFile);
    }
    @Override public String changesRefused() { return d().changesRefused(); }
    @Override public org.port853.core.Sentence cannotChange() { return d().cannotChange(); }
    @Override public boolean changesFiles() { return d().changesFiles(); }
    @Override public boolean hasResolverFile() { return d().hasResolverFile(); }
    @Override public java.util.Optional<org.port853.core.Sentence> inputRefusal(org.port853.core.DesiredSettings desired) {
        return d().inputRefusal(desired);
    }
    @Override public ApplyResult revert() { return d().revert(); }
    @Override public ApplyResult recover() { return d().recover(); }
    @Override public ApplyResult harden(boolean on) { return d().harden(on); }
    @Override public int priority() { return d().priority(); }
    @Override public PlatformRules rules() { return d().rules(); }
    @Override public Assessment assess(ResolverState s) { return d().assess(s); }
}
