package org.port853.change;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the privileged side remembers between runs. {@code baseline}: the items as they were before Port853
 * first changed anything (what revert restores). {@code pending}: a change written but not yet verified.
 * {@code version} is the journal format.
 */
public record Journal(int version, List<ItemSnapshot> baseline, ChangeRecord pending) {
    public static final int FORMAT = 2;
    public static final Journal EMPTY = new Journal(FORMAT, null, null);

    public Journal {
        baseline = baseline == null ? null : List.copyOf(baseline);
    }

    public Journal withPending(ChangeRecord p) {
        return new Journal(FORMAT, baseline, p);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return baseline == null && pending == null;
    }
}
