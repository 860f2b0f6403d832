package org.port853.platform.windows;

import java.util.Optional;
import org.port853.core.DesiredSettings;
import org.port853.core.Sentence;
import org.port853.platform.PlatformRules;
import org.port853.platform.ResolverAdapter;

/** What every adapter for the Windows DNS client answers alike, the real one and the demo's. */
public interface WindowsDnsClientAdapter extends ResolverAdapter {
    /** Windows' changes are settings (the DoH server table, an NRPT rule, the adapters' servers), not files. */
    @Override
    default boolean changesFiles() {
        return false;
    }

    @Override
    default boolean hasResolverFile() {
        return false;
    }

    @Override
    default Optional<Sentence> inputRefusal(DesiredSettings desired) {
        return WindowsPlanner.settingsRefusal(desired);
    }

    @Override
    default PlatformRules rules() {
        return new WindowsRules();
    }
}
