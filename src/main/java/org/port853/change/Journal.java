package org.port853.change;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the privileged side remembers between runs. {@code baseline}: the items as they were before Port853
 * first changed anything (what revert restores). {@code applied}: each item as Port853 last left it, so that
 * revert can tell when someone else changed it since. {@code pending}: a change written but not yet verified;
 * if it is still there when the next run starts, that change was interrupted. {@code enabledResolverAtBoot}: Port853
 * made the resolver start at boot (it did not before), so revert turns that off again; absent in journals of format 2.
 */
public record Journal(int version, List<ItemSnapshot> baseline, List<ItemSnapshot> applied, ChangeRecord pending,
                      List<Completed> history, boolean enabledResolverAtBoot) {
    /** The format this code writes; {@link JournalStore} refuses newer ones. 3 added enabledResolverAtBoot. */
    public static final int FORMAT = 3;
    /** The format of a journal without enabledResolverAtBoot, which format-2 readers (older Port853) still read. */
    public static final int FORMAT_WITHOUT_BOOT_FLAG = 2;
    /** How many completed changes the history keeps (the newest). */
    public static final int HISTORY = 20;
    public static final Journal EMPTY = new Journal(FORMAT, null, null, null, null, false);

    public Journal {
        baseline = baseline == null ? null : List.copyOf(baseline);
        applied = applied == null ? null : List.copyOf(applied);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Journal(int version, List<ItemSnapshot> baseline, List<ItemSnapshot> applied, ChangeRecord pending,
                   List<Completed> history) {
        this(version, baseline, applied, pending, history, false);
    }

    public Journal(List<ItemSnapshot> baseline, ChangeRecord pending) {
        this(FORMAT, baseline, null, pending, null);
    }

    public Journal withPending(ChangeRecord p) {
        return new Journal(version, baseline, applied, p, history, enabledResolverAtBoot);
    }

    public Journal withApplied(List<ItemSnapshot> a) {
        return new Journal(version, baseline, a, pending, history, enabledResolverAtBoot);
    }

    public Journal withEnabledResolverAtBoot(boolean enabled) {
        return new Journal(version, baseline, applied, pending, history, enabled);
    }

    /** Adds a finished change to the history, dropping the oldest beyond {@link #HISTORY}. */
    public Journal withCompleted(Completed c) {
        java.util.List<Completed> h = new java.util.ArrayList<>(history);
        h.add(c);
        return new Journal(version, baseline, applied, pending,
                h.subList(Math.max(0, h.size() - HISTORY), h.size()), enabledResolverAtBoot);
    }

    /** It holds items: how they were before Port853 (or before an interrupted change), which a revert goes by. */
    @JsonIgnore
    public boolean recordsItems() {
        return baseline != null || pending != null;
    }

    /**
     * The items as they were before Port853: the baseline; before one is recorded, the pending change's before-state;
     * without either, {@code pristine} (the platform's own items).
     */
    List<ItemSnapshot> baselineOr(List<ItemSnapshot> pristine) {
        return baseline != null ? baseline : pending != null ? pending.before() : pristine;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return baseline == null && pending == null && !enabledResolverAtBoot;
    }
}
