package org.port853.core;

import java.util.Comparator;
import java.util.List;

public record Assessment(Verdict verdict, List<Reason> reasons) {
    /** The reason of a change that was interrupted before its check: it makes the state unchecked, not DNS dead. */
    public static final String INTERRUPTED = "CHANGE_INTERRUPTED";

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    /** The worst severity among the reasons but an interrupted change's (INFO when there is none). */
    public Severity worstBesideInterruption() {
        return reasons.stream().filter(r -> !r.code().equals(INTERRUPTED)).map(Reason::severity)
                .max(Comparator.naturalOrder()).orElse(Severity.INFO);
    }
}
