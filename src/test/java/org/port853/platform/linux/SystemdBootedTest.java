package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolverState;

class SystemdBootedTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("the state says whether systemd is the init system: run/systemd/system exists only then (sd_booted)")
    void readFromTheRuntimeDirectory() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        assertEquals(root.resolve("run/systemd/system"), paths.systemdRuntime());
        ResolverState without = new ResolvedStateReader(paths, false).read(); // no resolved binary under root
        assertFalse(without.installed());
        assertFalse(((LinuxDetails) without.platform()).systemdBooted());
        Files.createDirectories(paths.systemdRuntime());
        assertTrue(((LinuxDetails) new ResolvedStateReader(paths, false).read().platform()).systemdBooted());
        assertEquals(Path.of("/run/systemd/system"), LinuxPaths.system().systemdRuntime());
    }
}
