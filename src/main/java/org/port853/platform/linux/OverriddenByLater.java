package org.port853.platform.linux;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.port853.core.DropIn;
import org.port853.core.OverriddenSettings;

/**
 * Which settings a drop-in read after Port853's file wins over. Without a drop-in of Port853's own, that is an
 * exported copy read before it that sets one of the same keys (named by its file), or nothing Port853 manages: the
 * later file then only sorts after the name Port853 would write.
 */
final class OverriddenByLater {
    private OverriddenByLater() {
    }

    /** What {@code later}, one of {@code dropIns} in the order resolved reads them, overrides among {@code keys}. */
    static OverriddenSettings of(List<DropIn> dropIns, DropIn later, Set<String> keys) {
        if (dropIns.stream().anyMatch(DropIn::ours)) {
            return OverriddenSettings.PORT853;
        }
        OverriddenSettings over = OverriddenSettings.NONE;
        for (DropIn d : dropIns) {
            if (d == later) {
                break;
            }
            Set<String> shared = new HashSet<>(d.keys().keySet());
            shared.retainAll(keys);
            if (d.exported() && !ResolvedConf.effectiveKeysAmong(later.keys(), shared).isEmpty()) {
                over = OverriddenSettings.exportedCopy(String.valueOf(Path.of(d.path()).getFileName()));
            }
        }
        return over;
    }
}
