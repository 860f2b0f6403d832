package org.port853.core;

import java.util.List;

public record Assessment(Verdict verdict, List<Reason> reasons) {
    /** The reason of a change that was interrupted before its check: it makes the state unchecked, not DNS dead. */
    public static final String INTERRUPTED = "CHANGE_INTERRUPTED";

    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
