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

    static void sayIfBusy(CommandSpec spec, ResolverState state) {
        PendingChange p = state == null ? null : state.pendingChange();
        if (p != null && p.inProgress()) {
            spec.commandLine().getErr().println(Port853Command.prefix(spec) + "another change is in progress ("
                    + p.description() + ", started " + p.started() + "); waiting for it to finish.");
        }
    }
}
