package org.port853.ui.common;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusTest {
    @Test
    @DisplayName("a session bus address whose socket is gone (a stale DBUS_SESSION_BUS_ADDRESS) is given up after one "
            + "attempt, not after dbus-java's 10 s of retries: the tray and 'start minimised' wait for that answer")
    void missingBusIsGivenUpAtOnce(@TempDir Path dir) {
        long t0 = System.nanoTime();
        try (SessionBus.Connection c = new SessionBus.Connection(
                SessionBus.sharedOpener("unix:path=" + dir.resolve("no-bus")), "test")) {
            assertNull(c.get());
            assertNull(c.get(), "not tried again");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 2500, "took " + millis + " ms");
    }
}
