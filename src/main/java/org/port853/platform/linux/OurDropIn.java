package org.port853.platform.linux;

import java.io.IOException;
import java.util.Optional;
import org.port853.change.RevertScope;

/**
 * Whether the file at Port853's drop-in path is Port853's: one a revert removes, as the helper's change engine judges
 * it (with a journal, only the file as Port853 itself wrote it, whatever its header says; without one, a file with
 * Port853's header). Read without privileges, from the scope the helper publishes ({@link RevertScope#published}).
 */
final class OurDropIn {
    private OurDropIn() {
    }

    static boolean revertRemoves(LinuxPaths paths) {
        // Unknown (a journal without a scope that matches it, until the helper's next run publishes one) counts as
        // not Port853's: the window's Off then goes on to the helper, which publishes the scope before it judges and
        // refuses itself where its revert would unmask a pipe, and status's DROP_IN_PIPE_MASKED is a note only.
        // Counted as Port853's, a wrong refusal would stop the Off here, with no helper run to put it right.
        return judged(paths).orElse(false);
    }

    /**
     * The file at Port853's drop-in path is known to be one a revert leaves as it is (someone else's, or none): the
     * window's Off then promises no removal. Unknown is not known: the helper's revert judges by its journal.
     */
    static boolean revertKeeps(LinuxPaths paths) {
        return !judged(paths).orElse(true);
    }

    /** Whether a revert removes the file at Port853's path, as the published scope tells; empty where it does not. */
    private static Optional<Boolean> judged(LinuxPaths paths) {
        try {
            var current = FileItemStore.read(paths.ourDropIn());
            return RevertScope.published(paths.stateDir(), LinuxChange.pristine(paths.ourDropIn()))
                    .map(scope -> scope.removes(current));
        } catch (IOException e) {
            return Optional.empty(); // not a file, or one that cannot be read: no revert's to remove
        }
    }
}
