package org.port853.cli;

import org.port853.core.Assessment;
import org.port853.core.FixAction;
import org.port853.core.Reason;
import org.port853.platform.PlatformRules;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.FixActions;

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
        return r != blocking && r.fix() != null
                && refuses(r.fix(), r.fixAction() != null && r.fixAction() != FixAction.RECOVER);
    }

    /**
     * {@code c}'s fix (doctor's) is a change through Port853, refused until then: 'port853 apply', or a one-click fix
     * other than hardening port 53 (a firewall rule, which no refusal of the resolver's settings stops).
     */
    boolean fixRefused(Check c) {
        return refuses(c.fix() == null ? "" : c.fix(), c.fixAction() != null
                && !FixActions.HARDEN_PORT_53.equals(c.fixAction()));
    }

    private boolean refuses(String fix, boolean oneClickChange) {
        return blocking != null && (oneClickChange || fix.contains(APPLY));
    }

    /** The blocking reason and its fix as said first, once; null where changes can be made. */
    String heading() {
        return blocking == null ? null : "Changes refused until this is fixed: " + blocking.message()
                + StatusCommand.fixLine(blocking);
    }
}
