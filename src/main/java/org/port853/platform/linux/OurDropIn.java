package org.port853.platform.linux;

import java.io.IOException;
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
        try {
            return RevertScope.published(paths.stateDir(), LinuxChange.pristine(paths.ourDropIn()))
                    .removes(FileItemStore.read(paths.ourDropIn()));
        } catch (IOException e) {
            return false; // not a file, or one that cannot be read: no revert's to remove
        }
    }
}
