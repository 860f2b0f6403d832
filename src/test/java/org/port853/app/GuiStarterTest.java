package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuiStarterTest {
    @Test
    void noDisplayOnLinuxIsOneClearSentence() {
        String p = GuiStarter.displayProblem(Map.of(), "Linux", null);
        assertTrue(p.contains("no graphical display") && p.contains("port853 --help"), p);
    }

    @Test
    void x11WaylandMonocleAndOtherSystemsStart() {
        assertNull(GuiStarter.displayProblem(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(GuiStarter.displayProblem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertNull(GuiStarter.displayProblem(Map.of(), "Linux", "Monocle"));
        assertNull(GuiStarter.displayProblem(Map.of(), "Windows 11", null));
    }
}
