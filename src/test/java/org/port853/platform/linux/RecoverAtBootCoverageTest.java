package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;

/**
 * The boot unit's recover ends a kept change as plain recover does: where a static /etc/resolv.conf sends programs past
 * the stub, NOT_COVERED (exit 3), not KEPT (exit 0). No helper runs: the test answers its requests.
 */
class RecoverAtBootCoverageTest {
    @TempDir
    Path root;
    final List<HelperRequest> asked = new ArrayList<>();
    SystemdResolvedAdapter adapter;

    @BeforeEach
    void setUp() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.resolvConf().getParent());
        Files.writeString(paths.resolvConf(), "nameserver 198.18.0.1\n");
        ApplyResult kept = new ApplyResult(ApplyResult.Outcome.KEPT, "the interrupted change works; kept it", null,
                List.of(), true, Duration.ZERO);
        adapter = new SystemdResolvedAdapter(paths, new PrivilegedClient(), request -> {
            asked.add(request);
            return kept;
        });
    }

    @Test
    @DisplayName("recover --boot: a kept change that a static resolv.conf bypasses is NOT_COVERED, as with recover")
    void aKeptChangeBypassedAtBootIsNotCovered() {
        ApplyResult atBoot = adapter.recoverAtBoot();
        ApplyResult plain = adapter.recover();
        assertEquals(List.of(true, false), asked.stream().map(HelperRequest::atBoot).toList());
        assertEquals(ApplyResult.Outcome.NOT_COVERED, plain.outcome(), plain.reason());
        assertEquals(plain.outcome(), atBoot.outcome(), atBoot.reason());
        assertEquals(plain.reason(), atBoot.reason());
    }
}
