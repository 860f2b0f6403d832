package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusMissingTest {
    @TempDir
    Path runtime;

    @Test
    void onlyWithoutAnyBusOnLinux() throws Exception {
        assertTrue(org.port853.ui.common.SessionBus.missing(Map.of(), "Linux"), "no address, no runtime directory");
        assertTrue(org.port853.ui.common.SessionBus.missing(Map.of("XDG_RUNTIME_DIR", runtime.toString()), "Linux"),
                "a runtime directory without a bus socket");
        assertFalse(org.port853.ui.common.SessionBus.missing(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"),
                "Linux"));
        Files.createFile(runtime.resolve("bus"));
        assertFalse(org.port853.ui.common.SessionBus.missing(Map.of("XDG_RUNTIME_DIR", runtime.toString()), "Linux"),
                "libdbus finds the bus at $XDG_RUNTIME_DIR/bus");
        assertFalse(org.port853.ui.common.SessionBus.missing(Map.of(), "Windows 11"));
    }
}
