package org.port853.platform.linux;

import java.util.List;
import java.util.Optional;
import org.port853.change.ChangeRecord;
import org.port853.core.Assessment;
import org.port853.core.DropIn;
import org.port853.core.PendingChange;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.Severity;

/**
 * An interrupted revert that recover refuses to finish, the boot-time one at every boot, while a named pipe or device
 * is among systemd-resolved's settings files (ResolvedPlanner.revertRefusal: the main file, one Port853's drop-in masks,
 * a drop-in): "run recover" would only be refused again, so the interrupted change's reason says what it waits on and
 * how to clear it. Details: the change's start and description, then 1 where resolved up to 257 would wait on the pipe,
 * 2 where from 258 it would ignore every settings file (0: the neutral reason, nothing waits), and the pipe.
 */
final class InterruptedRevertWait {
    private InterruptedRevertWait() {
    }

    static Optional<Reason> of(ResolverState s, LinuxDetails d) {
        PendingChange p = s.pendingChange();
        if (p == null || p.inProgress() || !ChangeRecord.REVERT.equals(p.description())) {
            return Optional.empty();
        }
        String pipe = d.mainConfPipe() ? d.mainConf() : d.pipeOursMasks() != null ? d.pipeOursMasks()
                : d.dropIns().stream().filter(DropInScanner::isPipe).map(DropIn::path).findFirst().orElse(null);
        if (pipe == null) {
            return Optional.empty();
        }
        boolean waits = SettingsPipe.on(d.systemdVersion(), true).waits();
        return Optional.of(new Reason(Assessment.INTERRUPTED, Severity.WARNING, "A change started " + p.started()
                + " was interrupted before it was checked (" + p.description() + "); DNS may not work or may not be "
                + "encrypted. Finishing it is refused, by the recovery at every boot too, while " + pipe + " is there: "
                + "it is a named pipe or device, not a file, and when the revert restarts systemd-resolved, "
                + (waits ? "it waits on it and does not come up" : "it cannot open it and ignores every settings file")
                + ".", "Move it away (sudo mv " + pipe + " " + pipe + ".old), then run 'port853 recover' (or restart: "
                + "the recovery at boot finishes it).", null,
                List.of(String.valueOf(p.started()), p.description(), waits ? "1" : "2", pipe)));
    }
}
