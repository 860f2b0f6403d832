package org.port853.change;

import java.util.ArrayList;
import java.util.List;

/**
 * What a revert does with each item that is no longer as it was before Port853, decided once: the refusal asked before
 * the revert ({@link ChangeEngine.RevertRefusal}) is given {@link #restore} and the revert writes exactly that, so the
 * two cannot disagree. An item is put back where its {@link RevertScope} allows it; any other is left to whoever
 * changed it since.
 *
 * @param restore   the items as before Port853, to be written back
 * @param ours      the same items as they are now, Port853's own states that the revert replaces
 * @param leftAlone the items as they are now that the revert leaves as they are
 */
record RevertSelection(List<ItemSnapshot> restore, List<ItemSnapshot> ours, List<ItemSnapshot> leftAlone) {
    RevertSelection {
        restore = List.copyOf(restore);
        ours = List.copyOf(ours);
        leftAlone = List.copyOf(leftAlone);
    }

    /**
     * @param scope       what Port853 may put back ({@link RevertScope#mayPutBack})
     * @param now         the items of {@code baseline} as they are now, in the same order
     */
    static RevertSelection of(RevertScope scope, List<ItemSnapshot> baseline, List<ItemSnapshot> now) {
        List<ItemSnapshot> restore = new ArrayList<>();
        List<ItemSnapshot> ours = new ArrayList<>();
        List<ItemSnapshot> leftAlone = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i++) {
            ItemSnapshot current = now.get(i);
            if (ItemSnapshots.satisfies(current, baseline.get(i))) {
                continue;
            }
            if (scope.mayPutBack(current)) {
                restore.add(baseline.get(i));
                ours.add(current);
            } else {
                leftAlone.add(current);
            }
        }
        return new RevertSelection(restore, ours, leftAlone);
    }

    /** Every item is as it was before Port853. */
    boolean allAsBefore() {
        return restore.isEmpty() && leftAlone.isEmpty();
    }
}
