package org.port853.ui;

import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * Nothing can be changed here: the resolver's state was not read (resolver missing, stopped, unreadable), or it was and
 * a reason says that every change is refused (the drop-in folder is a file, a settings file is a named pipe). The
 * Status switch and the Providers screen both say so, from this one value ({@link AppModel#blockedProperty()}).
 *
 * @param reason why: the reason the assessment of an unreadable state puts first, or the one that refuses changes;
 *               null when it gives none
 */
public record Blocked(ResolverState state, Reason reason) {
    /** Null where changes can be made, and while the state is not read yet. */
    static Blocked of(ResolverState s, Assessment a, java.util.function.Predicate<Reason> refusesChanges) {
        if (s == null) {
            return null;
        }
        if (s.readable()) {
            return a == null ? null : a.reasons().stream().filter(refusesChanges).findFirst()
                    .map(r -> new Blocked(s, r)).orElse(null);
        }
        return new Blocked(s, a == null || a.reasons().isEmpty() ? null : a.reasons().get(0));
    }

    /** The state was read: what the resolver runs can be shown, only changing it cannot. */
    public boolean stateRead() {
        return state.readable();
    }

    /** The reason in the window's words, or null when there is none. */
    public ReasonTexts.Text text() {
        return reason == null ? null : ReasonTexts.of(reason, state);
    }

    /** The reason's sentence, or the general one when there is none. */
    public String message() {
        return reason == null ? I18n.t("switch.blocked.generic") : text().message();
    }
}
