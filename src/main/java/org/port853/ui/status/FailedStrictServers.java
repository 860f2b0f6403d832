package org.port853.ui.status;

import java.util.List;

import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.ui.TlsFailures;

/**
 * The servers of a strict-mode change whose encrypted connections all just failed: written so, the change would leave
 * the computer without DNS until it is rolled back.
 */
final class FailedStrictServers {
    private FailedStrictServers() {
    }

    /** {@code d}'s servers when it is strict and every one of them just failed; empty otherwise. */
    static List<ServerAddress> of(DesiredSettings d, TlsFailures failures) {
        boolean allFailed = d.mode() == DotMode.STRICT && !d.servers().isEmpty()
                && d.servers().stream().allMatch(a -> failures.of(a).isPresent());
        return allFailed ? d.servers() : List.of();
    }
}
