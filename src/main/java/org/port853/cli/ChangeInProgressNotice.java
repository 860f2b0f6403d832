package org.port853.cli;

import org.port853.core.PendingChange;
import org.port853.core.ResolverState;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Says on stderr that another process is making a change: the command waits for its lock (up to 30 s) and would
 * otherwise print nothing all that time.
 */
final class ChangeInProgressNotice {
    private ChangeInProgressNotice() {
    }

    /** {@code state} is read here: a reading that fails only means nothing is said, never that the command fails. */
    static void sayIfBusy(CommandSpec spec, java.util.function.Supplier<ResolverState> state) {
        PendingChange p;
        try {
            ResolverState s = state.get();
            p = s == null ? null : s.pendingChange();
        } catch (RuntimeException e) {
            return;
        }
        if (p != null && p.inProgress()) {
            spec.commandLine().getErr().println(Port853Command.prefix(spec) + "another change is in progress ("
                    + p.description() + ", started " + p.started() + "); waiting for it to finish.");
        }
    }

    /**
     * Says on stderr that a change was interrupted before its check and that an apply replaces it (the settings
     * from before Port853 stay what revert restores); nothing when there is none or the state says nothing.
     */
    static void sayIfInterrupted(CommandSpec spec, ResolverState state, boolean dryRun) {
        PendingChange p = state == null ? null : state.pendingChange();
        if (p != null && !p.inProgress()) {
            spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: a change was interrupted before "
                    + "its check (" + p.description() + ", started " + p.started() + "); this apply " + (dryRun
                    ? "would replace" : "replaces") + " it (or checks it, if it asks for the same settings), and revert "
                    + "still restores the settings from before Port853; 'port853 recover' checks it instead.");
        }
    }
}
