package org.port853.core;

import java.util.List;

public record Assessment(Verdict verdict, List<Reason> reasons) {
    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
