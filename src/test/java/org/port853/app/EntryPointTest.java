package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.platform.EntryPoint;

class EntryPointTest {
    @Test
    @DisplayName("the launcher finds Windows' elevated helper by its flag through ServiceLoader, and refuses it on Linux")
    void windowsHelperByFlag() {
        EntryPoint e = EntryPoint.forFlag("--windows-helper").orElseThrow();
        assertEquals("org.port853.platform.windows.WindowsHelperMain$Entry", e.getClass().getName());
        assertFalse(e.isSupported());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.runEntryPoint(e, new String[] {"--request", "a", "--result", "b"},
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("port853 --windows-helper: not available on this operating system.",
                err.toString(StandardCharsets.UTF_8).strip());
        assertTrue(EntryPoint.forFlag("status").isEmpty(), "commands are not entry points");
    }
}
