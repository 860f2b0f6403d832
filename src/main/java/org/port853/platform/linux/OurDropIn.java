package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.port853.change.ItemSnapshot;
import org.port853.change.Journal;
import org.port853.change.JournalStore;
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

    /**
     * Whether status shows the file at Port853's drop-in path as Port853's. Where the published scope is unknown (the
     * helper could not record it: a read-only /var/lib), status still knows its own file: by the journal where this
     * user may read it (root), else by Port853's header, as a revert without a journal judges; {@link
     * #scopeUnrecorded} then says that the scope is missing.
     */
    static boolean shownAsOurs(LinuxPaths paths) {
        return shown(paths).ours();
    }

    /**
     * Status shows the file at Port853's drop-in path as Port853's by its header alone (no scope published, the journal
     * closed to this user): an edited copy that kept the header looks the same, and the helper's revert, which reads
     * the journal, keeps such a copy.
     */
    static boolean oursByHeaderOnly(LinuxPaths paths) {
        Shown shown = shown(paths);
        return shown.basis() == Basis.HEADER && shown.ours();
    }

    /** What status judges the file at Port853's drop-in path by: the first of these that tells anything. */
    private enum Basis {
        /** the scope the helper published */
        SCOPE,
        /** Port853's journal, where this user may read it */
        JOURNAL,
        /** Port853's header, as a revert without a journal judges */
        HEADER,
        /** nothing: no file there, or none that can be read */
        NONE
    }

    /** Whether status shows the file at Port853's drop-in path as Port853's, and by what. */
    private record Shown(Basis basis, boolean ours) {
    }

    private static Shown shown(LinuxPaths paths) {
        Optional<Boolean> scope = judged(paths);
        if (scope.isPresent()) {
            return new Shown(Basis.SCOPE, scope.get());
        }
        Optional<Boolean> journal = byJournal(paths);
        if (journal.isPresent()) {
            return new Shown(Basis.JOURNAL, journal.get());
        }
        return byHeader(paths).map(ours -> new Shown(Basis.HEADER, ours)).orElse(new Shown(Basis.NONE, false));
    }

    private static Optional<Boolean> byJournal(LinuxPaths paths) {
        return judged(paths, pristine -> journalled(paths, pristine));
    }

    /** As a revert without a journal judges: a file with Port853's header is Port853's. */
    private static Optional<Boolean> byHeader(LinuxPaths paths) {
        return judged(paths, pristine -> Optional.of(RevertScope.of(Journal.EMPTY, pristine)));
    }

    /**
     * A file is at Port853's drop-in path, but no scope is published for the journal (none could be written, or one of
     * an earlier journal is left): the window and the refusals cannot judge the file as the helper's revert will.
     */
    static boolean scopeUnrecorded(LinuxPaths paths) {
        return Files.isRegularFile(paths.ourDropIn(), LinkOption.NOFOLLOW_LINKS) && judged(paths).isEmpty();
    }

    /** Whether a revert removes the file at Port853's path, as the published scope tells; empty where it does not. */
    private static Optional<Boolean> judged(LinuxPaths paths) {
        return judged(paths, pristine -> RevertScope.published(paths.stateDir(), pristine));
    }

    /** Whether a revert removes the file at Port853's path, as {@code scope} tells; empty where it tells nothing. */
    private static Optional<Boolean> judged(LinuxPaths paths, Function<List<ItemSnapshot>, Optional<RevertScope>> scope) {
        try {
            var current = FileItemStore.read(paths.ourDropIn());
            return scope.apply(LinuxChange.pristine(paths.ourDropIn())).map(s -> s.removes(current));
        } catch (IOException e) {
            return Optional.empty(); // not a file, or one that cannot be read: no revert's to remove
        }
    }

    /** The journal's own scope, where this user may read the journal; empty else. */
    private static Optional<RevertScope> journalled(LinuxPaths paths, List<ItemSnapshot> pristine) {
        if (!Files.isReadable(paths.stateDir().resolve(JournalStore.JOURNAL))) {
            return Optional.empty();
        }
        try {
            return Optional.of(RevertScope.of(new JournalStore(paths.stateDir()).load(), pristine));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
