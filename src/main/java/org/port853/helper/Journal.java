package org.port853.helper;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the privileged side remembers between runs. {@code baseline}: the files as they were before Port853
 * first changed anything (what revert restores). {@code pending}: a change written but not yet verified;
 * if it is still there when the next run starts, that change was interrupted.
 */
public record Journal(List<FileSnapshot> baseline, ChangeRecord pending) {
    public static final Journal EMPTY = new Journal(null, null);

    public Journal {
        baseline = baseline == null ? null : List.copyOf(baseline);
    }

    public Journal withPending(ChangeRecord p) {
        return new Journal(baseline, p);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return baseline == null && pending == null;
    }
}
