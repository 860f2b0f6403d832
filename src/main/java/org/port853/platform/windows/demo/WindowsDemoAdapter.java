package org.port853.platform.windows.demo;

import java.io.IOException;
import org.port853.core.DesiredSettings;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.platform.windows.WindowsDnsClientAdapter;
import org.port853.platform.windows.WindowsResolverAdapter;
import org.port853.platform.windows.WindowsStates;
import org.port853.platform.windows.WindowsSystem;

/**
 * {@code --demo=windows}: the real Windows reader, rules and planner fed with bundled Windows outputs. Changes are
 * refused: the machine model that could apply them exists only in the tests, so simulating them here would be a
 * second, untested implementation.
 */
public final class WindowsDemoAdapter implements WindowsDnsClientAdapter {
    public static final String DATA = "/org/port853/demo/windows/";
    public static final String REFUSAL = "demo: this sample Windows machine shows changes but does not make them "
            + "(only the Linux demo simulates changes)";
    private static final Sentence REFUSED = Sentence.of(REFUSAL, "refused.windows-demo");
    private final WindowsSystem system;
    private final WindowsResolverAdapter real;

    public WindowsDemoAdapter() {
        ReplayedWindows replay = new ReplayedWindows(DATA);
        system = new WindowsSystem(replay, replay, null, null, null);
        real = new WindowsResolverAdapter(system, ProviderCatalog.loadDefault(), null);
    }

    @Override
    public String id() {
        return "windows-demo";
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public ResolverState readState() {
        try {
            ResolverState s = WindowsStates.of(system.reader().read(), null, StateSource.DEMO);
            return new ResolverState(s.resolverName() + " (demo)", s.source(), s.installed(), s.running(), s.global(),
                    s.links(), s.pendingChange(), s.problem(), s.platform());
        } catch (IOException | RuntimeException e) {
            return WindowsStates.unreadable("demo: " + e.getMessage(), null);
        }
    }

    /** The real planner's preview: shows what would be written; nothing is. Its steps say "(demo)", as Linux's do. */
    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        Plan p = real.plan(desired, current);
        return new Plan(p.files(), p.actions().stream().map(a -> "(demo) " + a).toList(), p.refusal(), p.itemKind(),
                p.actionWords(), p.refusalWords(), p.notes());
    }

    @Override
    public String changesRefused() {
        return REFUSAL;
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        return ApplyResult.of(ApplyResult.Outcome.REFUSED, REFUSED);
    }

    @Override
    public ApplyResult revert() {
        return ApplyResult.of(ApplyResult.Outcome.REFUSED, REFUSED);
    }

    @Override
    public ApplyResult recover() {
        return ApplyResult.of(ApplyResult.Outcome.REFUSED, REFUSED);
    }

    @Override
    public ApplyResult harden(boolean on) {
        return ApplyResult.of(ApplyResult.Outcome.REFUSED, REFUSED);
    }
}
