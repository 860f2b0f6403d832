package org.port853.cli;

import org.port853.core.Assessment;
import org.port853.core.FixAction;
import org.port853.core.Reason;
import org.port853.platform.PlatformRules;

/**
 * What {@code status} says where a reason refuses every change here ({@link PlatformRules#refusesChanges}), as the
 * window's blocked banner does (ui/Blocked): that reason first, with its fix, and no other reason's fix that is a change
 * Port853 would make ('port853 apply', a fix the window offers as a button), since apply would only be refused.
 *
 * @param blocking the reason that refuses every change, or null where changes can be made
 */
record RefusedChanges(Reason blocking) {
    /** The command the fixes that change the settings name. */
    private static final String APPLY = "port853 apply";

    static RefusedChanges of(Assessment a, PlatformRules rules) {
        return new RefusedChanges(a.reasons().stream().filter(rules::refusesChanges).findFirst().orElse(null));
    }

    /** {@code r}'s fix is a change through Port853, which is refused until the blocking reason is fixed. */
    boolean fixRefused(Reason r) {
        return blocking != null && r != blocking && r.fix() != null
                && (r.fixAction() != null && r.fixAction() != FixAction.RECOVER || r.fix().contains(APPLY));
    }
}
