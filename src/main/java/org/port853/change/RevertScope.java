package org.port853.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port853.core.JsonTrees;

/**
 * What a revert may put back, as the change engine judges it: with a journal, only an item in a state Port853 itself
 * left it in (applied, or an interrupted change's), as it was before Port853 ({@code baseline}); without one, the
 * platform's own items as they were before Port853 ever ran ({@code pristine}). {@link JournalStore} publishes the
 * journal's scope beside the change marker, as fingerprints without contents, so that status and the window, which
 * cannot read the journal, judge an item as the privileged helper's revert will.
 */
public record RevertScope(boolean fromJournal, List<ItemFingerprint> baseline, List<ItemFingerprint> ours) {
    /** The published scope, beside {@code pending.json}. */
    static final String FILE = "revert-scope.json";
    /** The journal the published scope was made from ({@link JournalStamp}). */
    static final String JOURNAL_STAMP = "journal";
    private static final long MAX_SIZE = 64 * 1024;

    public RevertScope {
        baseline = List.copyOf(baseline);
        ours = List.copyOf(ours);
    }

    public static RevertScope of(Journal j, List<ItemSnapshot> pristine) {
        List<ItemSnapshot> baseline = j.baselineOr(pristine);
        List<ItemSnapshot> ours = new ArrayList<>(j.applied() == null ? List.of() : j.applied());
        if (j.pending() != null) {
            ours.addAll(j.pending().after());
            ours.addAll(j.pending().before());
        }
        return new RevertScope(j.recordsItems(), fingerprints(baseline), fingerprints(ours));
    }

    /**
     * The scope {@link JournalStore} published in {@code stateDir} for the journal there; without a journal, that of no
     * journal, with the platform's {@code pristine} items (a scope left behind by a journal removed by hand counts for
     * nothing). Empty where the journal's scope is unknown: none published for it (a journal an earlier Port853
     * wrote, a write that failed), one of an earlier journal, one that cannot be read, or a journal that cannot be
     * looked at (which is not no journal).
     */
    public static Optional<RevertScope> published(Path stateDir, List<ItemSnapshot> pristine) {
        Optional<String> journal;
        try {
            journal = JournalStamp.of(stateDir.resolve(JournalStore.JOURNAL));
        } catch (IOException e) {
            return Optional.empty(); // a journal that cannot be looked at may be there: its scope is unknown
        }
        if (journal.isEmpty()) {
            return Optional.of(of(Journal.EMPTY, pristine));
        }
        return read(stateDir.resolve(FILE), journal.get())
                .map(s -> s.fromJournal() ? s : of(Journal.EMPTY, pristine));
    }

    /** Without a journal every listed item may be put back; with one, only what Port853 itself left there. */
    public boolean mayPutBack(ItemSnapshot current) {
        return !fromJournal || ours.stream().anyMatch(o -> o.key().equals(current.key()) && o.matchedBy(current));
    }

    /** A revert removes {@code current}: its item was absent before Port853, and it is Port853's to put back. */
    public boolean removes(ItemSnapshot current) {
        Optional<ItemFingerprint> before = baseline.stream().filter(b -> b.key().equals(current.key())).findFirst();
        return current.present() && before.isPresent() && !before.get().present() && mayPutBack(current);
    }

    private static List<ItemFingerprint> fingerprints(List<ItemSnapshot> items) {
        return items == null ? List.of() : items.stream().map(ItemFingerprint::of).toList();
    }

    private static Optional<RevertScope> read(Path f, String journal) {
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_SIZE) {
                return Optional.empty();
            }
            return PublishedScope.from(JsonTrees.read(Files.readAllBytes(f)))
                    .filter(published -> published.journal().equals(journal)).map(PublishedScope::scope);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
